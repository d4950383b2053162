"""A large import is checked and saved by the worker, step by step as in the browser."""

import importlib
import os
import signal
import time

import pytest
from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from desa import latar
from desa.models import StatusTugas, Tugas
from kependudukan.ekonomi.models import ImporEkonomi, Keluarga, PenerimaBantuan
from kependudukan.impor import latar as impor_latar
from kependudukan.models import DataAwal, ImporBerkas, Peristiwa
from tests.kependudukan import workbooks_ekonomi
from tests.kependudukan.test_impor_views import A, good_file
from tests.kudapanmas.tugas import kerjakan_antrean, pekerja_lambat, tunggu

pytestmark = pytest.mark.django_db(transaction=True)

UPLOAD = reverse("kependudukan:impor_unggah")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def small_threshold(settings, private_media):
    """Three rows count as large here, so that a small workbook takes the background path."""
    settings.IMPOR_LATAR_BARIS = 3


def _upload(client, content=None, url=UPLOAD):
    return client.post(url, {"berkas": SimpleUploadedFile("besar.xlsx", content or good_file())})


def _pratinjau(impor):
    return reverse("kependudukan:impor_pratinjau", args=[impor.pk])


def test_a_large_workbook_is_checked_then_saved_by_the_worker(client_for, operator_a):
    client = client_for(operator_a)
    asked = _upload(client)
    impor = ImporBerkas.objects.get()
    assert asked.status_code == 302 and asked.url == _pratinjau(impor)
    assert impor.status == "diperiksa" and impor.tugas.kind == impor_latar.PERIKSA
    assert impor.tugas.status == StatusTugas.ANTRE and impor.hasil == {}

    page = client.get(asked.url).content.decode()
    assert "diperiksa di server" in page and "<progress" in page and "Belum ada yang disimpan" in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    # The upload page lists it, to come back to after closing the page.
    assert "Sedang diperiksa" in client.get(UPLOAD).content.decode()
    part = client.get(asked.url, **HTMX)
    assert 'hx-trigger="every 2s"' in part.content.decode() and "<html" not in part.content.decode()

    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "siap" and impor.berkas and impor.hasil["jumlah_peristiwa"] == 2
    assert impor.tugas.status == StatusTugas.SELESAI and impor.tugas.langkah_total == 3
    assert client.get(asked.url, **HTMX)["HX-Refresh"] == "true"  # the finished step reloads the page
    page = client.get(asked.url).content.decode()
    assert "Berkas benar" in page and "Aisyah Rahmah" in page and "refresh" not in page
    assert not Peristiwa.objects.exists()

    saving = client.post(reverse("kependudukan:impor_simpan", args=[impor.pk]))
    assert saving.url == asked.url
    client.post(reverse("kependudukan:impor_simpan", args=[impor.pk]))  # a second click joins it
    impor.refresh_from_db()
    assert impor.status == "menyimpan" and impor.tugas.kind == impor_latar.SIMPAN
    assert Tugas.objects.filter(kind=impor_latar.SIMPAN).count() == 1
    assert "disimpan di server" in client.get(asked.url).content.decode() and not Peristiwa.objects.exists()
    stored = impor.berkas.path

    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "disimpan" and impor.disimpan_at and not impor.berkas
    assert not os.path.exists(stored)
    assert Peristiwa.objects.filter(desa_id=A, dicatat_oleh=operator_a).count() == 2
    assert DataAwal.objects.get(desa_id=A).wni_l == 700
    assert "Tersimpan" in client.get(asked.url).content.decode()


def test_a_workbook_under_the_threshold_is_still_checked_in_the_request(client_for, operator_a, settings):
    settings.IMPOR_LATAR_BARIS = 2_000
    _upload(client_for(operator_a))
    impor = ImporBerkas.objects.get()
    assert impor.status == "siap" and impor.tugas is None and not Tugas.objects.exists()


def test_a_file_that_is_not_excel_is_refused_at_once_not_queued(client_for, operator_a):
    _upload(client_for(operator_a), b"PK\x03\x04 bukan excel")
    impor = ImporBerkas.objects.get()
    assert impor.status == "ditolak" and "tidak dapat dibaca" in impor.hasil["berkas"]
    assert not Tugas.objects.exists()


def test_the_economic_import_takes_the_same_path(client_for, operator_a):
    # The programme list is data of a migration, which the flush after another test takes away.
    awal = importlib.import_module("kependudukan.migrations.0003_program_bantuan_awal")
    awal.create(django_apps, None)
    client = client_for(operator_a)
    content = workbooks_ekonomi.workbook_bytes(
        [workbooks_ekonomi.keluarga_row()], [workbooks_ekonomi.penerima_row()]
    )
    _upload(client, content, reverse("ekonomi:impor_unggah"))
    impor = ImporEkonomi.objects.get()
    assert impor.status == "diperiksa"
    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "siap", impor.hasil
    client.post(reverse("ekonomi:impor_simpan", args=[impor.pk]))
    kerjakan_antrean()
    impor.refresh_from_db()
    assert (
        impor.status == "disimpan" and Keluarga.objects.count() == 1 and PenerimaBantuan.objects.count() == 1
    )


def test_an_attempt_run_again_after_its_work_committed_changes_nothing(client_for, operator_a):
    """A worker killed after the save committed but before its task was marked finished: the
    retried attempt finds the upload saved and saves nothing a second time."""
    client = client_for(operator_a)
    _upload(client)
    kerjakan_antrean()
    impor = ImporBerkas.objects.get()
    client.post(reverse("kependudukan:impor_simpan", args=[impor.pk]))
    kerjakan_antrean()
    tugas = Tugas.objects.get(kind=impor_latar.SIMPAN)
    kemajuan = latar.Kemajuan(tugas, tugas.lease_token)
    impor_latar.simpan(tugas, kemajuan)
    impor_latar.periksa(Tugas.objects.get(kind=impor_latar.PERIKSA), kemajuan)
    assert Peristiwa.objects.count() == 2
    impor.refresh_from_db()
    assert impor.status == "disimpan"


def test_a_failing_check_says_why_and_can_be_retried(client_for, operator_a, monkeypatch):
    def rusak(tugas, kemajuan):
        raise OSError("disk penuh")

    monkeypatch.setitem(latar.HANDLERS, impor_latar.PERIKSA, rusak)
    client = client_for(operator_a)
    page_url = _upload(client).url
    for _ in range(3):  # each failure is retried after a short pause, until the attempts are spent
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        kerjakan_antrean()
    impor = ImporBerkas.objects.get()
    assert impor.status == "diperiksa" and impor.tugas.status == StatusTugas.GAGAL
    page = client.get(page_url).content.decode()
    assert latar.PESAN_GAGAL in page and "Coba lagi" in page and "disk penuh" not in page
    assert "refresh" not in page and 'hx-trigger="every 2s"' not in page  # nothing left to wait for

    monkeypatch.undo()
    client.post(reverse("kependudukan:impor_ulang", args=[impor.pk]))
    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "siap" and impor.tugas.status == StatusTugas.SELESAI


def test_nobody_else_sees_the_upload_or_its_task(client_for, operator_a, operator_b):
    _upload(client_for(operator_a))
    impor = ImporBerkas.objects.get()
    other = client_for(operator_b)
    assert other.get(_pratinjau(impor)).status_code == 404
    assert other.get(_pratinjau(impor), **HTMX).status_code == 404
    assert other.post(reverse("kependudukan:impor_ulang", args=[impor.pk])).status_code == 404
    assert other.post(reverse("kependudukan:impor_simpan", args=[impor.pk])).status_code == 404
    # The recap's task page is not a way in either, even for the importer: it shows recaps only.
    owner = client_for(operator_a)
    assert owner.get(reverse("kudapanmas:tugas_detail", args=[impor.tugas_id])).status_code == 404


def test_a_worker_killed_in_the_middle_of_a_save_saves_it_once_on_retry(client_for, operator_a):
    client = client_for(operator_a)
    _upload(client)
    kerjakan_antrean()
    impor = ImporBerkas.objects.get()
    client.post(reverse("kependudukan:impor_simpan", args=[impor.pk]))
    workers = [pekerja_lambat(sewa_detik=3)]
    try:
        # The slowed save spends a second on each of its four steps inside its transaction.
        tunggu(lambda: Tugas.objects.filter(kind=impor_latar.SIMPAN, status=StatusTugas.BERJALAN).exists())
        time.sleep(1.5)
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].wait(10)
        impor.refresh_from_db()
        assert impor.status == "menyimpan" and not Peristiwa.objects.exists()

        workers.append(pekerja_lambat(sewa_detik=3))
        tunggu(lambda: ImporBerkas.objects.filter(status="disimpan").exists(), seconds=120)
        tunggu(lambda: Tugas.objects.filter(kind=impor_latar.SIMPAN, status=StatusTugas.SELESAI).exists())
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(30)
    assert Peristiwa.objects.count() == 2 and DataAwal.objects.count() == 1
    assert Tugas.objects.get(kind=impor_latar.SIMPAN).attempts == 2

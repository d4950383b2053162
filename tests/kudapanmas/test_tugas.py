"""Recaps written in the background: one task per request, its progress page, its scoped file,
failures that say why and can be retried, and the fences that keep a task from finishing twice."""

import datetime
import os
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from desa import latar
from desa.models import Desa, StatusTugas, Tugas
from tests.factories.wilayah import KODE_DESA_A
from tests.kudapanmas.tugas import kerjakan_antrean

pytestmark = pytest.mark.django_db(transaction=True)

BALANGAN = "63.11"
PARINGIN = "63.11.06"
JUAI = "63.11.01"


def tahunan_kabupaten():
    return reverse("kudapanmas:rekap_kabupaten_tahun", args=[BALANGAN, 2025])


def test_the_request_answers_at_once_with_the_task_page(client_for, kabupaten):
    client = client_for(kabupaten)
    asked = client.get(tahunan_kabupaten())
    tugas = Tugas.objects.get()
    assert asked.url == reverse("kudapanmas:tugas_detail", args=[tugas.pk])
    page = client.get(asked.url).content.decode()
    assert "Menunggu giliran" in page and 'http-equiv="refresh"' in page and 'hx-trigger="every 2s"' in page
    assert tugas.status == StatusTugas.ANTRE and DBTaskResult.objects.count() == 1


def test_asking_twice_joins_the_running_task(client_for, kabupaten):
    client = client_for(kabupaten)
    first, second = client.get(tahunan_kabupaten()), client.get(tahunan_kabupaten())
    assert first.url == second.url and Tugas.objects.count() == 1


def test_the_finished_file_is_kept_and_reused_until_the_data_changes(client_for, kabupaten):
    client = client_for(kabupaten)
    first = client.get(tahunan_kabupaten())
    kerjakan_antrean()
    tugas = Tugas.objects.get()
    assert tugas.status == StatusTugas.SELESAI and tugas.persen == 100
    page = client.get(first.url).content.decode()
    assert "Unduh Rekap-Kabupaten-Balangan-2025.xlsx" in page and "refresh" not in page
    download = client.get(reverse("kudapanmas:tugas_unduh", args=[tugas.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="Rekap-Kabupaten-Balangan-2025.xlsx"'
    assert b"".join(download.streaming_content)[:2] == b"PK"
    assert client.get(tahunan_kabupaten()).url == first.url  # nothing changed: the same file
    Desa.objects.filter(pk=KODE_DESA_A).update(versi_data=5)  # what a write to a desa does
    assert client.get(tahunan_kabupaten()).url != first.url
    assert Tugas.objects.count() == 2


def test_another_users_task_and_file_are_not_found(client_for, kabupaten, kasi_trantib, kasi_trantib_luar):
    client_for(kasi_trantib).get(reverse("kudapanmas:rekap_kecamatan_tahun", args=[PARINGIN, 2025]))
    kerjakan_antrean()
    tugas = Tugas.objects.get()
    other = client_for(kasi_trantib_luar)
    assert other.get(reverse("kudapanmas:tugas_detail", args=[tugas.pk])).status_code == 404
    assert other.get(reverse("kudapanmas:tugas_unduh", args=[tugas.pk])).status_code == 404
    assert client_for(kabupaten).get(reverse("kudapanmas:tugas_unduh", args=[tugas.pk])).status_code == 404


def test_a_failing_task_says_why_and_can_be_retried(client_for, kabupaten, monkeypatch):
    def rusak(tugas, kemajuan):
        raise OSError("disk penuh")

    monkeypatch.setitem(latar.HANDLERS, "rekap", rusak)
    client = client_for(kabupaten)
    page_url = client.get(tahunan_kabupaten()).url
    for _ in range(3):  # each failure is retried after a short pause, until the attempts are spent
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # no waiting here
        kerjakan_antrean()
    tugas = Tugas.objects.get()
    assert (tugas.status, tugas.attempts) == (StatusTugas.GAGAL, 3)
    page = client.get(page_url).content.decode()
    assert latar.PESAN_GAGAL in page and "Coba lagi" in page and "disk penuh" not in page
    monkeypatch.undo()
    client.post(reverse("kudapanmas:tugas_ulang", args=[tugas.pk]))
    kerjakan_antrean()
    assert Tugas.objects.get().status == StatusTugas.SELESAI


def test_an_attempt_that_lost_its_lease_cannot_finish(client_for, kabupaten, monkeypatch):
    def slow_and_replaced(tugas, kemajuan):
        # Meanwhile the lease ran out and recovery handed the task to another attempt.
        Tugas.objects.filter(pk=tugas.pk).update(lease_token=uuid.uuid4())
        return "x.xlsx", "x.xlsx", {}

    monkeypatch.setitem(latar.HANDLERS, "rekap", slow_and_replaced)
    client_for(kabupaten).get(tahunan_kabupaten())
    kerjakan_antrean()
    tugas = Tugas.objects.get()
    assert tugas.status == StatusTugas.BERJALAN and tugas.berkas == ""


def test_a_task_whose_worker_stopped_is_queued_again(client_for, kabupaten):
    client_for(kabupaten).get(tahunan_kabupaten())
    past = timezone.now() - datetime.timedelta(minutes=5)
    Tugas.objects.update(
        status=StatusTugas.BERJALAN, lease_token=uuid.uuid4(), lease_expires_at=past, attempts=1
    )
    assert latar.pulihkan() == 1
    tugas = Tugas.objects.get()
    assert tugas.status == StatusTugas.ANTRE and tugas.lease_token is None
    assert DBTaskResult.objects.filter(status="READY").count() == 2  # a new doorbell
    assert latar.pulihkan() == 0


def test_what_is_past_the_retention_is_removed(client_for, kabupaten, settings):
    client_for(kabupaten).get(tahunan_kabupaten())
    kerjakan_antrean()
    tugas = Tugas.objects.get()
    leftover = settings.TUGAS_ROOT / f"{tugas.pk}.sisa-percobaan.tmp"
    leftover.write_bytes(b"half")
    now = timezone.now()
    os.utime(leftover, (now.timestamp() - 60, now.timestamp() - 60))  # by the app's clock
    latar.bersihkan(now=now)
    assert latar.berkas_path(tugas).exists() and leftover.exists()  # still within the retention
    later = now + datetime.timedelta(hours=settings.TUGAS_SIMPAN_JAM + 1)
    latar.bersihkan(now=later)
    assert not Tugas.objects.exists() and not latar.berkas_path(tugas).exists()
    assert not leftover.exists() and not DBTaskResult.objects.exists()

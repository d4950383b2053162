"""Races fired with real threads: every rule that decides a write holds when two requests meet.

Each race starts two or more threads together at one barrier; each thread works through the
real path (the test client or the service) on its own database connection, and the assertion
is on the database afterwards. The races run on SQLite here and on PostgreSQL in
`make test-postgres`, where a rule checked before or outside the writing transaction, or
a row read without a lock, lets both sides through.
"""

import datetime
import io
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from desa import ledger
from desa.gerbang import TransisiDitolak
from desa.models import LaporanBulanan, RiwayatLaporan
from desa.models.laporan import JenisLaporan, Status
from desa.periode import Periode
from kependudukan.impor.simpan import simpan_berkas
from kependudukan.models import Peristiwa
from kependudukan.services.peristiwa import peristiwa_record
from kudapanmas.rekap.scope import scope_kecamatan
from kudapanmas.rekap.workbook import write_rekap
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import make_data_awal
from tests.factories.ledger import laporan
from tests.kependudukan.workbooks import event_row, workbook_bytes

pytestmark = pytest.mark.django_db(transaction=True)

TRIES = 12
KEPENDUDUKAN = JenisLaporan.KEPENDUDUKAN


def race(*actions):
    """Run the actions at the same instant, one thread each; their results or exceptions, in order."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=20)
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test judges
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def months(count):
    """`count` closed months, oldest first, ending with the last one."""
    last = Periode.current().previous()
    return [last.shift(index - count + 1) for index in range(count)]


def lahir_data(tanggal, nama):
    return {
        "nama": nama, "jenis_kelamin": "L", "tanggal_peristiwa": tanggal.isoformat(),
        "tempat_lahir": "Paringin", "nama_ayah": "Ayah", "nama_ibu": "Ibu", "nik": "", "no_kk": "",
        "kewarganegaraan": "WNI", "tanggal_lapor": tanggal.isoformat(), "keterangan": "",
    }  # fmt: skip


def test_two_deaths_of_one_nik_at_the_same_instant_store_one(desa_a, operator_a):
    periode = Periode.current().previous()
    make_data_awal(desa_a, periode.shift(-1))
    url = reverse("kependudukan:peristiwa_create", args=[desa_a.pk, "MATI"])
    lahir = datetime.date(1950, 3, 4)
    for _ in range(TRIES):
        nik = make_nik("L", lahir)

        def post(day, nik=nik):
            data = {
                "nik": nik, "nama": "Almarhum", "jenis_kelamin": "L", "tanggal_lahir": lahir.isoformat(),
                "no_kk": "", "kewarganegaraan": "WNI", "tanggal_peristiwa": periode.awal.replace(day=day),
                "tempat_meninggal": "Rumah", "sebab_kematian": "sakit",
                "tanggal_lapor": periode.awal.replace(day=20), "keterangan": "",
            }  # fmt: skip
            return client_of(operator_a).post(url, data).status_code

        # Two tabs, typed a little differently: the date of death is not the same.
        codes = race(lambda: post(10), lambda: post(11))
        assert sorted(codes) == [200, 302], codes  # one saved, one shown the form's message
        assert Peristiwa.objects.filter(nik=nik, jenis="MATI").count() == 1


def test_a_send_and_an_event_of_the_same_month_never_make_a_nihil_report_with_events(desa_a, operator_a):
    periods = months(TRIES)
    make_data_awal(desa_a, periods[0])
    for number, periode in enumerate(periods):
        send_url = reverse("desa:laporan_kirim", args=[desa_a.pk, KEPENDUDUKAN, str(periode)])
        event_url = reverse("kependudukan:peristiwa_create", args=[desa_a.pk, "LAHIR"])
        race(
            lambda url=send_url: client_of(operator_a).post(url, {"keterangan": ""}),
            lambda url=event_url, periode=periode, number=number: client_of(operator_a).post(
                url, lahir_data(periode.awal.replace(day=15), f"Bayi {number}")
            ),
        )
        report = LaporanBulanan.objects.get(desa=desa_a, jenis=KEPENDUDUKAN, periode=periode)
        events = Peristiwa.objects.filter(desa=desa_a, periode=periode)
        assert report.status == Status.DIKIRIM  # the send never fails: only its content differs
        assert report.nihil == (not events.exists()), (periode, report.nihil, events.count())
        assert all(event.created_at < report.dikirim_at for event in events)


def test_a_send_and_an_import_of_the_same_month_never_both_land_as_nihil(desa_a, operator_a):
    periods = months(TRIES)
    make_data_awal(desa_a, periods[0])
    for number, periode in enumerate(periods):
        content = workbook_bytes(
            peristiwa=[event_row(desa_a.pk, "LAHIR", periode.awal.replace(day=9), Nama=f"Impor {number}")]
        )

        def send(periode=periode):
            return ledger.kirim(desa=desa_a, jenis=KEPENDUDUKAN, periode=periode, user=operator_a)

        def impor(content=content):
            return simpan_berkas(io.BytesIO(content), user=operator_a, desa_boleh={desa_a.pk})

        sent, imported = race(send, impor)
        report = LaporanBulanan.objects.get(desa=desa_a, jenis=KEPENDUDUKAN, periode=periode)
        events = Peristiwa.objects.filter(desa=desa_a, periode=periode).count()
        assert report.status == Status.DIKIRIM, sent
        assert report.nihil == (events == 0)
        assert events == (1 if imported.ok else 0)
        if not imported.ok:  # refused with the lock message, row by row
            assert "sudah terkirim" in imported.kesalahan[0].pesan


def test_a_verification_and_a_return_at_the_same_instant_do_one_thing(desa_a, kasi_trantib):
    for periode in months(TRIES):
        sent = laporan(desa_a, periode, Status.DIKIRIM)
        outcome = race(
            lambda sent=sent: ledger.verifikasi(laporan=sent, user=kasi_trantib, versi=sent.versi),
            lambda sent=sent: ledger.kembalikan(
                laporan=sent, user=kasi_trantib, catatan="Periksa lagi", versi=sent.versi
            ),
        )
        refused = [item for item in outcome if isinstance(item, TransisiDitolak)]
        assert len(refused) == 1, outcome
        sent.refresh_from_db()
        history = list(RiwayatLaporan.objects.filter(laporan=sent))
        assert len(history) == 1 and history[0].ke == sent.status
        assert sent.versi == 1


def test_an_event_racing_a_send_and_verification_never_slips_into_the_verified_month(
    desa_a, operator_a, kasi_trantib
):
    periods = months(TRIES)
    make_data_awal(desa_a, periods[0])
    for number, periode in enumerate(periods):
        laporan(desa_a, periode, Status.DIKEMBALIKAN)

        def send_and_verify(periode=periode):
            sent = ledger.kirim(desa=desa_a, jenis=KEPENDUDUKAN, periode=periode, user=operator_a)
            return ledger.verifikasi(laporan=sent, user=kasi_trantib)

        def record(periode=periode, number=number):
            from kependudukan.models import Peristiwa as Model

            event = Model(
                jenis="LAHIR", nama=f"Bayi {number}", jenis_kelamin="P", tempat_lahir="Paringin",
                nama_ibu="Ibu", tanggal_peristiwa=periode.awal.replace(day=3),
                tanggal_lapor=periode.awal.replace(day=3),
            )  # fmt: skip
            return peristiwa_record(desa=desa_a, user=operator_a, peristiwa=event)

        race(send_and_verify, record)
        report = LaporanBulanan.objects.get(desa=desa_a, jenis=KEPENDUDUKAN, periode=periode)
        assert report.status == Status.DIVERIFIKASI
        events = Peristiwa.objects.filter(desa=desa_a, periode=periode)
        assert report.nihil == (not events.exists())
        assert all(event.created_at < report.dikirim_at for event in events)


def test_a_recap_written_while_operators_post_agrees_with_itself(desa_a, desa_b, kecamatan, operator_a):
    periode = Periode.current().previous()
    make_data_awal(desa_a, periode)
    stop = threading.Event()

    def writer(prefix):
        def run():
            count = 0
            while count == 0 or (not stop.is_set() and count < 400):  # one write at least, however slow
                count += 1
                event = Peristiwa(
                    jenis="LAHIR", nama=f"{prefix} {count}", jenis_kelamin="L", tempat_lahir="Paringin",
                    nama_ibu="Ibu", tanggal_peristiwa=periode.awal.replace(day=2),
                    tanggal_lapor=periode.awal.replace(day=2),
                )  # fmt: skip
                peristiwa_record(desa=desa_a, user=operator_a, peristiwa=event)
            return count

        return run

    for attempt in range(3):

        def recap():
            try:
                target = io.BytesIO()
                write_rekap(scope_kecamatan(kecamatan, dibuat_oleh="Uji", periode=periode), target)
                return target.getvalue()
            finally:
                stop.set()

        stop.clear()
        content, written_a, written_b = race(recap, writer(f"A{attempt}"), writer(f"B{attempt}"))
        assert written_a > 0 and written_b > 0
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        (b3_row,) = [
            row
            for row in workbook["Kependudukan"].iter_rows(min_row=6, values_only=True)
            if row[1:2] == (desa_a.pk,)
        ]
        lahir_in_b3 = sum(b3_row[10:14])  # Lahir: WNA L, WNA P, WNI L, WNI P (FORMATS.md, K-N)
        listed = [
            row
            for row in workbook["Rincian Peristiwa"].iter_rows(min_row=5, values_only=True)
            if row[1:2] == (desa_a.pk,) and row[4] == "Lahir"
        ]
        assert lahir_in_b3 == len(listed), (attempt, lahir_in_b3, len(listed))


def test_a_double_tap_stores_once_and_both_answers_lead_to_the_saved_event(desa_a, operator_a):
    periode = Periode.current().previous()
    make_data_awal(desa_a, periode)
    url = reverse("kependudukan:peristiwa_create", args=[desa_a.pk, "LAHIR"])
    for number in range(TRIES):
        data = {
            **lahir_data(periode.awal.replace(day=12), f"Kembar {number}"),
            "token_formulir": str(uuid.uuid4()),
        }
        answers = race(*[lambda data=data: client_of(operator_a).post(url, data)] * 2)
        event = Peristiwa.objects.get(nama=f"Kembar {number}")
        assert [answer.status_code for answer in answers] == [302, 302]
        targets = {answer.url for answer in answers}
        assert targets <= {
            event.get_absolute_url(),
            reverse("kependudukan:laporan_bulanan", args=[desa_a.pk, str(periode)]),
        }

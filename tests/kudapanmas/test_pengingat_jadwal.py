"""Reminders that send themselves: the schedule from the kecamatan's settings, each stage sent
once (restarts and parallel workers included), the camat's summary after the deadline."""

import threading

import pytest
from django.core import mail
from django.db import connection

from desa.models.laporan import Status
from desa.periode import Periode
from kudapanmas import pengingat_jadwal
from kudapanmas.management.commands import jalankan_pekerja
from kudapanmas.models import PengingatTerjadwal, Tahap
from tests.factories.ledger import laporan
from tests.factories.pengguna import make_user
from tests.factories.waktu import clock, wita

AGUSTUS = Periode(2026, 8)


@pytest.fixture
def paringin(paringin, desa_a, desa_b, operator_a, operator_b, camat):
    """Balang has sent nothing, Lok Batung has sent; the deadline is the 5th."""
    laporan(desa_b, AGUSTUS, Status.DIKIRIM)
    return paringin


def kirim(moment):
    with clock(moment):
        return pengingat_jadwal.kirim_yang_jatuh_tempo(paksa=True)


@pytest.mark.django_db
def test_the_schedule_follows_the_kecamatan_settings(paringin):
    hari = pengingat_jadwal.jadwal(paringin, AGUSTUS)
    assert {tahap: day.isoformat() for tahap, day in hari.items()} == {
        Tahap.SEBELUM: "2026-09-02", Tahap.HARI_BATAS: "2026-09-05", Tahap.SESUDAH: "2026-09-08",
    }  # fmt: skip
    paringin.pengingat_hari_sebelum, paringin.pengingat_hari_batas = 0, False
    assert list(pengingat_jadwal.jadwal(paringin, AGUSTUS)) == [Tahap.SESUDAH]


@pytest.mark.django_db
def test_a_due_reminder_goes_once_to_the_operators_of_desa_not_yet_sent(paringin, operator_a, operator_b):
    assert kirim(wita(2026, 9, 2, 7)) == 0  # before eight in the morning
    assert kirim(wita(2026, 9, 2, 9)) > 0
    recipients = {address for message in mail.outbox for address in message.to}
    assert operator_a.email in recipients and operator_b.email not in recipients
    sent = len(mail.outbox)
    assert kirim(wita(2026, 9, 2, 15)) == 0 and len(mail.outbox) == sent  # a restart sends nothing again
    row = PengingatTerjadwal.objects.get()
    assert (row.tahap, row.periode, row.jumlah_email) == (Tahap.SEBELUM, AGUSTUS, sent)
    assert kirim(wita(2026, 9, 3, 9)) == 0  # no stage on the 3rd


@pytest.mark.django_db
def test_after_the_deadline_the_camat_gets_the_summary(paringin, camat):
    kirim(wita(2026, 9, 8, 9))
    summary = [message for message in mail.outbox if camat.email in message.to]
    assert len(summary) == 1 and "terlambat laporan Agustus 2026" in summary[0].subject
    assert "Desa Balang" in summary[0].body and "Lok Batung" not in summary[0].body


@pytest.mark.django_db
def test_nothing_is_sent_when_every_desa_has_sent(paringin, desa_a):
    laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    for other in paringin.desa_set.exclude(pk__in=[desa_a.pk]):
        laporan(other, AGUSTUS, Status.DIKIRIM)
    assert kirim(wita(2026, 9, 5, 9)) == 0 and mail.outbox == []
    assert PengingatTerjadwal.objects.get().jumlah_desa == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_reminder(wilayah, kecamatan, desa_a):
    kecamatan.jenis_laporan_wajib = ["kependudukan"]
    kecamatan.save()
    make_user("operator.a", peran="operator_desa", desa=desa_a)
    barrier, counts = threading.Barrier(2), []

    def worker():
        try:
            barrier.wait()
            counts.append(pengingat_jadwal.kirim_yang_jatuh_tempo(paksa=True))
        finally:
            connection.close()

    # One patched clock for both threads: patching it in each thread would race on the restore.
    with clock(wita(2026, 9, 2, 9)):
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(counts)[0] == 0 and sorted(counts)[1] > 0
    assert PengingatTerjadwal.objects.count() == 1


@pytest.mark.django_db
def test_the_reminders_page_shows_the_schedule_and_what_went(paringin, client_for, kasi_trantib):
    kirim(wita(2026, 9, 2, 9))
    with clock(wita(2026, 9, 3, 9)):
        page = client_for(kasi_trantib).get(f"/kecamatan/{paringin.pk}/pengingat/{AGUSTUS}/").content.decode()
    sent = PengingatTerjadwal.objects.get().jumlah_email
    assert f"Sebelum batas waktu 2 September 2026 (terkirim, {sent} e-mail)" in page
    assert "Hari batas waktu 5 September 2026 ·" in page


@pytest.mark.django_db
@pytest.mark.parametrize("otomatis", [True, False])
def test_the_worker_s_upkeep_sends_the_reminders_only_when_they_are_on(settings, monkeypatch, otomatis):
    settings.PENGINGAT_OTOMATIS = otomatis
    calls = []
    monkeypatch.setattr(pengingat_jadwal, "kirim_yang_jatuh_tempo", lambda: calls.append(1))
    jalankan_pekerja.rawat()
    assert calls == ([1] if otomatis else [])

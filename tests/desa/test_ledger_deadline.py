"""Timeliness at the deadline boundary in WITA, the first-send rule, extensions and the lock."""

import datetime

import pytest

from desa import kepatuhan, ledger
from desa.models import LaporanBulanan
from desa.models.laporan import Keadaan, Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.waktu import clock, wita

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("any_content")]


AGUSTUS = Periode(2026, 8)


def cell(desa, now):
    laporan = LaporanBulanan.objects.filter(desa=desa, jenis="kependudukan", periode=AGUSTUS).first()
    return kepatuhan.make_sel(desa, "kependudukan", AGUSTUS, laporan, now)


def send_at(moment, desa, operator):
    with clock(moment):
        return ledger.kirim(desa=desa, jenis="kependudukan", periode=AGUSTUS, user=operator)


def test_a_send_at_235959_on_the_deadline_day_is_on_time(desa_a, operator_a):
    send_at(wita(2026, 9, 5, 23, 59, 59), desa_a, operator_a)
    sel = cell(desa_a, wita(2026, 9, 20))
    assert sel.keadaan == Keadaan.TEPAT_WAKTU
    assert sel.hari_terlambat == 0
    assert sel.is_on_time


def test_a_send_at_midnight_after_the_deadline_day_is_late(desa_a, operator_a):
    send_at(wita(2026, 9, 6, 0, 0, 0), desa_a, operator_a)
    sel = cell(desa_a, wita(2026, 9, 20))
    assert sel.keadaan == Keadaan.TERLAMBAT
    assert sel.hari_terlambat == 1
    assert not sel.is_on_time


def test_the_boundary_is_midnight_in_wita_not_utc(desa_a, desa_b, operator_a, operator_b):
    utc = datetime.UTC
    send_at(datetime.datetime(2026, 9, 5, 15, 59, 59, tzinfo=utc), desa_a, operator_a)  # 23.59.59 WITA
    send_at(datetime.datetime(2026, 9, 5, 16, 0, 0, tzinfo=utc), desa_b, operator_b)  # 00.00 WITA, the 6th
    later = wita(2026, 9, 20)
    assert cell(desa_a, later).keadaan == Keadaan.TEPAT_WAKTU
    assert cell(desa_b, later).keadaan == Keadaan.TERLAMBAT


def test_the_kecamatan_deadline_day_moves_the_boundary(desa_a, operator_a, kecamatan):
    kecamatan.hari_batas_waktu = 10
    kecamatan.save()
    desa_a.kecamatan.hari_batas_waktu = 10
    send_at(wita(2026, 9, 10, 23, 59, 59), desa_a, operator_a)
    assert cell(desa_a, wita(2026, 9, 20)).keadaan == Keadaan.TEPAT_WAKTU


def test_days_late_are_counted_from_the_deadline(desa_a, operator_a):
    send_at(wita(2026, 9, 8, 12), desa_a, operator_a)
    assert cell(desa_a, wita(2026, 9, 20)).hari_terlambat == 3


def test_an_unsent_report_is_not_due_until_the_deadline_passes(desa_a):
    assert cell(desa_a, wita(2026, 9, 5, 23, 59, 59)).keadaan == Keadaan.BELUM_JATUH_TEMPO
    overdue = cell(desa_a, wita(2026, 9, 6, 0, 0, 0))
    assert overdue.keadaan == Keadaan.BELUM_DIKIRIM
    assert overdue.hari_terlambat == 1
    assert cell(desa_a, wita(2026, 9, 9, 8)).hari_terlambat == 4


def test_a_resend_after_a_return_is_judged_by_the_first_send(desa_a, operator_a, kasi_trantib):
    send_at(wita(2026, 9, 4, 10), desa_a, operator_a)
    with clock(wita(2026, 9, 7)):
        ledger.kembalikan(
            laporan=ledger.laporan_for(desa_a, "kependudukan", AGUSTUS), user=kasi_trantib, catatan="Perbaiki"
        )
    send_at(wita(2026, 9, 15, 9), desa_a, operator_a)  # ten days after the deadline
    resent = cell(desa_a, wita(2026, 9, 16))
    assert resent.keadaan == Keadaan.TEPAT_WAKTU
    assert resent.laporan.pertama_dikirim_at == wita(2026, 9, 4, 10)
    assert resent.laporan.dikirim_at == wita(2026, 9, 15, 9)
    assert resent.is_on_time


def test_a_late_first_send_stays_late_after_a_return_and_resend(desa_a, operator_a, kasi_trantib):
    send_at(wita(2026, 9, 7, 10), desa_a, operator_a)
    with clock(wita(2026, 9, 8)):
        ledger.kembalikan(
            laporan=ledger.laporan_for(desa_a, "kependudukan", AGUSTUS), user=kasi_trantib, catatan="Perbaiki"
        )
    send_at(wita(2026, 9, 9), desa_a, operator_a)
    assert cell(desa_a, wita(2026, 9, 10)).keadaan == Keadaan.TERLAMBAT


def test_a_verified_or_returned_report_keeps_its_timeliness_in_the_rates(desa_a, desa_b):
    laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI, sent=wita(2026, 9, 6, 1))
    laporan(desa_b, AGUSTUS, Status.DIKEMBALIKAN, sent=wita(2026, 9, 5, 8))
    now = wita(2026, 9, 20)
    late, returned = cell(desa_a, now), cell(desa_b, now)
    assert (late.keadaan, late.is_on_time, late.hari_terlambat) == (Keadaan.DIVERIFIKASI, False, 1)
    assert (returned.keadaan, returned.is_on_time, returned.hari_terlambat) == (Keadaan.DIKEMBALIKAN, True, 0)


# --- extensions ---------------------------------------------------------------------------------


def extend(desa, user, tanggal, alasan="Jaringan putus seminggu"):
    with clock(wita(2026, 9, 4)):
        return ledger.perpanjang(
            desa=desa, jenis="kependudukan", periode=AGUSTUS, user=user, tanggal=tanggal, alasan=alasan
        )


def test_an_extension_moves_one_desa_deadline(desa_a, desa_b, operator_a, kasi_trantib):
    extended = extend(desa_a, kasi_trantib, datetime.date(2026, 9, 10))
    assert extended.status == Status.BELUM_DIKIRIM
    assert extended.riwayat.get().aksi == "perpanjangan"
    assert cell(desa_a, wita(2026, 9, 10, 23)).keadaan == Keadaan.BELUM_JATUH_TEMPO
    assert cell(desa_b, wita(2026, 9, 10, 23)).keadaan == Keadaan.BELUM_DIKIRIM
    send_at(wita(2026, 9, 10, 23, 59, 59), desa_a, operator_a)
    assert cell(desa_a, wita(2026, 9, 20)).keadaan == Keadaan.TEPAT_WAKTU


def test_a_send_after_the_extension_is_late_by_the_extended_deadline(desa_a, operator_a, kasi_trantib):
    extend(desa_a, kasi_trantib, datetime.date(2026, 9, 10))
    send_at(wita(2026, 9, 11, 0, 0, 0), desa_a, operator_a)
    sel = cell(desa_a, wita(2026, 9, 20))
    assert (sel.keadaan, sel.hari_terlambat) == (Keadaan.TERLAMBAT, 1)


@pytest.mark.parametrize(
    "tanggal,reason",
    [
        (datetime.date(2026, 9, 5), "setelah batas waktu biasa"),
        (datetime.date(2026, 11, 5), "paling lama 60 hari"),
    ],
)
def test_an_extension_must_be_after_the_deadline_and_not_too_far(desa_a, kasi_trantib, tanggal, reason):
    with pytest.raises(ledger.TransisiDitolak, match=reason):
        extend(desa_a, kasi_trantib, tanggal)
    assert not LaporanBulanan.objects.exists()


def test_an_extension_needs_a_reason(desa_a, kasi_trantib):
    with pytest.raises(ledger.TransisiDitolak, match="alasan"):
        extend(desa_a, kasi_trantib, datetime.date(2026, 9, 10), alasan=" ")


def test_an_extension_is_refused_once_the_report_was_sent(desa_a, kasi_trantib):
    laporan(desa_a, AGUSTUS, Status.DIKEMBALIKAN)
    with pytest.raises(ledger.TransisiDitolak, match="sudah pernah dikirim"):
        extend(desa_a, kasi_trantib, datetime.date(2026, 9, 10))


@pytest.mark.parametrize("role", ["operator_a", "camat", "kabupaten", "operator_b"])
def test_only_the_kasi_trantib_extends(cast, desa_a, role):
    with pytest.raises(ledger.TransisiDitolak, match="Hanya Kasi Trantib"):
        extend(desa_a, cast[role], datetime.date(2026, 9, 10))


def test_the_deadline_day_stays_inside_a_short_month(kecamatan):
    kecamatan.hari_batas_waktu = 31
    assert ledger.deadline_day(kecamatan, Periode(2026, 1)) == datetime.date(2026, 2, 28)
    assert ledger.deadline_day(kecamatan, Periode(2026, 8)) == datetime.date(2026, 9, 30)


# --- the lock -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.DIKIRIM, Status.DIVERIFIKASI])
def test_a_sent_or_verified_month_refuses_writes(desa_a, status):
    laporan(desa_a, AGUSTUS, status)
    with pytest.raises(ledger.PeriodeTerkunci, match="Agustus 2026"):
        ledger.ensure_unlocked(desa_a, "kependudukan", AGUSTUS)
    assert ledger.is_locked(desa_a, "kependudukan", AGUSTUS)


@pytest.mark.parametrize("status", [None, Status.BELUM_DIKIRIM, Status.DIKEMBALIKAN])
def test_an_unsent_or_returned_month_accepts_writes(desa_a, status):
    if status:
        laporan(desa_a, AGUSTUS, status)
    ledger.ensure_unlocked(desa_a, "kependudukan", AGUSTUS)
    assert not ledger.is_locked(desa_a, "kependudukan", AGUSTUS)


def test_the_lock_is_per_desa_kind_and_month(desa_a, desa_b):
    laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    ledger.ensure_unlocked(desa_b, "kependudukan", AGUSTUS)
    ledger.ensure_unlocked(desa_a, "linmas", AGUSTUS)
    ledger.ensure_unlocked(desa_a, "kependudukan", Periode(2026, 9))


def test_the_lock_message_says_who_can_open_it(desa_a):
    laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    with pytest.raises(ledger.PeriodeTerkunci, match="Kasi Trantib membuka kembali"):
        ledger.ensure_unlocked(desa_a, "kependudukan", AGUSTUS)


def test_locked_periods_lists_every_locked_month_at_once(desa_a, desa_b):
    laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    laporan(desa_a, Periode(2026, 7), Status.DIVERIFIKASI)
    laporan(desa_b, AGUSTUS, Status.DIKEMBALIKAN)
    laporan(desa_b, Periode(2026, 7), Status.DIVERIFIKASI, jenis="linmas")
    assert ledger.locked_periods([desa_a.pk, desa_b.pk], "kependudukan") == {
        (desa_a.pk, AGUSTUS),
        (desa_a.pk, Periode(2026, 7)),
    }


def test_a_reopened_month_accepts_writes_again(desa_a, kasi_trantib):
    verified = laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    ledger.buka_kembali(laporan=verified, user=kasi_trantib, alasan="Ralat")
    ledger.ensure_unlocked(desa_a, "kependudukan", AGUSTUS)

"""The calendar of sending: a month is sent once it is over, after the months before it; and a
verified month's numbers never change while it stays verified (returning or reopening a month of
a chained kind returns the later sent months too)."""

import datetime

import pytest

from desa import ledger, registry
from desa.models import LaporanBulanan, RiwayatLaporan
from desa.models.laporan import JenisLaporan, Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.waktu import clock, wita

pytestmark = pytest.mark.django_db

JULI, AGUSTUS, SEPTEMBER, OKTOBER = (Periode(2026, bulan) for bulan in (7, 8, 9, 10))
NOW = wita(2026, 11, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with clock(NOW):
        yield


@pytest.fixture(autouse=True)
def any_content(monkeypatch):
    """Floor 1 knows no content: every kind's send check accepts any month here."""
    for jenis in JenisLaporan:
        monkeypatch.setitem(registry._send_checks, jenis, registry.default_check_send)


def kirim(desa, user, periode, jenis="kependudukan"):
    return ledger.kirim(desa=desa, jenis=jenis, periode=periode, user=user)


def status_of(desa, periode, jenis="kependudukan"):
    return LaporanBulanan.objects.get(desa=desa, jenis=jenis, periode=periode).status


def test_the_running_month_is_sent_from_the_first_day_of_the_next(desa_a, operator_a):
    laporan(desa_a, SEPTEMBER, Status.DIKIRIM)
    laporan(desa_a, OKTOBER, Status.BELUM_DIKIRIM)
    with clock(wita(2026, 10, 31, 23, 59)):
        with pytest.raises(ledger.TransisiDitolak, match="baru dapat dikirim mulai 1 November 2026"):
            kirim(desa_a, operator_a, OKTOBER)
    with clock(wita(2026, 11, 1, 0, 0)):
        kirim(desa_a, operator_a, OKTOBER)
    assert status_of(desa_a, OKTOBER) == Status.DIKIRIM


def test_the_first_month_wita_begins_before_utc_does(desa_a, operator_a):
    laporan(desa_a, SEPTEMBER, Status.DIKIRIM)
    # 1 November 00.30 WITA is still 31 October in UTC.
    with clock(datetime.datetime(2026, 10, 31, 16, 30, tzinfo=datetime.UTC)):
        kirim(desa_a, operator_a, OKTOBER)
    assert status_of(desa_a, OKTOBER) == Status.DIKIRIM


def test_an_earlier_unsent_month_is_named_and_blocks_the_send(desa_a, operator_a, kecamatan):
    kecamatan.mulai_pelaporan = JULI.awal
    kecamatan.save()
    laporan(desa_a, JULI, Status.DIVERIFIKASI)
    laporan(desa_a, SEPTEMBER, Status.DIKIRIM)
    desa_a.refresh_from_db()
    with pytest.raises(ledger.TransisiDitolak, match="Kirim dulu laporan Agustus 2026"):
        kirim(desa_a, operator_a, OKTOBER)
    assert not LaporanBulanan.objects.filter(periode=OKTOBER, status=Status.DIKIRIM).exists()
    kirim(desa_a, operator_a, AGUSTUS)
    kirim(desa_a, operator_a, OKTOBER)
    assert status_of(desa_a, OKTOBER) == Status.DIKIRIM


def test_a_returned_earlier_month_goes_first(desa_a, operator_a, kecamatan):
    kecamatan.mulai_pelaporan = AGUSTUS.awal
    kecamatan.save()
    laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    laporan(desa_a, SEPTEMBER, Status.DIKEMBALIKAN)
    desa_a.refresh_from_db()
    with pytest.raises(ledger.TransisiDitolak, match="Kirim dulu laporan September 2026"):
        kirim(desa_a, operator_a, OKTOBER)


def test_months_before_the_first_reporting_month_are_not_asked_for(desa_a, operator_a, kecamatan):
    kecamatan.mulai_pelaporan = SEPTEMBER.awal
    kecamatan.save()
    desa_a.refresh_from_db()
    with pytest.raises(ledger.TransisiDitolak, match="Kirim dulu laporan September 2026"):
        kirim(desa_a, operator_a, OKTOBER)
    kirim(desa_a, operator_a, SEPTEMBER)
    kirim(desa_a, operator_a, OKTOBER)
    assert status_of(desa_a, OKTOBER) == Status.DIKIRIM


def test_without_a_first_reporting_month_the_chain_starts_at_the_first_send(desa_a, operator_a):
    kirim(desa_a, operator_a, AGUSTUS)
    with pytest.raises(ledger.TransisiDitolak, match="Kirim dulu laporan September 2026"):
        kirim(desa_a, operator_a, OKTOBER)


def test_each_kind_keeps_its_own_chain(desa_a, operator_a):
    kirim(desa_a, operator_a, AGUSTUS, jenis="linmas")
    kirim(desa_a, operator_a, OKTOBER)  # kependudukan's first send: any month
    assert status_of(desa_a, OKTOBER) == Status.DIKIRIM


def test_reopening_a_month_returns_the_later_sent_months_of_a_chained_kind(
    desa_a, operator_a, kasi_trantib, mailoutbox
):
    agustus = laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    laporan(desa_a, SEPTEMBER, Status.DIVERIFIKASI)
    laporan(desa_a, OKTOBER, Status.DIKIRIM)
    ledger.buka_kembali(laporan=agustus, user=kasi_trantib, alasan="Kelahiran terlewat.")
    for periode in (AGUSTUS, SEPTEMBER, OKTOBER):
        assert status_of(desa_a, periode) == Status.DIKEMBALIKAN
    september = LaporanBulanan.objects.get(periode=SEPTEMBER)
    assert september.diverifikasi_at is None
    assert "Agustus 2026 dibuka kembali" in september.catatan_kembali
    assert "Kelahiran terlewat." in september.catatan_kembali
    history = RiwayatLaporan.objects.get(laporan=september)
    assert (history.aksi, history.dari, history.ke) == ("ikut dikembalikan", "diverifikasi", "dikembalikan")
    subjects = [mail.subject for mail in mailoutbox]
    assert any("Agustus 2026 dibuka kembali" in subject for subject in subjects)
    assert any("September 2026 ikut dikembalikan" in subject for subject in subjects)
    assert any("Oktober 2026 ikut dikembalikan" in subject for subject in subjects)


def test_returning_a_month_returns_the_later_verified_month_too(desa_a, kasi_trantib):
    agustus = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    laporan(desa_a, SEPTEMBER, Status.DIVERIFIKASI)
    ledger.kembalikan(laporan=agustus, user=kasi_trantib, catatan="Angka KK keliru.")
    assert status_of(desa_a, SEPTEMBER) == Status.DIKEMBALIKAN


def test_a_kind_whose_months_stand_alone_reopens_one_month(desa_a, kasi_trantib):
    agustus = laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI, jenis="linmas")
    laporan(desa_a, SEPTEMBER, Status.DIVERIFIKASI, jenis="linmas")
    ledger.buka_kembali(laporan=agustus, user=kasi_trantib, alasan="Foto salah.")
    assert status_of(desa_a, AGUSTUS, "linmas") == Status.DIKEMBALIKAN
    assert status_of(desa_a, SEPTEMBER, "linmas") == Status.DIVERIFIKASI


def test_earlier_and_other_desa_months_are_untouched_by_a_reopen(desa_a, desa_b, kasi_trantib):
    laporan(desa_a, JULI, Status.DIVERIFIKASI)
    agustus = laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    laporan(desa_b, SEPTEMBER, Status.DIVERIFIKASI)
    ledger.buka_kembali(laporan=agustus, user=kasi_trantib, alasan="Periksa lagi.")
    assert status_of(desa_a, JULI) == Status.DIVERIFIKASI
    assert status_of(desa_b, SEPTEMBER) == Status.DIVERIFIKASI

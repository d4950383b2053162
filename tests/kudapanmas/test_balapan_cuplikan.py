"""Races on the frozen figures, fired with real threads (see test_balapan): whatever two Kasi
Trantib do to one report at the same instant, a snapshot is in force exactly while the report is
verified, there is never more than one, and it holds the month's numbers."""

import pytest

from desa import ledger
from desa.gerbang import TransisiDitolak
from desa.models import CuplikanAngka, TandaTerima
from desa.models.bukti import AksiTandaTerima
from desa.models.laporan import JenisLaporan, Status
from tests.factories.kependudukan import make_data_awal, make_peristiwa
from tests.factories.pengguna import make_user
from tests.kudapanmas.test_balapan import TRIES, months, race

pytestmark = pytest.mark.django_db(transaction=True)

KEPENDUDUKAN = JenisLaporan.KEPENDUDUKAN


@pytest.fixture
def sent_months(desa_a, operator_a):
    periods = months(TRIES)
    make_data_awal(desa_a, periods[0])
    reports = []
    for periode in periods:
        make_peristiwa(desa_a, "LAHIR", periode.awal.replace(day=9))
        reports.append(ledger.kirim(desa=desa_a, jenis=KEPENDUDUKAN, periode=periode, user=operator_a))
    return reports


@pytest.fixture
def kasi_kedua(kecamatan):
    from desa.scoping import Peran

    return make_user("trantib.kedua", peran=Peran.KASI_TRANTIB, kecamatan=kecamatan)


def in_force(laporan):
    return CuplikanAngka.objects.filter(laporan=laporan, dicabut_at__isnull=True)


def test_two_verifications_of_one_report_at_once_store_one_snapshot(sent_months, kasi_trantib, kasi_kedua):
    for laporan in sent_months:
        results = race(
            lambda laporan=laporan: ledger.verifikasi(laporan=laporan, user=kasi_trantib),
            lambda laporan=laporan: ledger.verifikasi(laporan=laporan, user=kasi_kedua),
        )
        assert sum(isinstance(result, TransisiDitolak) for result in results) == 1, results
        assert in_force(laporan).count() == 1
        assert TandaTerima.objects.filter(laporan=laporan, aksi=AksiTandaTerima.VERIFIKASI).count() == 1
        snapshot = in_force(laporan).get()
        assert snapshot.angka["lahir"] == [0, 0, 1, 0]  # the month's one LAHIR, a WNI boy


def test_a_verification_and_a_return_at_once_leave_a_snapshot_only_on_a_verified_report(
    sent_months, kasi_trantib, kasi_kedua
):
    outcomes = set()
    for laporan in sent_months:
        race(
            lambda laporan=laporan: ledger.verifikasi(laporan=laporan, user=kasi_trantib),
            lambda laporan=laporan: ledger.kembalikan(laporan=laporan, user=kasi_kedua, catatan="Periksa."),
        )
        laporan.refresh_from_db()
        outcomes.add(laporan.status)
        assert in_force(laporan).exists() == (laporan.status == Status.DIVERIFIKASI), laporan.status
    assert outcomes <= {Status.DIVERIFIKASI, Status.DIKEMBALIKAN}

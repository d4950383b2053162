"""The quieter corner of the demo: the overviews above the kecamatan show real differences."""

import pytest
from django.urls import reverse

from desa.models import Kecamatan, LaporanBulanan, Pengguna, Provinsi
from desa.models.laporan import Status
from desa.periode import Periode
from kudapanmas import dasbor
from kudapanmas.demo import sepi
from tests.factories.waktu import clock
from tests.kudapanmas.conftest import SAAT_DEMO as NOW

pytestmark = pytest.mark.django_db

CLOSED = Periode(2026, 7)


@pytest.fixture
def demo(demo_ledger):
    """The ledger demo of Paringin, and the quiet corner (the clock still held at NOW)."""
    sepi.fill(demo_ledger)
    return demo_ledger


def test_the_quiet_kecamatan_report_later_and_less_than_paringin(demo):
    with clock(NOW):
        rows, _ = dasbor.ringkasan_kabupaten(Kecamatan.objects.get(pk="63.11.06").kabupaten, CLOSED)
    rates = {row.kecamatan.pk: row.rekap for row in rows}
    paringin, lampihong = rates["63.11.06"], rates["63.11.05"]
    assert lampihong.expected > 0 and lampihong.ketepatan_waktu < paringin.ketepatan_waktu - 0.15
    assert lampihong.tingkat_pelaporan < paringin.tingkat_pelaporan
    # The kecamatan not in the demo join next month: not counted as missing.
    assert rates["63.11.01"].expected == 0


def test_the_provinsi_overview_compares_two_kabupaten_over_the_year(demo):
    with clock(NOW):
        data = dasbor.ringkasan_provinsi(Provinsi.objects.get(pk="63"), CLOSED)
    rows = {row.kabupaten.pk: row for row in data.rows}
    assert set(rows) == {"63.09", "63.11"}
    assert rows["63.09"].rekap.ketepatan_waktu < rows["63.11"].rekap.ketepatan_waktu
    # Tabalong began six months ago: its first months of the trend have nothing expected.
    assert [month.expected == 0 for month in rows["63.09"].tren] == [True] * 7 + [False] * 5


def test_the_quiet_history_keeps_the_sending_order_and_runs_twice_the_same(demo):
    sent = {}
    for row in LaporanBulanan.objects.filter(desa__kecamatan_id__in=sepi.SEPI):
        assert row.nihil and row.status in (Status.DIKIRIM, Status.DIVERIFIKASI)
        sent.setdefault((row.desa_id, row.jenis), set()).add(row.periode)
    start = Periode(2026, 8).shift(1 - sepi.BULAN)
    months = [start.shift(index) for index in range(sepi.BULAN)]
    for key, done in sent.items():
        assert done == set(months[: len(done)]), key
    count = LaporanBulanan.objects.count()
    with clock(NOW):
        sepi.fill(demo)
    assert LaporanBulanan.objects.count() == count


def test_the_provinsi_account_of_the_demo_opens_its_overview(demo, client_for):
    client = client_for(Pengguna.objects.get(username="provinsi.kalsel"))
    with clock(NOW):
        page = client.get(reverse("kudapanmas:dasbor_saya"), follow=True)
    assert page.status_code == 200
    assert "Kabupaten Tabalong" in page.content.decode() and "Kabupaten Balangan" in page.content.decode()

"""The ledger demo: a believable year for Paringin, safe to run twice."""

import pytest
from django.urls import reverse

from desa import kepatuhan
from desa.models import Desa, Kecamatan, KomentarLaporan, LaporanBulanan, RiwayatLaporan
from desa.models.laporan import Keadaan, Status
from desa.periode import Periode
from desa.registry import available_kinds
from kudapanmas.demo import akun, ledger
from kudapanmas.models import Pengumuman
from tests.factories.waktu import clock
from tests.kudapanmas.conftest import SAAT_DEMO

pytestmark = pytest.mark.django_db

NOW = SAAT_DEMO


@pytest.fixture
def demo(demo_ledger):
    return demo_ledger


def test_twelve_months_for_every_desa_and_kind(demo):
    months = {row.periode for row in LaporanBulanan.objects.all()}
    assert months == {Periode(2026, 8).shift(-back) for back in range(12)}
    assert set(LaporanBulanan.objects.values_list("jenis", flat=True)) == set(available_kinds())
    assert LaporanBulanan.objects.values("desa").distinct().count() == 16


def test_a_believable_mix(demo):
    desa = list(Desa.objects.filter(kecamatan_id="63.11.06").select_related("kecamatan"))
    kinds = available_kinds()
    closed = [Periode(2026, 7).shift(-back) for back in range(11)]
    cells = [
        sel
        for rows in kepatuhan.history(desa, kinds, closed, NOW).values()
        for row in rows
        for sel in row.sel
    ]
    total = kepatuhan.Rekap()
    for sel in cells:
        total.add(sel)
    assert total.ketepatan_waktu > 0.8  # mostly on time
    assert total.late >= 3  # a few late
    assert total.counts[Keadaan.BELUM_DIKIRIM] == 1  # one missing
    assert LaporanBulanan.objects.filter(status=Status.DIKEMBALIKAN).count() == 2
    last = kepatuhan.rekap(kepatuhan.grid(desa, kinds, Periode(2026, 8), NOW))
    assert 0 < last.sent < last.expected  # the last month: partly sent
    assert last.counts[Keadaan.TEPAT_WAKTU] + last.counts[Keadaan.TERLAMBAT] > 0  # waiting in the queue


def test_every_report_has_its_history_with_its_own_times(demo):
    for laporan in LaporanBulanan.objects.prefetch_related("riwayat"):
        history = list(laporan.riwayat.all())
        assert len(history) == laporan.versi
        assert history[0].aksi == "kirim" and history[0].created_at == laporan.pertama_dikirim_at
        assert history[-1].ke == laporan.status
        assert all(item.created_at <= NOW for item in history)
    assert KomentarLaporan.objects.count() == 2


def test_running_it_twice_adds_nothing(demo):
    counts = (LaporanBulanan.objects.count(), RiwayatLaporan.objects.count(), Pengumuman.objects.count())
    with clock(NOW):
        ledger.fill(demo)
    assert (
        LaporanBulanan.objects.count(),
        RiwayatLaporan.objects.count(),
        Pengumuman.objects.count(),
    ) == counts


def test_the_dashboard_and_rapor_render_the_demo(demo, client_for):
    from desa.models import Pengguna

    client = client_for(Pengguna.objects.get(username="trantib.paringin"))
    with clock(NOW):
        assert (
            client.get(reverse("kudapanmas:dasbor_kecamatan", args=["63.11.06", "2026-08"])).status_code
            == 200
        )
        assert (
            client.get(reverse("kudapanmas:rapor_kecamatan", args=["63.11.06", "2026-08"])).status_code == 200
        )
        assert "Rapat koordinasi operator desa" in client.get(reverse("kudapanmas:beranda")).content.decode()


def test_the_demo_kecamatan_reports_from_its_first_demo_month(demo):
    paringin = Kecamatan.objects.get(pk=akun.KODE_PARINGIN)
    assert paringin.mulai_pelaporan == Periode(2025, 9)  # twelve months up to August 2026
    assert paringin.wajib_lapor(Periode(2025, 9)) and not paringin.wajib_lapor(Periode(2025, 8))


def test_the_demo_keeps_the_sending_order_and_the_chain(demo):
    """No month is sent while an earlier one is not, and behind a returned month of a chained kind
    nothing later is sent: the demo could have been made through the ledger's own rules."""
    sent = {}
    for row in LaporanBulanan.objects.filter(status__in=[Status.DIKIRIM, Status.DIVERIFIKASI]):
        sent.setdefault((row.desa_id, row.jenis), set()).add(row.periode)
    start = Periode(2026, 8).shift(-11)
    assert Kecamatan.objects.get(pk="63.11.06").mulai_pelaporan == start
    months = [start.shift(index) for index in range(12)]
    behind = 0
    for key, days in sent.items():
        assert days == set(months[: len(days)]), key  # an unbroken run from the first month
        behind += len(days) <= 10
    assert behind >= 2  # a returned month with nothing sent after it, and the desa two months behind

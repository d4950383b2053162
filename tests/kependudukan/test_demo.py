import io

import pytest

from desa.models import Desa
from desa.periode import Periode
from kependudukan.b3 import rekap_b3
from kependudukan.models import DataAwal, Peristiwa
from kudapanmas.demo import akun, kependudukan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(wilayah):
    context = {"rng": akun.new_rng(), "stdout": io.StringIO()}
    akun.fill(context)
    kependudukan.fill(context)
    return context


def test_every_paringin_desa_starts_twelve_months_back_with_a_believable_population(demo):
    starts = DataAwal.objects.filter(desa__kecamatan_id="63.11.06")
    assert starts.count() == 16
    first = Periode.current().shift(-12)
    for data_awal in starts:
        assert data_awal.periode == first
        assert 1000 <= data_awal.jumlah_jiwa <= 5000
        assert 3.0 <= data_awal.jumlah_jiwa / data_awal.jumlah_kk <= 3.6
        assert data_awal.wna_l + data_awal.wna_p <= 3


def test_the_stream_of_events_is_believable(demo):
    desa_list = list(Desa.objects.filter(kecamatan_id="63.11.06").select_related("kecamatan"))
    people = sum(d.jumlah_jiwa for d in DataAwal.objects.all())
    year = Peristiwa.objects.filter(periode__lt=Periode.current())  # twelve whole months
    births, deaths = year.filter(jenis="LAHIR").count(), year.filter(jenis="MATI").count()
    assert 10 <= births * 1000 / people <= 22
    assert 3 <= deaths * 1000 / people <= 11
    assert any(event.terlambat for event in Peristiwa.objects.all())
    assert Peristiwa.objects.filter(
        jenis="PINDAH", pasangan__isnull=False, desa_asal_tujuan__isnull=False
    ).exists()
    assert 1 <= Peristiwa.objects.awaiting_partner().count() <= 2
    last = rekap_b3(desa_list, Periode.current().previous())
    assert all(row.ada_data and row.jiwa_akhir > 900 for row in last.values())


def test_running_the_demo_twice_adds_nothing(demo):
    counts = (DataAwal.objects.count(), Peristiwa.objects.count())
    kependudukan.fill(demo)
    assert (DataAwal.objects.count(), Peristiwa.objects.count()) == counts

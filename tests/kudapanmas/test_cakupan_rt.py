"""The dashboard and the reminders say how many RT of each desa have reported."""

import pytest
from django.urls import reverse

from desa.models import RT
from desa.periode import Periode
from kudapanmas.pengingat import pengingat_for
from tests.factories.laporan_rt import make_laporan

pytestmark = pytest.mark.django_db

PERIODE = Periode.current().previous()


@pytest.fixture
def rt_laporan_only(kecamatan):
    kecamatan.jenis_laporan_wajib = ["laporan_rt"]
    kecamatan.save()
    return kecamatan


@pytest.fixture
def balang_two_rt(desa_a):
    first = RT.objects.create(desa=desa_a, nomor=1)
    RT.objects.create(desa=desa_a, nomor=2)
    make_laporan(first, PERIODE)
    return desa_a


def test_the_dashboard_shows_x_of_y_rt(client_for, kasi_trantib, rt_laporan_only, balang_two_rt):
    url = reverse("kudapanmas:dasbor_kecamatan", args=[rt_laporan_only.kode, str(PERIODE)])
    content = client_for(kasi_trantib).get(url).content.decode()
    assert "1 dari 2 RT" in content


def test_the_reminder_names_the_rt_coverage(rt_laporan_only, balang_two_rt):
    pengingat = pengingat_for(rt_laporan_only, PERIODE)
    balang = next(item for item in pengingat.desa if item.desa == balang_two_rt)
    assert "1 dari 2 RT sudah melapor" in balang.pesan
    assert "Laporan RT (belum dikirim" in pengingat.pesan
    assert "1 dari 2 RT sudah melapor" in pengingat.pesan

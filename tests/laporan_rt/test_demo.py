"""The demo: twelve finished months of RT reports for each Paringin desa, a few RT missing; safe twice."""

import datetime
import random

import pytest

from desa.models import RT, Pengguna
from desa.periode import Periode
from desa.scoping import Peran
from kependudukan.models import Peristiwa
from kudapanmas.demo import akun
from kudapanmas.demo import laporan_rt as demo
from laporan_rt.models import LaporanRT, TamuWajibLapor
from laporan_rt.rekap import cakupan_rt

pytestmark = pytest.mark.django_db


def _fill(seed):
    context = {"rng": random.Random(seed)}
    akun.fill(context)
    demo.fill(context)
    return context


def test_the_demo_fills_twelve_months_once(kecamatan):
    context = _fill(1)
    counts = (LaporanRT.objects.count(), TamuWajibLapor.objects.count())
    demo.fill({**context, "rng": random.Random(2)})
    assert (LaporanRT.objects.count(), TamuWajibLapor.objects.count()) == counts

    rt_count = RT.objects.filter(desa__kecamatan=kecamatan, aktif=True).count()
    months = set(LaporanRT.objects.values_list("periode", flat=True))
    assert months == {Periode.current().shift(-offset) for offset in range(1, 13)}
    assert 0.85 * rt_count * 12 < counts[0] < rt_count * 12  # a few missing
    desa_list = list(kecamatan.desa_set.all())
    assert any(
        not cakupan.lengkap for cakupan in cakupan_rt(desa_list, Periode.current().previous()).values()
    )
    assert {user.username for user in context["accounts"] if user.peran == Peran.KETUA_RT} == {
        "ketua.rt1.balang",
        "ketua.rt2.balang",
    }
    assert Pengguna.objects.filter(peran=Peran.KETUA_RT).count() == 2


def test_each_rt_month_starts_where_the_last_one_ended(kecamatan):
    _fill(1)
    reports = {(laporan.rt_id, laporan.periode): laporan for laporan in LaporanRT.objects.all()}
    checked = 0
    for (rt_id, periode), laporan in reports.items():
        before = reports.get((rt_id, periode.previous()))
        if before:
            assert (laporan.awal_kk, laporan.awal_l, laporan.awal_p) == (
                before.akhir_kk,
                before.akhir_l,
                before.akhir_p,
            )
            checked += 1
    assert checked > 100


def test_the_reports_follow_the_kependudukan_events(kecamatan):
    context = {"rng": random.Random(1)}
    akun.fill(context)
    rt = RT.objects.filter(desa__kecamatan=kecamatan, nomor=1).select_related("desa").first()
    for offset in range(1, 13):
        day = Periode.current().shift(-offset).awal + datetime.timedelta(days=3)
        Peristiwa(
            desa=rt.desa, jenis="LAHIR", nomor_rt=1, jenis_kelamin="L", nama=f"Bayi {offset}",
            tanggal_peristiwa=day, tanggal_lapor=day,
        ).save()  # fmt: skip
    demo.fill(context)
    reports = LaporanRT.objects.filter(desa=rt.desa)
    assert reports.filter(rt=rt).count() >= 10
    assert set(reports.filter(rt=rt).values_list("lahir_l", flat=True)) == {1}
    assert set(reports.exclude(rt=rt).values_list("lahir_l", "datang_l", "meninggal_l")) == {(0, 0, 0)}

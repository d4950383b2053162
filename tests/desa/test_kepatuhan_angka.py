"""The provinsi overview counts the ledger in SQL (desa.kepatuhan.angka_kecamatan): its figures must
be those of the dashboard grid, built one cell at a time, for every kind of row the ledger holds."""

import datetime
import random

import pytest

from desa import kepatuhan
from desa.models import Desa, Kecamatan
from desa.models.laporan import JenisLaporan, Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.waktu import wita

pytestmark = pytest.mark.usefixtures("wilayah")

BULAN = [Periode.current().shift(-offset) for offset in range(6, -1, -1)]


def _grid_figures(kecamatan, periode, now):
    desa_list = list(Desa.objects.filter(kecamatan=kecamatan).select_related("kecamatan"))
    total = kepatuhan.rekap(kepatuhan.grid_required(desa_list, periode, now))
    return total.expected, total.sent, total.on_time


def test_the_sql_counts_equal_the_grid_cell_for_cell():
    rng = random.Random(18)
    paringin, juai, halong = (Kecamatan.objects.get(pk=kode) for kode in ("63.11.06", "63.11.01", "63.11.02"))
    # Three kecamatan that differ in every rule the count depends on.
    juai.hari_batas_waktu = 10
    juai.jenis_laporan_wajib = [JenisLaporan.KEPENDUDUKAN, JenisLaporan.LINMAS]
    juai.save()
    halong.hari_batas_waktu = 1
    halong.mulai_pelaporan = BULAN[3]
    halong.save()
    for kecamatan in (paringin, juai, halong):
        for desa in Desa.objects.filter(kecamatan=kecamatan):
            for periode in BULAN:
                for jenis in JenisLaporan:
                    roll = rng.random()
                    if roll < 0.2:
                        continue  # nothing recorded
                    status = rng.choice(list(Status))
                    batas = periode.batas_waktu(kecamatan.hari_batas_waktu)
                    sent = batas + datetime.timedelta(hours=rng.choice([-100, -1, 0, 1, 30]))
                    fields = {}
                    if roll > 0.9:  # an extended deadline
                        fields["batas_waktu_perpanjangan"] = (batas + datetime.timedelta(days=3)).date()
                    laporan(
                        desa,
                        periode,
                        status,
                        jenis=jenis,
                        sent=None if status == Status.BELUM_DIKIRIM and roll < 0.5 else sent,
                        **fields,
                    )
    now = wita(BULAN[-1].tahun, BULAN[-1].bulan, 3, 12)
    angka = kepatuhan.angka_kecamatan([paringin, juai, halong], BULAN, now)
    # Read by the code prefix, as the provinsi overview does: every kecamatan under it.
    semua = kepatuhan.angka_kecamatan(
        Kecamatan.objects.filter(kabupaten_id="63.11"), BULAN, now, awalan="63.11."
    )
    for kecamatan in (paringin, juai, halong):
        for periode in BULAN:
            assert semua.rekap[(kecamatan.pk, periode)] == angka.rekap[(kecamatan.pk, periode)]
            rekap = angka.rekap[(kecamatan.pk, periode)]
            assert (rekap.expected, rekap.sent, rekap.on_time) == _grid_figures(kecamatan, periode, now), (
                kecamatan,
                periode,
            )
    assert angka.jumlah_desa == {
        kecamatan.pk: Desa.objects.filter(kecamatan=kecamatan).count()
        for kecamatan in (paringin, juai, halong)
    }


def test_a_kabupaten_s_month_is_the_sum_of_its_kecamatan(desa_a):
    periode = BULAN[-2]
    laporan(desa_a, periode, Status.DIVERIFIKASI)
    laporan(Desa.objects.get(pk="63.11.01.2003"), periode, Status.DIKIRIM, sent=wita(2030, 1, 1, 9))
    kecamatan = list(Kecamatan.objects.filter(kabupaten_id="63.11"))
    angka = kepatuhan.angka_kecamatan(kecamatan, [periode])
    total = angka.of([k.pk for k in kecamatan], periode)
    assert total.sent == 2 and total.on_time == 1
    assert total.expected == 157 * len(kepatuhan.required_kinds(kecamatan[0]))

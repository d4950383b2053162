"""The functions others call for a set of desa and a month: "x dari y RT", recap rows, problems."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from desa.models import RT
from laporan_rt.models import KejadianRT, TamuWajibLapor
from laporan_rt.rekap import (
    KOLOM_LAPORAN_RT,
    CakupanRT,
    cakupan_rt,
    jumlah_laporan_rt,
    masalah_rt,
    rekap_laporan_rt,
)
from tests.factories.laporan_rt import PERIODE, make_laporan

pytestmark = pytest.mark.django_db


def test_the_count_is_x_of_y_rt(desa_a, desa_b, rt_a1, rt_a2, rt_b1):
    make_laporan(rt_a1)
    make_laporan(rt_a2, sent=False)  # a draft does not count
    make_laporan(rt_b1, PERIODE.previous())  # another month
    result = cakupan_rt([desa_a, desa_b], PERIODE)
    assert result[desa_a.pk] == CakupanRT(1, 2)
    assert result[desa_a.pk].label == "1 dari 2 RT"
    assert not result[desa_a.pk].lengkap
    assert result[desa_b.pk] == CakupanRT(0, 1)


def test_an_inactive_rt_that_reported_is_counted_on_both_sides(desa_a, rt_a1, rt_a2):
    make_laporan(rt_a2)
    rt_a2.aktif = False
    rt_a2.save()
    assert cakupan_rt([desa_a], PERIODE)[desa_a.pk] == CakupanRT(1, 2)
    assert rekap_laporan_rt([desa_a], PERIODE)[desa_a.pk].cakupan == CakupanRT(1, 2)


def test_the_recap_row_totals_the_sent_reports(desa_a, rt_a1, rt_a2):
    first = make_laporan(rt_a1, lahir_l=1, datang_p=2, kegiatan_ronda=4, masalah="Banjir", usulan="Drainase")
    make_laporan(rt_a2, awal_kk=20, awal_l=30, awal_p=31, akhir_kk=21, meninggal_p=1)
    TamuWajibLapor.objects.create(
        laporan=first,
        nama="A",
        nomor_identitas="A12345",
        asal="B",
        keperluan="C",
        tanggal_datang=PERIODE.awal,
    )
    KejadianRT.objects.create(laporan=first, jenis="kebakaran", tanggal=PERIODE.awal, uraian="Dapur terbakar")
    KejadianRT.objects.create(laporan=first, jenis="pencurian", tanggal=PERIODE.awal, uraian="Ayam hilang")
    row = rekap_laporan_rt([desa_a], PERIODE)[desa_a.pk]
    assert (row.rt_melapor, row.rt_jumlah) == (2, 2)
    assert row.jumlah["awal_l"] == 80
    assert row.jumlah["akhir_p"] == 48 + 2 + 31 - 1
    assert row.jumlah["akhir_kk"] == 51
    assert row.jumlah["lahir_l"] == 1
    assert row.jumlah["kegiatan_ronda"] == 4
    assert (row.tamu, row.kejadian, row.masalah) == (1, 2, 2)
    assert len(row.kolom()) == len(KOLOM_LAPORAN_RT)
    assert row.kolom()[:3] == [2, 2, 50]


def test_a_desa_without_reports_has_a_zero_row(desa_b):
    row = rekap_laporan_rt([desa_b], PERIODE)[desa_b.pk]
    assert row.kolom() == [0] * len(KOLOM_LAPORAN_RT)
    assert row.desa_nama == desa_b.nama


def test_the_total_row_adds_the_desa_rows(desa_a, desa_b, rt_a1, rt_b1):
    make_laporan(rt_a1)
    make_laporan(rt_b1)
    rows = rekap_laporan_rt([desa_a, desa_b], PERIODE).values()
    total = jumlah_laporan_rt(rows)
    assert total.desa_nama == "JUMLAH"
    assert total.jumlah["awal_l"] == 100
    assert (total.rt_melapor, total.rt_jumlah) == (2, 2)


def test_problems_and_proposals_list_desa_and_rt(desa_a, desa_b, rt_a1, rt_a2, rt_b1):
    make_laporan(rt_a2, masalah="Jalan berlubang")
    make_laporan(rt_a1, usulan="Pos ronda baru", masalah="  ")
    make_laporan(rt_b1, masalah="Lampu mati", sent=False)  # a draft
    rows = masalah_rt([desa_a, desa_b], PERIODE)
    assert [(row.desa_kode, row.rt, row.jenis, row.teks) for row in rows] == [
        (desa_a.pk, "RT 001", "Usulan", "Pos ronda baru"),
        (desa_a.pk, "RT 002", "Masalah", "Jalan berlubang"),
    ]
    assert rows[0].desa_nama == desa_a.nama
    assert rows[0].rw == "Dusun 1"


def _queries(function, desa_list):
    with CaptureQueriesContext(connection) as captured:
        function(desa_list, PERIODE)
    return len(captured)


@pytest.mark.parametrize("function", [cakupan_rt, rekap_laporan_rt, masalah_rt])
def test_the_number_of_queries_does_not_grow_with_the_desa(function, desa_a, desa_b, kecamatan):
    desa_list = list(kecamatan.desa_set.all())
    for index, desa in enumerate(desa_list):
        for nomor in (1, 2):
            rt = RT.objects.create(desa=desa, nomor=nomor)
            make_laporan(rt, masalah=f"Masalah {index}")
    assert _queries(function, [desa_a]) == _queries(function, desa_list)

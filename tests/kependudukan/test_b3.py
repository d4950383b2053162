"""Book B.3 computed by hand across three months: continuity, the KK rule, WNA, a correction,
a late registration counted in the month of its tanggal lapor."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from desa.models import Desa
from desa.periode import Periode
from kependudukan.b3 import KOLOM_D_AG, Kelompok, jumlah_b3, rekap_b3, rekap_b3_deret, rekap_b3_tahun
from tests.factories.kependudukan import day, make_data_awal, make_koreksi, make_peristiwa

pytestmark = pytest.mark.django_db

M1, M2, M3 = Periode(2025, 3), Periode(2025, 4), Periode(2025, 5)


@pytest.fixture
def three_months(desa_a):
    make_data_awal(desa_a, M1, wni_l=100, wni_p=110, wna_l=2, wna_p=1, jumlah_kk=60)
    # March
    make_peristiwa(desa_a, "LAHIR", day(M1, 3), jenis_kelamin="L")
    make_peristiwa(desa_a, "LAHIR", day(M1, 5), jenis_kelamin="P", kewarganegaraan="WNA")
    make_peristiwa(desa_a, "MATI", day(M1, 8), jenis_kelamin="P")
    make_peristiwa(desa_a, "DATANG", day(M1, 10), jenis_kelamin="L", kepala_keluarga=True)
    make_peristiwa(desa_a, "DATANG", day(M1, 10), jenis_kelamin="P")
    make_peristiwa(
        desa_a, "PINDAH", day(M1, 20), jenis_kelamin="L", kewarganegaraan="WNA", kepala_keluarga=True
    )
    # April: a birth of January registered only now, a departing head, a correction
    make_peristiwa(desa_a, "LAHIR", datetime.date(2025, 1, 20), day(M2, 2), jenis_kelamin="P")
    make_peristiwa(desa_a, "PINDAH", day(M2, 15), jenis_kelamin="L", kepala_keluarga=True)
    make_koreksi(desa_a, day(M2, 28), wni_l=3, wni_p=-1, jumlah_kk=1)
    # May: a death on the last day of April, reported in May
    make_peristiwa(desa_a, "MATI", datetime.date(2025, 4, 30), day(M3, 2), jenis_kelamin="L")
    return desa_a


def test_the_first_month_adds_up_by_hand(three_months):
    row = rekap_b3([three_months], M1)[three_months.pk]
    assert row.ada_data
    assert row.awal == Kelompok(wna_l=2, wna_p=1, wni_l=100, wni_p=110)
    assert row.lahir == Kelompok(wna_p=1, wni_l=1)
    assert row.datang == Kelompok(wni_l=1, wni_p=1)
    assert row.meninggal == Kelompok(wni_p=1)
    assert row.pindah == Kelompok(wna_l=1)
    assert row.akhir == Kelompok(wna_l=1, wna_p=2, wni_l=102, wni_p=110)
    # KK: +1 arriving head, -1 departing head
    assert (row.kk_awal, row.kk_akhir) == (60, 60)
    assert (row.jiwa_awal, row.anggota_awal) == (213, 153)
    assert (row.jiwa_akhir, row.anggota_akhir) == (215, 155)


def test_the_second_month_starts_where_the_first_ended(three_months):
    rows = rekap_b3([three_months], M2)[three_months.pk]
    first = rekap_b3([three_months], M1)[three_months.pk]
    assert rows.awal == first.akhir
    assert rows.kk_awal == first.kk_akhir


def test_a_late_birth_counts_in_the_month_it_was_reported_and_a_correction_is_shown(three_months):
    row = rekap_b3([three_months], M2)[three_months.pk]
    assert row.lahir == Kelompok(wni_p=1)
    assert row.pindah == Kelompok(wni_l=1)
    assert row.koreksi == Kelompok(wni_l=3, wni_p=-1)
    assert row.kk_koreksi == 1
    # 102 - 1 + 3 = 104 WNI L; 110 + 1 - 1 = 110 WNI P; KK 60 - 1 + 1
    assert row.akhir == Kelompok(wna_l=1, wna_p=2, wni_l=104, wni_p=110)
    assert row.kk_akhir == 60
    assert "Konsolidasi data Disdukcapil" in row.keterangan
    assert "+3 WNI L" in row.keterangan


def test_a_death_at_the_end_of_april_reported_in_may_is_in_may(three_months):
    april = rekap_b3([three_months], M2)[three_months.pk]
    may = rekap_b3([three_months], M3)[three_months.pk]
    assert april.meninggal == Kelompok()
    assert may.meninggal == Kelompok(wni_l=1)
    assert may.awal == april.akhir
    assert may.akhir == Kelompok(wna_l=1, wna_p=2, wni_l=103, wni_p=110)


def test_the_recap_columns_d_to_ag_follow_formats_md(three_months):
    row = rekap_b3([three_months], M1)[three_months.pk]
    assert len(KOLOM_D_AG) == 30
    assert row.kolom() == [
        2, 1, 100, 110, 60, 153, 213,  # awal: WNA L, WNA P, WNI L, WNI P, KK, anggota, jiwa
        0, 1, 1, 0,  # lahir
        0, 0, 1, 1,  # datang
        0, 0, 0, 1,  # meninggal
        1, 0, 0, 0,  # pindah
        1, 2, 102, 110, 60, 155, 215,  # akhir
    ]  # fmt: skip


def test_a_desa_without_data_awal_has_no_numbers_and_says_why(three_months, desa_b):
    rows = rekap_b3([three_months, desa_b], M1)
    assert not rows[desa_b.pk].ada_data
    assert rows[desa_b.pk].kolom() == [None] * 30
    assert "belum diisi" in rows[desa_b.pk].keterangan


def test_a_month_before_the_first_month_has_no_numbers(three_months):
    row = rekap_b3([three_months], Periode(2025, 2))[three_months.pk]
    assert not row.ada_data
    assert "Maret 2025" in row.keterangan


def test_the_year_sums_the_months_and_ends_where_december_ends(three_months):
    year = rekap_b3_tahun([three_months], 2025)[three_months.pk]
    december = rekap_b3([three_months], Periode(2025, 12))[three_months.pk]
    assert year.mulai == M1  # the desa's first month, not January
    assert year.awal == Kelompok(wna_l=2, wna_p=1, wni_l=100, wni_p=110)
    assert year.lahir == Kelompok(wna_p=1, wni_l=1, wni_p=1)
    assert year.meninggal == Kelompok(wni_l=1, wni_p=1)
    assert year.akhir == december.akhir
    assert year.kk_akhir == december.kk_akhir


def test_the_series_agrees_with_the_single_months(three_months):
    series = rekap_b3_deret([three_months], M1, M3)[three_months.pk]
    assert list(series) == [M1, M2, M3]
    for periode, row in series.items():
        single = rekap_b3([three_months], periode)[three_months.pk]
        assert row.kolom() == single.kolom()
        assert row.keterangan == single.keterangan


def test_the_jumlah_row_adds_only_desa_with_numbers(three_months, desa_b):
    rows = rekap_b3([three_months, desa_b], M1).values()
    total = jumlah_b3(rows)
    assert total.kolom() == rekap_b3([three_months], M1)[three_months.pk].kolom()


def _fill(desa_list, months):
    for index, desa in enumerate(desa_list):
        make_data_awal(desa, months[0], wni_l=500 + index)
        for periode in months:
            for jenis in ("LAHIR", "MATI", "DATANG", "PINDAH"):
                make_peristiwa(desa, jenis, day(periode, 10))


def test_rekap_b3_runs_the_same_number_of_queries_for_2_and_16_desa(wilayah):
    paringin = list(Desa.objects.filter(kecamatan_id="63.11.06").select_related("kecamatan"))
    assert len(paringin) == 16
    months = [M1, M2, M3]
    _fill(paringin, months)
    with CaptureQueriesContext(connection) as two:
        rekap_b3(paringin[:2], M3)
    with CaptureQueriesContext(connection) as sixteen:
        rows = rekap_b3(paringin, M3)
    assert len(two) == len(sixteen) <= 4
    assert all(row.lahir.jumlah == 1 for row in rows.values())
    with CaptureQueriesContext(connection) as series:
        rekap_b3_deret(paringin, M1, M3)
    assert len(series) <= 4

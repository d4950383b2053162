"""The yearly recap (the months summed) and the kabupaten-wide workbook (a block per kecamatan)."""

import pytest

from desa.models import Kabupaten
from desa.periode import Periode
from kudapanmas.rekap.scope import RekapError, scope_kabupaten, scope_kecamatan
from tests.factories.wilayah import KODE_DESA_A, KODE_DESA_B
from tests.kudapanmas.rekap_contoh import PERIODE, buka, isi_semua, rows_of

pytestmark = pytest.mark.django_db

# Desa A over 2025: awal is its data awal of Juli; Juli adds a boy and a woman arriving as head of
# family, Agustus the events of the month.
AWAL_A = [1, 0, 500, 510, 300, 711, 1011]
PERISTIWA_A = [0, 0, 1, 2] + [0, 1, 0, 1] + [0, 0, 1, 0] + [0, 0, 1, 1]
AKHIR_A = [1, 1, 499, 512, 301, 712, 1013]


@pytest.fixture
def contoh(desa_a, desa_b, kecamatan, camat):
    isi_semua(desa_a, desa_b, kecamatan, camat)
    return kecamatan


def by_kode(sheet):
    return {row[1]: row for row in rows_of(sheet, 6) if row[1]}


def test_the_yearly_population_sheet_runs_from_the_first_awal_to_the_last_akhir(contoh):
    workbook = buka(scope_kecamatan(contoh, dibuat_oleh="uji", tahun=2025))
    sheet = workbook["Kependudukan"]
    assert sheet["A2"].value == "KECAMATAN PARINGIN · TAHUN 2025"
    assert sheet["D4"].value == "Awal tahun"
    assert sheet["AA4"].value == "Akhir tahun"
    row = by_kode(sheet)[KODE_DESA_A]
    assert row[3:33] == AWAL_A + PERISTIWA_A + AKHIR_A
    assert row[33] == (
        "5 bulan: Belum dikirim 4, Terverifikasi 1; belum dilaporkan, tidak dihitung dalam JUMLAH; "
        "data mulai Juli 2025"
    )


def test_the_yearly_compliance_counts_the_months_since_the_first_report(contoh):
    workbook = buka(scope_kecamatan(contoh, dibuat_oleh="uji", tahun=2025))
    rows = by_kode(workbook["Kepatuhan"])
    # Laporan, Terkirim, Tepat waktu, Terverifikasi, hari terlambat; for Kependudukan then Linmas.
    assert rows[KODE_DESA_A][3:13] == [5, 1, 1, 1, 0, 5, 1, 1, 0, 0]
    assert rows[KODE_DESA_B][3:8] == [5, 1, 0, 0, 3]
    assert rows[KODE_DESA_A][13:] == [0.2, 0.2]
    ringkasan = {row[0]: row[1] for row in workbook["Ringkasan"].iter_rows(values_only=True) if row[0]}
    assert ringkasan["Bulan yang dihitung kepatuhannya"] == "Agustus–Desember 2025 (sejak laporan pertama)"


def test_the_yearly_linmas_sheet_sums_activities_and_counts_months_met(contoh):
    row = by_kode(buka(scope_kecamatan(contoh, dibuat_oleh="uji", tahun=2025))["Linmas"])[KODE_DESA_A]
    assert row[3:8] == [1, 1, 2, 8, 12]
    assert row[17] == 5
    assert row[18:20] == [21, 12]
    assert row[23] == "1 dari 5 bulan"
    assert row[24] == (
        "September (Ronda/siskamling, Apel); Oktober (Ronda/siskamling, Apel); "
        "November (Ronda/siskamling, Apel); Desember (Ronda/siskamling, Apel)"
    )


def test_a_year_not_begun_is_refused(contoh):
    with pytest.raises(RekapError, match="belum berjalan"):
        scope_kecamatan(contoh, dibuat_oleh="uji", tahun=Periode.current().tahun + 1)


def test_the_kabupaten_workbook_has_a_subtotal_per_kecamatan_and_a_total(contoh):
    scope = scope_kabupaten(Kabupaten.objects.get(pk="63.11"), dibuat_oleh="uji", periode=PERIODE)
    rows = rows_of(buka(scope)["Kependudukan"], 6)
    labels = [(index, row[0]) for index, row in enumerate(rows) if isinstance(row[0], str)]
    subtotals = [label for _, label in labels if label.startswith("JUMLAH KECAMATAN")]
    assert len(subtotals) == 8
    paringin = next(index for index, label in labels if label == "JUMLAH KECAMATAN PARINGIN")
    desa_rows = {row[1]: row for row in rows if row[1]}
    expected = [
        a + b for a, b in zip(desa_rows[KODE_DESA_A][3:33], desa_rows[KODE_DESA_B][3:33], strict=True)
    ]
    assert rows[paringin][3:33] == expected
    total = next(row for row in rows if row[0] == "JUMLAH")
    assert total[3:33] == expected
    assert [row[0] for row in rows if isinstance(row[0], int)] == list(range(1, 158))

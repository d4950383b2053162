"""The recap workbook of one kecamatan and one month, opened again with openpyxl."""

import datetime

import pytest

from desa.models import LaporanBulanan
from desa.models.laporan import JenisLaporan, Status
from kudapanmas.rekap.scope import scope_kecamatan
from tests.factories.wilayah import KODE_DESA_A, KODE_DESA_B
from tests.kudapanmas.rekap_contoh import INJEKSI, PERIODE, buka, isi_semua, rows_of

pytestmark = pytest.mark.django_db

FIRST_ROW = 6  # 3 title rows, 2 header rows

AWAL_A = [1, 0, 501, 511, 301, 712, 1013]
PERISTIWA_A = [0, 0, 0, 2] + [0, 1, 0, 0] + [0, 0, 1, 0] + [0, 0, 1, 1]
AKHIR_A = [1, 1, 499, 512, 301, 712, 1013]
AWAL_B = [0, 0, 300, 320, 200, 420, 620]
PERISTIWA_B = [0, 0, 1, 0] + [0] * 12
AKHIR_B = [0, 0, 301, 320, 200, 421, 621]


@pytest.fixture
def workbook(desa_a, desa_b, kecamatan, kasi_trantib):
    isi_semua(desa_a, desa_b, kecamatan, kasi_trantib)
    scope = scope_kecamatan(kecamatan, dibuat_oleh="Rahmadi (Camat)", periode=PERIODE)
    return buka(scope)


def by_kode(sheet, first_row=FIRST_ROW):
    return {row[1]: row for row in rows_of(sheet, first_row) if row[1]}


def test_it_holds_the_sheets_in_order(workbook):
    assert workbook.sheetnames == [
        "Ringkasan",
        "Kepatuhan",
        "Kependudukan",
        "Rincian Peristiwa",
        "Linmas",
        "Kegiatan Linmas",
        "Ekonomi",
        "Penerima Bantuan",
        "Laporan RT",
        "Masalah RT",
        "Temuan",
    ]


def test_the_population_sheet_keeps_the_column_positions_of_formats_md(workbook):
    sheet = workbook["Kependudukan"]
    assert [sheet.cell(5, column).value for column in (1, 2, 3)] == [None, None, None]
    assert [sheet.cell(4, column).value for column in (1, 2, 3)] == ["No", "Kode Desa", "Desa/Kelurahan"]
    groups = {sheet.cell(4, column).value: column for column in range(4, 35) if sheet.cell(4, column).value}
    assert groups == {
        "Awal bulan": 4,  # D
        "Lahir": 11,  # K
        "Datang": 15,  # O
        "Meninggal": 19,  # S
        "Pindah": 23,  # W
        "Akhir bulan": 27,  # AA
        "Keterangan": 34,  # AH
    }
    assert [sheet.cell(5, column).value for column in range(4, 11)] == [
        "WNA L",
        "WNA P",
        "WNI L",
        "WNI P",
        "Jumlah KK",
        "Jumlah anggota keluarga",
        "Jumlah jiwa",
    ]
    assert "D4:J4" in sheet.merged_cells
    assert "A4:A5" in sheet.merged_cells


def test_the_population_numbers_are_the_hand_computed_ones(workbook):
    rows = by_kode(workbook["Kependudukan"])
    assert rows[KODE_DESA_A][3:33] == AWAL_A + PERISTIWA_A + AKHIR_A
    assert rows[KODE_DESA_B][3:33] == AWAL_B + PERISTIWA_B + AKHIR_B
    assert all(isinstance(value, int) for value in rows[KODE_DESA_A][3:33])


def test_every_desa_of_the_kecamatan_has_a_row_in_code_order_then_jumlah(workbook, kecamatan):
    rows = rows_of(workbook["Kependudukan"], FIRST_ROW)
    desa_rows = rows[:16]
    assert [row[0] for row in desa_rows] == list(range(1, 17))
    assert [row[1] for row in desa_rows] == sorted(desa.kode for desa in kecamatan.desa_set.all())
    jumlah = rows[16]
    assert jumlah[0] == "JUMLAH"
    assert jumlah[3:33] == [
        a + b for a, b in zip(AWAL_A + PERISTIWA_A + AKHIR_A, AWAL_B + PERISTIWA_B + AKHIR_B, strict=True)
    ]
    assert jumlah[33] == "Jumlah 2 dari 16 desa/kelurahan yang laporannya terkirim atau terverifikasi"


def test_a_desa_whose_report_is_not_sent_is_marked_and_left_out_of_jumlah(
    desa_a, desa_b, kecamatan, kasi_trantib
):
    isi_semua(desa_a, desa_b, kecamatan, kasi_trantib)
    LaporanBulanan.objects.filter(desa=desa_b, jenis=JenisLaporan.KEPENDUDUKAN).update(
        status=Status.DIKEMBALIKAN
    )
    workbook = buka(scope_kecamatan(kecamatan, dibuat_oleh="Rahmadi (Camat)", periode=PERIODE))
    rows = by_kode(workbook["Kependudukan"])
    assert rows[KODE_DESA_B][3:33] == AWAL_B + PERISTIWA_B + AKHIR_B  # still shown, but marked
    assert "belum dilaporkan, tidak dihitung dalam JUMLAH" in rows[KODE_DESA_B][33]
    assert "tidak dihitung" not in rows[KODE_DESA_A][33]
    jumlah = rows_of(workbook["Kependudukan"], FIRST_ROW)[16]
    assert jumlah[3:33] == AWAL_A + PERISTIWA_A + AKHIR_A
    assert jumlah[33] == "Jumlah 1 dari 16 desa/kelurahan yang laporannya terkirim atau terverifikasi"


def test_keterangan_gives_the_report_state_or_why_a_row_is_empty(workbook):
    rows = by_kode(workbook["Kependudukan"])
    assert rows[KODE_DESA_A][33] == "Terverifikasi"
    assert rows[KODE_DESA_B][33] == "Terlambat 3 hari"
    empty = rows["63.11.06.2006"]
    assert empty[3:33] == [None] * 30
    assert "Data awal kependudukan belum diisi." in empty[33]


def test_the_event_list_has_every_event_of_the_month_with_text_typed_identity_numbers(workbook):
    sheet = workbook["Rincian Peristiwa"]
    rows = rows_of(sheet, 5)[:8]
    assert [row[1] for row in rows[:7]] == [KODE_DESA_A] * 6 + [KODE_DESA_B]
    assert [row[4] for row in rows[:7]] == [
        "Lahir",
        "Lahir",
        "Meninggal",
        "Datang",
        "Pindah",
        "Pindah",
        "Lahir",
    ]
    assert rows[7] == [None] * 18  # the table ends; a note follows
    mati = rows[2]
    assert mati[5:8] == [datetime.datetime(2025, 6, 1), datetime.datetime(2025, 8, 12), "6311060101500002"]
    assert mati[8] == "6311060101100009"
    assert mati[16] == "Sebab: Sakit biasa/tua"
    assert mati[17] == "Terlambat dilaporkan"
    nik_cell = sheet.cell(5 + 2, 8)
    assert nik_cell.data_type == "s"
    assert nik_cell.number_format == "@"
    assert sheet.cell(5 + 2, 6).is_date


def test_the_linmas_row_counts_members_activities_and_the_programme(workbook):
    sheet = workbook["Linmas"]
    rows = by_kode(sheet)
    row = rows[KODE_DESA_A]
    anggota, kegiatan, rest = row[3:8], row[8:18], row[18:]
    assert anggota == [1, 1, 2, 8, 12]
    assert kegiatan == [4, 0, 0, 0, 0, 1, 0, 0, 0, 5]
    assert rest[:5] == [21, 12, 1, 0, 2]
    assert rest[5:7] == ["Ya", None]
    assert rest[7] == "Tepat waktu"
    other = rows[KODE_DESA_B]
    assert other[23:25] == ["Tidak", "Ronda/siskamling: 0 dari 4 kali; Apel: 0 dari 1 kali"]
    assert "anggota kurang dari 10" in other[25]
    jumlah = rows_of(sheet, FIRST_ROW)[16]
    assert jumlah[0] == "JUMLAH"
    assert jumlah[3:23] == row[3:23]
    assert jumlah[23] == "1 dari 1 desa"  # of the desa whose Linmas report is sent


def test_the_activity_list_has_activities_then_incidents(workbook):
    rows = rows_of(workbook["Kegiatan Linmas"], 5)[:6]
    assert [row[3] for row in rows] == ["Kegiatan"] * 5 + ["Kejadian"]
    assert [row[6] for row in rows[:5]] == ["Ronda/siskamling"] * 3 + ["Apel", "Ronda/siskamling"]
    apel = rows[3]
    assert apel[10] == ", ".join(f"Anggota {index:02d}" for index in range(12))
    assert apel[11] == 12
    kejadian = rows[5]
    assert kejadian[4:6] == [datetime.datetime(2025, 8, 31), "23.30"]
    assert kejadian[13:17] == [0, 2, "1 dapur", "Tidak diserahkan"]


def test_the_findings_sheet_lists_the_months_findings(workbook):
    rows = rows_of(workbook["Temuan"], 5)[:2]
    assert [row[6] for row in rows] == ["Pelaporan terlambat", "NIK tidak cocok"]
    assert rows[0][1:6] == ["Agustus 2025", KODE_DESA_A, "Balang", "Ahmad Yani", "6311060101500002"]
    assert rows[0][8] == "Informasi"
    assert rows[1][4] == INJEKSI
    assert rows[1][8] == "Perlu diperbaiki"


def test_the_rt_sheet_sums_the_sent_rt_reports_of_each_desa(workbook):
    sheet = workbook["Laporan RT"]
    assert [sheet.cell(4, column).value for column in (4, 6, 9)] == ["RT", "Awal bulan", "Lahir"]
    row = by_kode(sheet)[KODE_DESA_A]
    # RT melapor, Jumlah RT; awal KK L P; lahir, meninggal, datang, pindah (L, P); akhir KK L P
    assert row[3:19] == [1, 1, 40, 60, 62, 0, 2, 0, 0, 0, 0, 0, 0, 40, 60, 64]
    # gotong royong, ronda, posyandu, pengajian, lainnya; guests, incidents, problems and proposals
    assert row[19:27] == [0, 4, 0, 0, 0, 0, 0, 2]
    assert by_kode(sheet)[KODE_DESA_B][3:5] == [0, 0]
    jumlah = rows_of(sheet, FIRST_ROW)[16]
    # The kecamatan does not require a monthly RT send: the RT reports count as they are.
    assert jumlah[0] == "JUMLAH" and jumlah[3:27] == row[3:27]
    assert jumlah[27] == "Jumlah 16 desa/kelurahan (laporan ini tidak wajib dikirim ke kecamatan)"


def test_the_rt_problems_sheet_lists_problems_and_proposals(workbook):
    rows = rows_of(workbook["Masalah RT"], 5)[:2]
    assert [row[1:7] for row in rows] == [
        ["Agustus 2025", KODE_DESA_A, "Balang", "RT 003", "Dusun I", "Masalah"],
        ["Agustus 2025", KODE_DESA_A, "Balang", "RT 003", "Dusun I", "Usulan"],
    ]
    assert [row[7] for row in rows] == ["=1+2 jalan rusak di RT 003", "Perbaikan jembatan desa."]


def test_the_compliance_sheet_shows_state_times_and_rates(workbook):
    sheet = workbook["Kepatuhan"]
    assert [sheet.cell(4, column).value for column in (4, 8, 12)] == [
        "Kependudukan",
        "Linmas",
        "Semua laporan",
    ]
    rows = by_kode(sheet)
    assert rows[KODE_DESA_A][3:] == [
        "Terverifikasi",
        datetime.datetime(2025, 9, 3, 10),
        0,
        datetime.datetime(2025, 9, 4, 9, 30),
        "Tepat waktu",
        datetime.datetime(2025, 9, 2, 8),
        0,
        None,
        1,
        1,
    ]
    assert rows[KODE_DESA_B][3:7] == ["Terlambat", datetime.datetime(2025, 9, 8, 10), 3, None]
    assert rows[KODE_DESA_B][11:] == [0.5, 0]


def test_the_summary_has_the_rates_and_the_camats_signature(workbook):
    sheet = workbook["Ringkasan"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    labels = {}
    for row in values:
        labels.setdefault(row[0], row)
    assert labels["Wilayah"][1] == "Kecamatan Paringin, Kabupaten Balangan"
    assert labels["Periode"][1] == "Agustus 2025"
    assert labels["Dibuat oleh"][1] == "Rahmadi (Camat)"
    assert labels["Batas waktu laporan"][1] == "5 September 2025 pukul 23.59 WITA"
    assert labels["Kependudukan"][1:] == [16, 2, 1, 1, 14, 1, 2 / 16, 1 / 16]
    assert labels["Linmas"][1:] == [16, 1, 1, 0, 15, 0, 1 / 16, 1 / 16]
    assert labels["Semua jenis laporan"][1:] == [32, 3, 2, 1, 29, 1, 3 / 32, 2 / 32]
    signature = [row[5] for row in values if len(row) > 5 and row[5]]
    assert signature[-4:] == ["Mengetahui,", "Camat Paringin", "Drs. H. Rahmadi", "NIP 197001011990031001"]


def test_each_table_sheet_is_set_up_for_print_and_filtering(workbook):
    for name in ["Kepatuhan", "Kependudukan", "Linmas"]:
        sheet = workbook[name]
        assert sheet.freeze_panes == "D6"
        assert sheet.print_title_rows == "$1:$5"
        assert sheet.auto_filter.ref.startswith("A5:")
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.column_dimensions["B"].width == 14

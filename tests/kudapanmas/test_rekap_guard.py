"""Text people typed never becomes a formula, and identity numbers keep all 16 digits."""

import datetime
import io
import zipfile

import pytest

from kependudukan.models import Peristiwa
from kudapanmas.rekap import guard
from kudapanmas.rekap.scope import scope_kecamatan
from kudapanmas.rekap.workbook import SHEETS, write_rekap
from tests.kudapanmas.rekap_contoh import INJEKSI, PERIODE, buka, isi_semua

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["=1+1", "+62 811", "-Jl. Mawar", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_text_starting_like_a_formula_is_risky(text):
    assert guard.is_risky(text)


@pytest.mark.parametrize("text", ["Siti Aisyah", "6311060101500002", "Jl. Mawar - Gang 2", "a=b"])
def test_ordinary_text_is_not_risky(text):
    assert not guard.is_risky(text)


@pytest.fixture
def scope(desa_a, desa_b, kecamatan, camat):
    isi_semua(desa_a, desa_b, kecamatan, camat)
    return scope_kecamatan(kecamatan, dibuat_oleh="=cmd|' /C calc'!A0", periode=PERIODE)


def cells_with(workbook, value):
    return [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.replace("\n", "\r") == value.replace("\n", "\r")
    ]


@pytest.mark.parametrize(
    "typed",
    [
        INJEKSI,  # a name (Rincian Peristiwa, Temuan)
        "+62 811 kembar",  # an event's keterangan
        "-Jl. Mawar 5, Banjarmasin",  # an address
        "@SUM(A1)",  # an activity's place
        "\t=1+1 apel HUT RI",  # an activity's description
        "=cmd|' /C calc'!A0",  # the maker's name
        "=1+2 jalan rusak di RT 003",  # an RT's problem
    ],
)
def test_typed_text_that_looks_like_a_formula_is_written_as_visible_text(scope, typed):
    cells = cells_with(buka(scope), typed)
    assert cells, f"{typed!r} is missing from the workbook"
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.quotePrefix


def test_no_cell_of_the_file_is_a_formula(scope):
    target = io.BytesIO()
    write_rekap(scope, target)
    with zipfile.ZipFile(target) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert len(sheets) == len(SHEETS)
        for name in sheets:
            assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_identity_numbers_are_text_cells_with_the_text_format(scope):
    workbook = buka(scope)
    for sheet_name, column in [("Rincian Peristiwa", "H"), ("Rincian Peristiwa", "I"), ("Temuan", "F")]:
        sheet = workbook[sheet_name]
        cells = [cell for cell in sheet[column][4:] if isinstance(cell.value, str) and cell.value.isdigit()]
        assert cells, f"no identity number in {sheet_name} {column}"
        for cell in cells:
            assert len(cell.value) == 16
            assert cell.data_type == "s"
            assert cell.number_format == "@"


def test_control_characters_pasted_into_a_name_are_dropped(scope, desa_b):
    Peristiwa.objects.create(
        desa=desa_b,
        jenis="LAHIR",
        tanggal_peristiwa=datetime.date(2025, 8, 6),
        tanggal_lapor=datetime.date(2025, 8, 6),
        nama="Budi\x0bSantoso\x1f",  # NUL cannot be stored in PostgreSQL; forms refuse it anyway
        jenis_kelamin="L",
    )
    names = [row[9] for row in buka(scope)["Rincian Peristiwa"].iter_rows(min_row=5, values_only=True)]
    assert "BudiSantoso" in names

"""The impor-kependudukan.xlsx file may name its desa undotted (6311062005, as OpenSID stores it),
as text or as a number cell: it finds the same desa as the dotted code."""

import io

import pytest
from django.core.management import call_command

from desa.periode import Periode
from kependudukan.impor.periksa import periksa_berkas
from kependudukan.impor.simpan import simpan_berkas
from kependudukan.impor.templat import templat_workbook
from kependudukan.models import DataAwal, Peristiwa
from tests.kependudukan.workbooks import data_awal_row, event_row, workbook_bytes

pytestmark = pytest.mark.django_db

A, B = "63.11.06.2005", "63.11.06.2014"
MONTH = Periode.current().previous()
DAY = MONTH.awal.replace(day=10)


def template_bytes(kode_desa, kode_desa_lain):
    """Our template with its example codes replaced as an operator pastes them from OpenSID: a pasted
    number stays a number cell even in a column formatted as text."""
    workbook = templat_workbook()
    for sheet in (workbook["Data Awal"], workbook["Peristiwa"]):
        for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
            wanted = {"Kode Desa": kode_desa, "Kode Desa Asal/Tujuan": kode_desa_lain}.get(column[0].value)
            for cell in column[1:]:
                if wanted is not None and cell.value:
                    cell.value = wanted
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def check(content, desa_boleh=None):
    return periksa_berkas(io.BytesIO(content), desa_boleh=desa_boleh)


def where(hasil):
    return [(k.sheet, k.baris, k.kolom) for k in hasil.kesalahan]


@pytest.mark.parametrize(
    ("kode_desa", "kode_desa_lain"),
    [("6311062005", "6311062014"), (6311062005, 6311062014), (6311062005.0, " 6311062014 ")],
    ids=["text", "number cells", "float cell and text with spaces"],
)
def test_our_template_with_undotted_codes_saves_into_the_same_desa(wilayah, kode_desa, kode_desa_lain):
    hasil = simpan_berkas(io.BytesIO(template_bytes(kode_desa, kode_desa_lain)), user=None, desa_boleh=None)
    assert hasil.ok, [str(k) for k in hasil.kesalahan]
    assert list(DataAwal.objects.values_list("desa_id", flat=True)) == [A]
    assert set(Peristiwa.objects.values_list("desa_id", flat=True)) == {A}
    assert Peristiwa.objects.get(jenis="PINDAH").desa_asal_tujuan_id == B


def test_the_undotted_and_the_dotted_code_are_one_desa(wilayah):
    content = workbook_bytes(data_awal=[data_awal_row(A, str(MONTH)), data_awal_row(6311062005, str(MONTH))])
    hasil = check(content)
    assert where(hasil) == [("Data Awal", 3, "Kode Desa")]
    assert "sudah ada di baris 2" in hasil.kesalahan[0].pesan


def test_an_undotted_code_of_a_desa_outside_the_scope_is_refused(wilayah):
    content = workbook_bytes(
        data_awal=[data_awal_row("6311062005", str(MONTH))], peristiwa=[event_row("6311062014", "LAHIR", DAY)]
    )
    hasil = check(content, desa_boleh={A})
    assert where(hasil) == [("Peristiwa", 2, "Kode Desa")]
    assert hasil.kesalahan[0].pesan.startswith("Anda tidak berwenang mengimpor data")
    assert f"({B})" in hasil.kesalahan[0].pesan


def test_an_undotted_code_that_is_not_listed_is_named_dotted(wilayah):
    hasil = check(workbook_bytes(data_awal=[data_awal_row(6311062999, str(MONTH))]))
    assert where(hasil) == [("Data Awal", 2, "Kode Desa")]
    assert hasil.kesalahan[0].pesan == "Kode desa 63.11.06.2999 tidak terdaftar di KUDAPANMAS."


@pytest.mark.parametrize(
    ("nilai", "tertulis"),
    [
        ("6311062", "6311062"),
        (63110620.0, "63110620"),
        ("63110620051", "63110620051"),
        ("6311O62005", "6311O62005"),
    ],
)
def test_a_bad_code_is_named_with_its_sheet_row_and_column(wilayah, nilai, tertulis):
    content = workbook_bytes(
        data_awal=[data_awal_row(nilai, str(MONTH))],
        peristiwa=[event_row(A, "DATANG", DAY, NIK="6371011505900003", **{"Kode Desa Asal/Tujuan": nilai})],
    )
    hasil = check(content)
    assert where(hasil) == [("Data Awal", 2, "Kode Desa"), ("Peristiwa", 2, "Kode Desa Asal/Tujuan")]
    assert {k.pesan for k in hasil.kesalahan} == {
        f"'{tertulis}' bukan kode desa; bentuknya PP.KK.CC.DDDD atau tanpa titik PPKKCCDDDD, "
        "misalnya 63.11.06.2005 atau 6311062005."
    }


def test_the_command_imports_a_file_with_undotted_codes(wilayah, tmp_path):
    path = tmp_path / "opensid.xlsx"
    path.write_bytes(
        workbook_bytes(
            data_awal=[data_awal_row(6311062005, str(MONTH))],
            peristiwa=[event_row("6311062005", "LAHIR", DAY)],
        )
    )
    out = io.StringIO()
    call_command("impor_kependudukan", str(path), stdout=out)
    assert "1 peristiwa dan 1 data awal disimpan" in out.getvalue()
    assert Peristiwa.objects.get().desa_id == A

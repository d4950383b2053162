"""The impor-ekonomi.xlsx file may name its desa undotted (6311062005), as text or as a number cell."""

import io

import pytest

from kependudukan.ekonomi.impor.periksa import periksa_berkas
from kependudukan.ekonomi.impor.simpan import simpan_berkas
from kependudukan.ekonomi.impor.templat import templat_workbook
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan
from tests.kependudukan.workbooks_ekonomi import KODE_A, KODE_B, keluarga_row, penerima_row, workbook_bytes


def run(content, desa_boleh=None):
    return simpan_berkas(io.BytesIO(content), user=None, desa_boleh=desa_boleh)


def test_our_template_with_an_undotted_code_saves_into_the_desa(desa_a):
    buffer = io.BytesIO()
    templat_workbook(kode_desa="6311062005").save(buffer)
    hasil = run(buffer.getvalue())
    assert hasil.ok, [str(k) for k in hasil.kesalahan]
    assert set(Keluarga.objects.values_list("desa_id", flat=True)) == {KODE_A}
    assert set(PenerimaBantuan.objects.values_list("desa_id", flat=True)) == {KODE_A}


def test_number_cells_find_the_household_the_dotted_code_saved(desa_a):
    assert run(workbook_bytes([keluarga_row(kode=KODE_A)], [penerima_row(kode=KODE_A)])).ok
    again = run(workbook_bytes([keluarga_row(kode=6311062005)], [penerima_row(kode=6311062005.0)]))
    assert again.ok, [str(k) for k in again.kesalahan]
    assert not again.ada_perubahan
    assert Keluarga.objects.count() == 1 and PenerimaBantuan.objects.count() == 1


def test_an_undotted_code_outside_the_scope_is_refused(desa_a, desa_b):
    hasil = run(workbook_bytes([keluarga_row(kode="6311062014")]), desa_boleh={KODE_A})
    assert [(k.sheet, k.baris, k.kolom) for k in hasil.kesalahan] == [("Keluarga", 2, "Kode Desa")]
    assert f"({KODE_B})" in hasil.kesalahan[0].pesan and "tidak berwenang" in hasil.kesalahan[0].pesan
    assert not Keluarga.objects.exists()


@pytest.mark.parametrize("nilai", ["631106200", 63110620051, "6311-06-2005"])
def test_a_bad_code_is_named_with_its_sheet_row_and_column(desa_a, nilai):
    hasil = periksa_berkas(
        io.BytesIO(workbook_bytes([keluarga_row()], [penerima_row(kode=nilai)])), desa_boleh=None
    )
    assert [(k.sheet, k.baris, k.kolom) for k in hasil.kesalahan] == [("Penerima Bantuan", 2, "Kode Desa")]
    assert hasil.kesalahan[0].pesan.startswith(f"'{nilai}' bukan kode desa; bentuknya PP.KK.CC.DDDD")

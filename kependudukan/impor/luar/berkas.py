"""Reading an export workbook whole as rows of cells, after the bound on what the zip expands to.

The upstream layouts are read by position (row and column), as OpenSID reads them, so every sheet
is kept as a list of rows; the same row cap and column cap as our own template apply.
"""

import openpyxl

from desa.templatetags.format_id import angka
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.batas import IsiTerlaluBesar, periksa_isi
from kependudukan.impor.kolom import MAKS_BARIS, MAKS_KOLOM

TIDAK_TERBACA = (
    "Berkas tidak dapat dibaca sebagai berkas Excel (.xlsx). Ekspor SIAK/BIP sering berformat .xls: "
    "buka di Excel atau LibreOffice, simpan sebagai 'Excel Workbook (.xlsx)', lalu unggah lagi."
)


def baca_lembar(source):
    """[(sheet name, [row tuple, ...]), ...] of every sheet; raises BerkasDitolak."""
    try:
        periksa_isi(source)
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except IsiTerlaluBesar as error:
        raise BerkasDitolak(str(error)) from error
    except Exception as error:  # noqa: BLE001 - any broken zip or XML means the same to the operator
        raise BerkasDitolak(TIDAK_TERBACA) from error
    try:
        return [(sheet.title, _rows(sheet)) for sheet in workbook.worksheets]
    except BerkasDitolak:
        raise
    except Exception as error:  # noqa: BLE001
        raise BerkasDitolak(
            "Isi berkas Excel rusak dan tidak dapat dibaca. Simpan ulang sebagai .xlsx."
        ) from error
    finally:
        workbook.close()


def _rows(sheet):
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    rows = []
    for row in sheet.iter_rows(values_only=True, max_col=MAKS_KOLOM):
        rows.append(tuple(row))
        if len(rows) > MAKS_BARIS * 2:
            raise BerkasDitolak(
                f"Sheet {sheet.title} berisi lebih dari {angka(MAKS_BARIS * 2)} baris. "
                "Ekspor satu desa sekali unggah; hapus baris kosong di bawah data."
            )
    return rows


def sel(rows, baris, kolom):
    """The cell at 1-based (baris, kolom), as OpenSID's reader numbers them; None outside."""
    if baris < 1 or baris > len(rows):
        return None
    row = rows[baris - 1]
    return row[kolom - 1] if 1 <= kolom <= len(row) else None

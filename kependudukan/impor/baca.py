"""Reading the uploaded workbook: sheets by name, columns by header, rows as dicts.

openpyxl's read-only mode streams the sheets, so memory stays small; the row cap stops the
reading early, so a 50,000-row file gets its answer without being read to the end. What the zip
expands to is checked first (kependudukan.impor.batas), before openpyxl holds any of it.
"""

from dataclasses import dataclass, field

import openpyxl

from kependudukan.impor.batas import IsiTerlaluBesar, periksa_isi
from kependudukan.impor.kolom import MAKS_BARIS, MAKS_KOLOM, SHEETS, normalize_header


class BerkasDitolak(Exception):
    """The file as a whole cannot be imported (not Excel, no known sheet, too big)."""


@dataclass
class Kesalahan:
    sheet: str
    baris: int | None
    kolom: str
    pesan: str

    def __str__(self):
        where = [self.sheet]
        if self.baris:
            where.append(f"baris {self.baris}")
        if self.kolom:
            where.append(f"kolom {self.kolom}")
        return f"{', '.join(where)}: {self.pesan}"

    def as_dict(self):
        return {"sheet": self.sheet, "baris": self.baris, "kolom": self.kolom, "pesan": self.pesan}


@dataclass
class Lembar:
    """One known sheet: its data rows as (excel row number, {column key: raw value})."""

    nama: str
    rows: list = field(default_factory=list)


TANPA_SHEET = (
    "Berkas tidak berisi sheet 'Data Awal' maupun 'Peristiwa'. Pakai templat impor "
    "(unduh dari halaman ini) dan jangan ubah nama sheet-nya."
)
SHEET_KOSONG = "Sheet 'Data Awal' dan 'Peristiwa' kosong: tidak ada baris data untuk diimpor."


def baca_berkas(source):
    """The sheets of `impor-kependudukan.xlsx`: ({sheet name: Lembar}, [Kesalahan]); raises BerkasDitolak."""
    return baca_workbook(source)


def baca_workbook(source, sheets=SHEETS, *, pesan_tanpa_sheet=TANPA_SHEET, pesan_kosong=SHEET_KOSONG):
    """({sheet name: Lembar}, [Kesalahan about missing columns]); raises BerkasDitolak.

    `sheets` maps each known sheet to its columns; the two messages say what is wrong when none of
    them is in the file, or when they hold no data row. The defaults are impor-kependudukan.xlsx's.
    """
    try:
        periksa_isi(source)
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except IsiTerlaluBesar as error:
        raise BerkasDitolak(str(error)) from error
    except Exception as error:
        # openpyxl fails in many ways on a file that is not a valid .xlsx (zip, XML, content
        # types); every one of them means the same to the operator.
        raise BerkasDitolak(
            "Berkas tidak dapat dibaca sebagai berkas Excel (.xlsx). Buka di Excel atau LibreOffice, "
            "simpan sebagai 'Excel Workbook (.xlsx)', lalu unggah lagi."
        ) from error
    try:
        return _read_sheets(workbook, sheets, pesan_tanpa_sheet, pesan_kosong)
    except BerkasDitolak:
        raise
    except Exception as error:
        raise BerkasDitolak(
            "Isi berkas Excel rusak dan tidak dapat dibaca. "
            "Simpan ulang berkas sebagai .xlsx lalu unggah lagi."
        ) from error
    finally:
        workbook.close()


def _read_sheets(workbook, known, pesan_tanpa_sheet, pesan_kosong):
    sheets, errors, total = {}, [], 0
    by_name = {normalize_header(ws.title): ws for ws in workbook.worksheets}
    for name, columns in known.items():
        worksheet = by_name.get(normalize_header(name))
        if worksheet is None:
            continue
        lembar, missing, total = _read_sheet(worksheet, name, columns, total)
        sheets[name] = lembar
        errors += missing
    if not sheets:
        raise BerkasDitolak(pesan_tanpa_sheet)
    if not errors and total == 0:
        raise BerkasDitolak(pesan_kosong)
    return sheets, errors


def _read_sheet(worksheet, name, columns, total):
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()  # some programs write a wrong size; read what is there
    rows = worksheet.iter_rows(values_only=True, max_col=MAKS_KOLOM)
    header = next(rows, None) or ()
    positions = {}
    for index, cell in enumerate(header):
        for kolom in columns:
            if kolom.key not in positions and kolom.matches(cell):
                positions[kolom.key] = index
    missing = [
        Kesalahan(name, 1, kolom.header, f"Kolom '{kolom.header}' tidak ada di baris judul sheet {name}.")
        for kolom in columns
        if kolom.required and kolom.key not in positions
    ]
    lembar = Lembar(name)
    if missing:
        return lembar, missing, total
    for number, values in enumerate(rows, start=2):
        if not any(value is not None and str(value).strip() for value in values):
            continue
        total += 1
        if total > MAKS_BARIS:
            batas = f"{MAKS_BARIS:,}".replace(",", ".")
            raise BerkasDitolak(
                f"Berkas berisi lebih dari {batas} baris data (sheet {name} baris {number} dan "
                "seterusnya). Bagi menjadi beberapa berkas yang lebih kecil, misalnya per desa atau per "
                "bulan, lalu impor satu per satu."
            )
        lembar.rows.append(
            (
                number,
                {key: values[index] if index < len(values) else None for key, index in positions.items()},
            )
        )
    return lembar, missing, total

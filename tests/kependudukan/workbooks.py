"""Import workbooks built in memory, in the FORMATS.md layout."""

import io

from openpyxl import Workbook

from kependudukan.impor.kolom import KOLOM_DATA_AWAL, KOLOM_PERISTIWA

HEADER_DATA_AWAL = [kolom.header for kolom in KOLOM_DATA_AWAL]
HEADER_PERISTIWA = [kolom.header for kolom in KOLOM_PERISTIWA]


def event_row(kode, jenis, tanggal, **values):
    """A Peristiwa row as a dict of header -> value; unspecified columns are empty."""
    row = {
        "Kode Desa": kode,
        "Jenis Peristiwa": jenis,
        "Tanggal Peristiwa": tanggal,
        "Nama": "Warga",
        "Jenis Kelamin": "L",
    }
    row.update(values)
    return row


def data_awal_row(kode, periode, wni_l=100, wni_p=100, wna_l=0, wna_p=0, kk=60):
    return {
        "Kode Desa": kode, "Periode": periode, "WNI L": wni_l, "WNI P": wni_p,
        "WNA L": wna_l, "WNA P": wna_p, "Jumlah KK": kk,
    }  # fmt: skip


def workbook_bytes(data_awal=None, peristiwa=None, header_data_awal=None, header_peristiwa=None):
    """None leaves a sheet out; a list of dict rows fills it under the contract's headers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows, header in [
        ("Data Awal", data_awal, header_data_awal or HEADER_DATA_AWAL),
        ("Peristiwa", peristiwa, header_peristiwa or HEADER_PERISTIWA),
    ]:
        if rows is None:
            continue
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        for row in rows:
            lookup = {key.lower(): value for key, value in row.items()}
            sheet.append([lookup.get(" ".join(str(name).split()).lower()) for name in header])
    if not workbook.worksheets:
        workbook.create_sheet("Lain")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

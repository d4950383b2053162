"""Household and recipient workbooks for the ekonomi import tests."""

import io

from openpyxl import Workbook

from kependudukan.ekonomi.impor.kolom import KOLOM_KELUARGA, KOLOM_PENERIMA
from tests.factories.kependudukan import recent

KODE_A, KODE_B = "63.11.06.2005", "63.11.06.2014"


def keluarga_row(kode=KODE_A, no_kk="6311060101200021", desil=2, tanggal=None, **values):
    row = {"Kode Desa": kode, "No. KK": no_kk, "NIK Kepala Keluarga": "6311061203800001",
           "Nama Kepala Keluarga": "Rusdi", "Jumlah Anggota": 4, "Desil": desil, "Kategori KS": "KS I",
           "Tanggal Pemutakhiran": tanggal or recent(0).awal}  # fmt: skip
    row.update(values)
    return row


def penerima_row(kode=KODE_A, program="PKH", nik="6311064507750002", **values):
    row = {"Kode Desa": kode, "Program": program, "NIK": nik, "Nama": "Siti", "No. KK": "6311060101200021",
           "Mulai": str(recent(3))}  # fmt: skip
    row.update(values)
    return row


def workbook_bytes(keluarga=None, penerima=None):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows, columns in [
        ("Keluarga", keluarga, KOLOM_KELUARGA),
        ("Penerima Bantuan", penerima, KOLOM_PENERIMA),
    ]:
        if rows is None:
            continue
        sheet = workbook.create_sheet(title)
        sheet.append([kolom.header for kolom in columns])
        for row in rows:
            sheet.append([row.get(kolom.header) for kolom in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

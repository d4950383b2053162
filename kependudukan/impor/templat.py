"""The template workbook `impor-kependudukan.xlsx`: instructions, and both sheets with examples.

Its layout helpers (write_header, format_columns, write_instructions) serve the economic template too.
"""

import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from desa.periode import Periode
from kependudukan.impor.kolom import (
    KOLOM_DATA_AWAL,
    KOLOM_PERISTIWA,
    MAKS_BARIS,
    MAKS_UKURAN_BERKAS,
    SHEET_DATA_AWAL,
    SHEET_PERISTIWA,
    SHEET_PETUNJUK,
)

NAMA_BERKAS = "impor-kependudukan.xlsx"
_HEADER_FILL = PatternFill("solid", fgColor="D9EAD3")
_TEXT_COLUMNS = {"Kode Desa", "NIK", "No. KK", "Kode Desa Asal/Tujuan", "Periode", "RT"}

PENJELASAN = {
    SHEET_DATA_AWAL: [
        ("Kode Desa", "Kode Kemendagri desa, misalnya 63.11.06.2005."),
        (
            "Periode",
            "Bulan pertama yang dilaporkan, ditulis TTTT-BB (2026-01) atau tanggal mana pun di bulan itu.",
        ),
        ("WNI L, WNI P, WNA L, WNA P", "Jumlah penduduk pada awal bulan pertama: bilangan bulat ≥ 0."),
        ("Jumlah KK", "Bilangan bulat ≥ 0, tidak lebih dari jumlah penduduk."),
    ],
    SHEET_PERISTIWA: [
        ("Kode Desa", "Desa tempat peristiwa dicatat."),
        ("RT", "Nomor RT (boleh kosong)."),
        (
            "Jenis Peristiwa",
            "LAHIR, MATI, DATANG atau PINDAH "
            "(juga diterima: KELAHIRAN, KEMATIAN, PINDAH DATANG, PINDAH KELUAR).",
        ),
        ("Tanggal Peristiwa", "Tanggal kejadian."),
        (
            "Tanggal Lapor",
            "Tanggal desa mencatat; kosong = Tanggal Peristiwa. Bulannya menentukan laporan bulan mana.",
        ),
        ("NIK", "16 angka; wajib kecuali untuk LAHIR. Format kolom sebagai Teks agar angka tidak berubah."),
        ("No. KK", "16 angka (boleh kosong)."),
        ("Nama", "Wajib."),
        ("Jenis Kelamin", "L atau P (juga LAKI-LAKI, PEREMPUAN)."),
        ("Tanggal Lahir", "Boleh kosong; untuk LAHIR sama dengan tanggal peristiwa."),
        ("Kewarganegaraan", "WNI atau WNA; kosong = WNI."),
        (
            "Kepala Keluarga",
            "YA atau TIDAK; kosong = TIDAK. "
            "DATANG kepala keluarga menambah KK, PINDAH kepala keluarga mengurangi KK.",
        ),
        ("Asal/Tujuan", "Alamat asal (DATANG) atau tujuan (PINDAH)."),
        (
            "Kode Desa Asal/Tujuan",
            "Kode Kemendagri desa asal/tujuan bila desa itu ada di KUDAPANMAS, "
            "agar pindahnya bisa dicocokkan.",
        ),
        ("Keterangan", "Boleh kosong."),
    ],
}


def templat_workbook(kode_desa="63.11.06.2005", kode_desa_lain="63.11.06.2014", hari_ini=None):
    """The template with example rows for `kode_desa` (examples are dated last month)."""
    hari_ini = hari_ini or datetime.date.today()
    bulan = Periode.of(hari_ini).previous()
    workbook = Workbook()
    petunjuk = workbook.active
    petunjuk.title = SHEET_PETUNJUK
    write_instructions(petunjuk, "Petunjuk impor data kependudukan KUDAPANMAS", PETUNJUK, PENJELASAN)
    data_awal = workbook.create_sheet(SHEET_DATA_AWAL)
    write_header(data_awal, [kolom.header for kolom in KOLOM_DATA_AWAL])
    data_awal.append([kode_desa, str(bulan), 1204, 1187, 1, 0, 712])
    peristiwa = workbook.create_sheet(SHEET_PERISTIWA)
    write_header(peristiwa, [kolom.header for kolom in KOLOM_PERISTIWA])
    d = bulan.awal.replace
    examples = [
        [kode_desa, 1, "LAHIR", d(day=3), d(day=9), "", "6311060101200011", "Aisyah Rahmah",
         "P", None, "WNI", "TIDAK", "", "", "Lahir di Puskesmas Paringin"],
        [kode_desa, 2, "MATI", d(day=6), d(day=7), "6311064407500002", "6311060101200012",
         "Siti Hasanah", "P", datetime.date(1950, 7, 4), "WNI", "TIDAK", "", "", "Sakit biasa/tua"],
        [kode_desa, 3, "DATANG", d(day=12), d(day=14), "6371011505900003", "6371010101200013",
         "Rusdi Hidayat", "L", datetime.date(1990, 5, 15), "WNI", "YA", "Jl. A. Yani Km 5, Banjarmasin",
         "", ""],
        [kode_desa, 1, "PINDAH", d(day=20), d(day=21), "6311062208880004", "6311060101200014",
         "Ahmad Fauzi", "L", datetime.date(1988, 8, 22), "WNI", "YA", "", kode_desa_lain, "Ikut keluarga"],
    ]  # fmt: skip
    for row in examples:
        peristiwa.append(row)
    for sheet in (data_awal, peristiwa):
        format_columns(sheet)
    return workbook


def write_header(sheet, headers):
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    sheet.freeze_panes = "A2"


def format_columns(sheet):
    for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
        header = column[0].value
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = max(12, len(header) + 4)
        for cell in column[1:]:
            if header in _TEXT_COLUMNS:
                cell.number_format = "@"
                if cell.value is not None:
                    cell.value = str(cell.value)
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    for header in ("NIK", "No. KK", "Nama", "Asal/Tujuan", "Keterangan"):
        for cell in sheet[1]:
            if cell.value == header:
                sheet.column_dimensions[cell.column_letter].width = 22


PETUNJUK = [
    "Isi sheet 'Data Awal' sekali saja: jumlah penduduk desa pada awal bulan pertama.",
    "Isi sheet 'Peristiwa': satu baris untuk satu kelahiran, kematian, kedatangan atau kepindahan.",
    "Hapus baris contoh; jangan ubah nama sheet dan judul kolom. Kolom tambahan diabaikan.",
    "Tanggal boleh berupa tanggal Excel, atau teks TTTT-BB-HH, HH-BB-TTTT atau HH/BB/TTTT.",
    "Impor bersifat semua atau tidak sama sekali: bila ada satu baris salah, tidak ada yang disimpan, "
    "dan setiap kesalahan ditunjukkan dengan nama sheet, nomor baris dan kolomnya.",
    "Mengimpor berkas yang sama dua kali tidak menambah data: peristiwa yang sudah ada dilewati.",
    "Peristiwa bulan yang laporannya sudah terkirim atau terverifikasi tidak dapat diimpor.",
]


def write_instructions(sheet, judul, petunjuk, penjelasan):
    """The Petunjuk sheet: numbered steps, the size limits, then each sheet's columns explained."""
    maks_mb = MAKS_UKURAN_BERKAS // (1024 * 1024)
    batas = f"{MAKS_BARIS:,}".replace(",", ".")
    steps = [*petunjuk, f"Ukuran berkas paling besar {maks_mb} MB dan paling banyak {batas} baris data."]
    lines = [(judul, True), ("", False)]
    lines += [(f"{number}. {text}", False) for number, text in enumerate(steps, start=1)]
    lines.append(("", False))
    for sheet_name, rows in penjelasan.items():
        lines.append((f"Sheet '{sheet_name}'", True))
        lines += [(f"{kolom}: {text}", False) for kolom, text in rows]
        lines.append(("", False))
    for text, bold in lines:
        sheet.append([text])
        cell = sheet.cell(row=sheet.max_row, column=1)
        cell.font = Font(bold=bold, size=13 if bold else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110

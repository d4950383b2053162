"""Workbooks in the upstream layouts, built cell by cell as the upstream files hold them.

`program_bantuan` is OpenSID's assets/import/format_impor_program_bantuan.xlsx (commit
4b3d56778f23b0e1230c1e667db554f012bbcdc6): sheet Program with a title in A and a value in B on
rows 1-7, '###' in A8 and the notes below; sheet Peserta with its header in row 1, every cell
stored as text ('@'), '###' after the last recipient and the notes below. `desil` is a SIKS-NG
"Pemeringkatan Desil" download: merged title rows, then No, Nomor KK, NIK, Nama, Desil.
"""

import datetime
import io

import openpyxl

PROGRAM = [
    ("ID Program", "7"),
    ("Nama Program", "Program Keluarga Harapan"),
    ("Sasaran Program", 1),
    ("Keterangan", "Bantuan Kementerian Sosial Republik Indonesia"),
    ("Asal Dana", "Pusat"),
    ("Rentang Waktu (Awal)", "2020-04-01"),
    ("Rentang Waktu (Akhir)", "2020-12-31"),
]
CATATAN_PROGRAM = [
    "Catatan:",
    "1. Jika id program tidak diketahui, silahkan dikosongkan",
    "2. Sasaran : 1 = Penduduk, 2 = Keluarga, 3 = Rumah Tangga, 4 = Kelompok",
    "3. Asal Dana : 1 = Pusat, 2 = Provinsi, 3 = Kab/Kota, 4 = Dana Desa, 5 = Lain-lain(Hibah)",
]
# The two residents of the upstream template, and two more of the same desa.
NIK_CONTOH = ["5201142005716996", "5201140301916995", "5201144107850003", "5201141212600004"]
JUDUL_PESERTA = ["Peserta", "No. Peserta", "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Alamat"]
CATATAN_PESERTA = [
    "Catatan:",
    "1. Sesuaikan kolom peserta (A) berdasarkan sasaran : - penduduk = nik, - keluarga = no. kk, "
    "- rumah tangga = no. rtm, - kelompok = kode",
    "2. Kolom Peserta (A) dan kolom NIK (C) wajib di isi, yang lain jika kosong data diambil dari data "
    "penduduk berdasarkan kolom NIK (C)",
    "3.. Kolom Tanggal Lahir (F) di isi dengan format Tahun-Bulan-Hari",
]


def peserta(nik, nama, kartu="1", lahir="1970-05-20", alamat="RT 004 RW - Dusun Mangsit", id_peserta=None):
    return [id_peserta or nik, kartu, nik, nama, "MANGSIT", lahir, alamat]


def _bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(cell, value):
    cell.value = value
    if isinstance(value, str):
        cell.number_format = "@"


def program_bantuan(rows, *, program=None, judul_gabung=False, ekspor=False):
    """`program`: {title: value} replacing rows of sheet Program; `judul_gabung`: a title merged
    across A1:G1 above the Peserta header, as a desa's own copy often has; `ekspor`: the Program
    sheet as Program_bantuan::expor writes it (rows id and config_id first, no '###', no notes)."""
    values = dict(PROGRAM) | (program or {})
    titles = [title for title, _ in PROGRAM]
    if ekspor:
        titles = ["id", "config_id", *titles[1:]]
        values |= {"id": "7", "config_id": 1}
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Program"
    for number, title in enumerate(titles, start=1):
        sheet.cell(number, 1, title)
        sheet.cell(number, 2, values[title])
    if not ekspor:
        _text(sheet.cell(len(titles) + 1, 1), "###")
        for number, note in enumerate(CATATAN_PROGRAM, start=len(titles) + 2):
            _text(sheet.cell(number, 1), note)
    sheet = workbook.create_sheet("Peserta")
    start = 1
    if judul_gabung:
        sheet.cell(1, 1, "DAFTAR PENERIMA PROGRAM KELUARGA HARAPAN DESA LASUNG BATU")
        sheet.merge_cells("A1:G1")
        start = 2
    for kolom, header in enumerate(JUDUL_PESERTA, start=1):
        sheet.cell(start, kolom, header)
    for number, row in enumerate(rows, start=start + 1):
        for kolom, value in enumerate(row, start=1):
            _text(sheet.cell(number, kolom), value)
    end = start + len(rows) + 1
    _text(sheet.cell(end, 1), "###")
    for number, note in enumerate(CATATAN_PESERTA, start=end + 1):
        _text(sheet.cell(number, 1), note)
    return _bytes(workbook)


def desil(rows, *, judul=2, headers=("No", "Nomor KK", "NIK", "Nama Kepala Keluarga", "Desil")):
    """`rows`: (No. KK, NIK, name, desil) each; `judul` merged title rows above the header."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Pemeringkatan Desil"
    for number in range(1, judul + 1):
        sheet.cell(number, 1, "PEMERINGKATAN DESIL KELUARGA" if number == 1 else "DESA LASUNG BATU")
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(headers))
    for kolom, header in enumerate(headers, start=1):
        sheet.cell(judul + 1, kolom, header)
    for number, (no_kk, nik, nama, nilai) in enumerate(rows, start=1):
        for kolom, value in enumerate([number, no_kk, nik, nama, nilai], start=1):
            _text(sheet.cell(judul + 1 + number, kolom), value)
    return _bytes(workbook)


def tanggal(text):
    return datetime.date.fromisoformat(text)

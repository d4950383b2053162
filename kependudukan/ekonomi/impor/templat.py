"""The template workbook `impor-ekonomi.xlsx`: instructions, and both sheets with examples.

Its layout helpers are the kependudukan template's, so both templates look and behave alike.
"""

import datetime

from openpyxl import Workbook

from desa.periode import Periode
from kependudukan.ekonomi.impor.kolom import KOLOM_KELUARGA, KOLOM_PENERIMA, SHEET_KELUARGA, SHEET_PENERIMA
from kependudukan.impor.kolom import SHEET_PETUNJUK
from kependudukan.impor.templat import format_columns, write_header, write_instructions

NAMA_BERKAS = "impor-ekonomi.xlsx"
_TEXT_COLUMNS = {"NIK Kepala Keluarga", "No. KK", "NIK", "Mulai", "Selesai"}

PENJELASAN = {
    SHEET_KELUARGA: [
        ("Kode Desa", "Kode Kemendagri desa, misalnya 63.11.06.2005."),
        ("RT", "Nomor RT (boleh kosong)."),
        ("No. KK", "16 angka; kunci keluarga di desa itu. No. KK yang sudah ada memperbarui datanya."),
        ("NIK Kepala Keluarga, Nama Kepala Keluarga", "Kepala keluarga: NIK 16 angka dan nama."),
        ("Jumlah Anggota", "Bilangan bulat, paling sedikit 1."),
        ("Desil", "Desil DTSEN 1 sampai 10; kosong bila belum diketahui."),
        ("Kategori KS", "PRA KS, KS I, KS II, KS III, KS III PLUS, atau kosong."),
        ("Tanggal Pemutakhiran", "Tanggal data keluarga terakhir dicek; tidak di masa depan."),
    ],
    SHEET_PENERIMA: [
        ("Kode Desa", "Desa tempat penerima terdaftar."),
        (
            "Program",
            "PKH, BPNT (juga SEMBAKO), PBI-JK, BLT-DD, atau program lain yang ditambahkan kabupaten.",
        ),
        ("NIK, Nama", "Penerima bantuan: NIK 16 angka dan nama."),
        ("No. KK", "Keluarga penerima (boleh kosong)."),
        (
            "Mulai",
            "Bulan pertama menerima: TTTT-BB (2026-01) atau tanggal mana pun di bulan itu; "
            "bulan yang sudah berjalan.",
        ),
        (
            "Selesai",
            "Bulan terakhir menerima, paling jauh 12 bulan ke depan; kosong = masih menerima.",
        ),
        ("Keterangan", "Boleh kosong."),
    ],
}

PETUNJUK = [
    "Sheet 'Keluarga': satu baris untuk satu keluarga (satu No. KK). Sheet 'Penerima Bantuan': satu baris "
    "untuk satu orang di satu program bantuan. Boleh mengisi satu sheet saja.",
    "Hapus baris contoh; jangan ubah nama sheet dan judul kolom. Kolom tambahan diabaikan.",
    "Format kolom NIK dan No. KK sebagai Teks agar angkanya tidak berubah.",
    "Tanggal boleh berupa tanggal Excel, atau teks TTTT-BB-HH, HH-BB-TTTT atau HH/BB/TTTT.",
    "Impor bersifat semua atau tidak sama sekali: bila ada satu baris salah, tidak ada yang disimpan, "
    "dan setiap kesalahan ditunjukkan dengan nama sheet, nomor baris dan kolomnya.",
    "Mengimpor berkas yang sama dua kali tidak menambah data: No. KK yang sama memperbarui keluarga "
    "(riwayatnya disimpan), NIK yang sama di program dan desa yang sama memperbarui penerima.",
    "Data yang berlaku pada bulan yang laporan Ekonominya sudah terkirim atau terverifikasi ditolak.",
]


def templat_workbook(kode_desa="63.11.06.2005", hari_ini=None):
    """The template with example rows for `kode_desa`."""
    hari_ini = hari_ini or datetime.date.today()
    bulan = Periode.of(hari_ini)
    workbook = Workbook()
    petunjuk = workbook.active
    petunjuk.title = SHEET_PETUNJUK
    write_instructions(
        petunjuk, "Petunjuk impor data ekonomi keluarga dan penerima bantuan KUDAPANMAS", PETUNJUK, PENJELASAN
    )
    keluarga = workbook.create_sheet(SHEET_KELUARGA)
    write_header(keluarga, [kolom.header for kolom in KOLOM_KELUARGA])
    keluarga.append([kode_desa, 1, "6311060101200021", "6311061203800001", "Rusdi Hidayat", 4, 2, "KS I",
                     bulan.awal.replace(day=min(hari_ini.day, 3))])  # fmt: skip
    keluarga.append([kode_desa, 2, "6311060101200022", "6311064507750002", "Siti Aminah", 3, "", "PRA KS",
                     bulan.awal])  # fmt: skip
    penerima = workbook.create_sheet(SHEET_PENERIMA)
    write_header(penerima, [kolom.header for kolom in KOLOM_PENERIMA])
    penerima.append([kode_desa, "PKH", "6311065005820003", "Halimah", "6311060101200021",
                     str(bulan.shift(-6)), "", "Pengurus keluarga penerima PKH"])  # fmt: skip
    penerima.append([kode_desa, "BPNT", "6311064507750002", "Siti Aminah", "6311060101200022",
                     str(bulan.shift(-12)), str(bulan.previous()), "Graduasi mandiri"])  # fmt: skip
    for sheet in (keluarga, penerima):
        format_columns(sheet)
        _as_text(sheet)
    return workbook


def _as_text(sheet):
    """Identity numbers and months stay text, so Excel keeps all 16 digits and the YYYY-MM."""
    for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
        if column[0].value in _TEXT_COLUMNS:
            sheet.column_dimensions[column[0].column_letter].width = 22
            for cell in column[1:]:
                cell.number_format = "@"

"""The sheets and columns of `impor-ekonomi.xlsx` (FORMATS.md): a contract, changed only by adding.

Header matching, cell readers and error reporting are kependudukan.impor's.
"""

from kependudukan.impor import nilai
from kependudukan.impor.kolom import Kolom

SHEET_KELUARGA = "Keluarga"
SHEET_PENERIMA = "Penerima Bantuan"

KOLOM_KELUARGA = [
    Kolom("kode_desa", "Kode Desa", required=True),
    Kolom("rt", "RT"),
    Kolom("no_kk", "No. KK", required=True, aliases=("No KK", "Nomor KK")),
    Kolom("nik_kepala", "NIK Kepala Keluarga", required=True),
    Kolom("nama_kepala", "Nama Kepala Keluarga", required=True),
    Kolom("jumlah_anggota", "Jumlah Anggota", required=True),
    Kolom("desil", "Desil"),
    Kolom("kategori_ks", "Kategori KS"),
    Kolom("tanggal_pemutakhiran", "Tanggal Pemutakhiran", required=True),
]

KOLOM_PENERIMA = [
    Kolom("kode_desa", "Kode Desa", required=True),
    Kolom("program", "Program", required=True),
    Kolom("nik", "NIK", required=True),
    Kolom("nama", "Nama", required=True),
    Kolom("no_kk", "No. KK", aliases=("No KK", "Nomor KK")),
    Kolom("mulai", "Mulai", required=True),
    Kolom("selesai", "Selesai"),
    Kolom("keterangan", "Keterangan"),
]

SHEETS = {SHEET_KELUARGA: KOLOM_KELUARGA, SHEET_PENERIMA: KOLOM_PENERIMA}

KATEGORI_KS_ALIASES = {
    "": "",
    "PRA KS": "PRA KS",
    "PRA-KS": "PRA KS",
    "PRAKS": "PRA KS",
    "KS I": "KS I",
    "KS 1": "KS I",
    "KS II": "KS II",
    "KS 2": "KS II",
    "KS III": "KS III",
    "KS 3": "KS III",
    "KS III PLUS": "KS III PLUS",
    "KS III+": "KS III PLUS",
    "KS 3 PLUS": "KS III PLUS",
}
PROGRAM_ALIASES = {"SEMBAKO": "BPNT", "PROGRAM SEMBAKO": "BPNT", "PBI JK": "PBI-JK", "BLT DD": "BLT-DD"}


def desil(value):
    """1..10, or None when empty (unknown)."""
    raw = nilai.upper(value).removeprefix("DESIL").strip()
    if not raw:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= 10:
        raise ValueError(f"'{nilai.text(value)}' bukan desil; isi angka 1 sampai 10, atau kosongkan.")
    return int(raw)

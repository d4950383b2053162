"""The import template's sheets and columns (FORMATS.md, `impor-kependudukan.xlsx`): a contract.

Headers are matched case-insensitively with surrounding spaces ignored; extra columns are
ignored. Change only by adding.
"""

from dataclasses import dataclass

SHEET_DATA_AWAL = "Data Awal"
SHEET_PERISTIWA = "Peristiwa"
SHEET_PETUNJUK = "Petunjuk"

MAKS_UKURAN_BERKAS = 10 * 1024 * 1024  # bytes
MAKS_BARIS = 25_000  # data rows of both sheets together
MAKS_KOLOM = 40  # columns read per row; anything further right is ignored


@dataclass(frozen=True)
class Kolom:
    key: str
    header: str
    required: bool = False  # the column must be present in the sheet
    aliases: tuple = ()

    def matches(self, text):
        return normalize_header(text) in {normalize_header(self.header), *map(normalize_header, self.aliases)}


def normalize_header(text):
    return " ".join(str(text or "").split()).lower()


KOLOM_DATA_AWAL = [
    Kolom("kode_desa", "Kode Desa", required=True),
    Kolom("periode", "Periode", required=True),
    Kolom("wni_l", "WNI L", required=True),
    Kolom("wni_p", "WNI P", required=True),
    Kolom("wna_l", "WNA L", required=True),
    Kolom("wna_p", "WNA P", required=True),
    Kolom("jumlah_kk", "Jumlah KK", required=True),
]

KOLOM_PERISTIWA = [
    Kolom("kode_desa", "Kode Desa", required=True),
    Kolom("rt", "RT"),
    Kolom("jenis", "Jenis Peristiwa", required=True),
    Kolom("tanggal_peristiwa", "Tanggal Peristiwa", required=True),
    Kolom("tanggal_lapor", "Tanggal Lapor"),
    Kolom("nik", "NIK", required=True),
    Kolom("no_kk", "No. KK", aliases=("No KK", "Nomor KK")),
    Kolom("nama", "Nama", required=True),
    Kolom("jenis_kelamin", "Jenis Kelamin", required=True),
    Kolom("tanggal_lahir", "Tanggal Lahir"),
    Kolom("kewarganegaraan", "Kewarganegaraan"),
    Kolom("kepala_keluarga", "Kepala Keluarga"),
    Kolom("asal_tujuan", "Asal/Tujuan"),
    Kolom("kode_desa_asal_tujuan", "Kode Desa Asal/Tujuan"),
    Kolom("keterangan", "Keterangan"),
]

SHEETS = {SHEET_DATA_AWAL: KOLOM_DATA_AWAL, SHEET_PERISTIWA: KOLOM_PERISTIWA}

JENIS_ALIASES = {
    "LAHIR": "LAHIR",
    "KELAHIRAN": "LAHIR",
    "MATI": "MATI",
    "KEMATIAN": "MATI",
    "DATANG": "DATANG",
    "PINDAH DATANG": "DATANG",
    "PINDAH": "PINDAH",
    "PINDAH KELUAR": "PINDAH",
}
JENIS_KELAMIN_ALIASES = {"L": "L", "LAKI-LAKI": "L", "P": "P", "PEREMPUAN": "P"}
KEWARGANEGARAAN_ALIASES = {"": "WNI", "WNI": "WNI", "WNA": "WNA"}
YA_TIDAK_ALIASES = {"": False, "TIDAK": False, "YA": True, "T": False, "Y": True}

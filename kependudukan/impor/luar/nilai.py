"""Reading one cell of an upstream export the way OpenSID reads it; each reader raises ValueError
with an Indonesian message that the import shows with the sheet, row and column."""

import datetime
import re

from desa.identitas import check_nik, check_no_kk
from kependudukan.impor import nilai
from kependudukan.models.peristiwa import JenisKelamin, Kewarganegaraan

# Impor_model: the sex names of tweb_penduduk_sex plus 'L', 'LK', 'P', 'Pr'; codes 1 and 2.
JENIS_KELAMIN = {
    "1": JenisKelamin.L, "L": JenisKelamin.L, "LK": JenisKelamin.L,
    "LAKI-LAKI": JenisKelamin.L, "LAKI LAKI": JenisKelamin.L,
    "2": JenisKelamin.P, "P": JenisKelamin.P, "PR": JenisKelamin.P,
    "PEREMPUAN": JenisKelamin.P,
}  # fmt: skip
# tweb_penduduk_warganegara: 1 WNI, 2 WNA, 3 dua kewarganegaraan (a child who is also WNI).
KEWARGANEGARAAN = {
    "": Kewarganegaraan.WNI, "1": Kewarganegaraan.WNI, "WNI": Kewarganegaraan.WNI,
    "3": Kewarganegaraan.WNI, "DUA KEWARGANEGARAAN": Kewarganegaraan.WNI,
    "2": Kewarganegaraan.WNA, "WNA": Kewarganegaraan.WNA,
}  # fmt: skip
# tweb_status_dasar: 1 HIDUP; the others are no longer residents (SIAK writes the names).
HIDUP = {"", "1", "HIDUP"}
BUKAN_PENDUDUK = {
    "2", "3", "4", "6", "9", "MATI", "PINDAH", "HILANG", "PERGI", "TIDAK VALID",
    "PINDAH DALAM NEGERI", "PINDAH LUAR NEGERI",
}  # fmt: skip
_ILMIAH = re.compile(r"\d[.,]\d*E\+?\d+$", re.IGNORECASE)
_FORMAT_TANGGAL = ["%d-%m-%Y", "%Y-%m-%d", "%d-%m-%y"]


def nomor(value, label):
    """(digits, stored_as_number) of a NIK or No. KK cell, read as text as OpenSID does
    (buang_nondigit: Dukcapil files carry invisible characters around the digits)."""
    if value is None or isinstance(value, bool):
        return "", False
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"{label} '{value}' bukan nomor; format kolom {label} sebagai Teks di Excel.")
        return str(int(value)), True
    if isinstance(value, int):
        return str(value), True
    text = str(value).strip().lstrip("'")
    if _ILMIAH.search(text.replace(" ", "")):
        raise ValueError(
            f"{label} '{text}' tersimpan sebagai angka berpangkat dan angkanya sudah hilang. Format kolom "
            f"{label} sebagai Teks di Excel, lalu ekspor atau ketik ulang nomornya."
        )
    return re.sub(r"[^0-9]", "", text), False


def nik(value):
    """The NIK as text, or None for "0" (a resident without one yet); raises ValueError."""
    digits, angka = nomor(value, "NIK")
    if not digits:
        raise ValueError("NIK kosong. Tulis 0 bila penduduk ini belum memiliki NIK.")
    if digits == "0":
        return None, False
    problems = check_nik(digits).errors
    if problems:
        raise ValueError(problems[0])
    # Excel keeps 15 significant digits: a NIK typed as a number ends in 0 whatever it was.
    return digits, angka and digits.endswith("0")


def no_kk(value):
    digits, _ = nomor(value, "No. KK")
    if not digits:
        raise ValueError("No. KK kosong; setiap penduduk di ekspor ini tercatat dalam satu KK.")
    problems = check_no_kk(digits).errors
    if problems:
        raise ValueError(problems[0])
    return digits


def jenis_kelamin(value):
    return nilai.pilihan(value, JENIS_KELAMIN, "jenis kelamin")


def kewarganegaraan(value):
    return nilai.pilihan(value, KEWARGANEGARAAN, "kewarganegaraan")


def hidup(value):
    """Whether the row is a living resident (status HIDUP or empty); raises on an unknown status."""
    status = nilai.upper(value)
    if status in HIDUP:
        return True
    if status in BUKAN_PENDUDUK:
        return False
    raise ValueError(
        f"Status '{nilai.text(value)}' tidak dikenal; pakai HIDUP, MATI, PINDAH, HILANG, atau PERGI."
    )


def tanggal_lahir(value, hari_ini):
    """Impor_model::format_tanggal: a real date, or text with '-' or '/' read day first."""
    try:
        day = nilai.tanggal(value)
    except ValueError:
        day = _tanggal_teks(nilai.text(value).lstrip("'").replace("/", "-"))
    if day is not None and not datetime.date(1870, 1, 1) <= day <= hari_ini:
        raise ValueError(f"Tanggal lahir {day:%d-%m-%Y} tidak mungkin.")
    return day


def _tanggal_teks(text):
    for pattern in _FORMAT_TANGGAL:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' bukan tanggal; tulis HH-BB-TTTT, misalnya 30-03-1983.")


def nomor_rt(value):
    """An RT number, or None when the export has none ('-', '000'); raises on anything else."""
    text = nilai.upper(value).lstrip("'")
    if text in ("", "-") or (text.isdigit() and int(text) == 0):
        return None
    return nilai.nomor_rt(text)


def kepala_keluarga(value):
    """SHDK 'KEPALA KELUARGA' (SIAK, BIP) or kk_level 1 (OpenSID)."""
    return nilai.upper(value) in ("KEPALA KELUARGA", "1")

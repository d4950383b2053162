"""The NIK and No. KK rules, shared by every app (DOMAIN.md, "Identity numbers").

NIK: digits 1-6 the region of first issue, 7-12 the birth date DDMMYY (day + 40 for
women), 13-16 a serial. A malformed NIK is refused; a NIK that disagrees with the
recorded sex or birth date only warns, because an issued NIK is never changed.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

# Province codes in use (Kemendagri), including the Papua provinces formed in 2022.
KODE_PROVINSI = {
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
    "31", "32", "33", "34", "35", "36", "51", "52", "53",
    "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
    "81", "82", "91", "92", "93", "94", "95", "96",
}  # fmt: skip


@dataclass
class HasilPeriksa:
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


@dataclass(frozen=True)
class TanggalNIK:
    hari: int
    bulan: int
    tahun_dua_digit: int
    jenis_kelamin: str  # "L" or "P"


def _digits16(value, label):
    value = (value or "").strip()
    if len(value) != 16 or not value.isdigit():
        return f"{label} harus 16 angka (sekarang {len(value)} karakter)."
    if set(value) == {"0"}:
        return f"{label} tidak boleh semuanya nol."
    return None


def tanggal_nik(nik):
    """The birth date and sex encoded in a NIK, or None when the date is impossible."""
    hari, bulan, tahun = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    jenis_kelamin = "L"
    if hari > 40:
        hari, jenis_kelamin = hari - 40, "P"
    for abad in (2000, 1900):
        try:
            datetime.date(abad + tahun, bulan, hari)
        except ValueError:
            continue
        return TanggalNIK(hari, bulan, tahun, jenis_kelamin)
    return None


def check_nik(nik, *, jenis_kelamin=None, tanggal_lahir=None):
    """Errors (refuse) and warnings (keep with the record) for a NIK."""
    result = HasilPeriksa()
    problem = _digits16(nik, "NIK")
    if problem:
        result.errors.append(problem)
        return result
    nik = nik.strip()
    encoded = tanggal_nik(nik)
    if encoded is None:
        result.errors.append(f"NIK {nik}: angka ke-7 s.d. 12 ({nik[6:12]}) bukan tanggal lahir yang mungkin.")
        return result
    if nik[:2] not in KODE_PROVINSI:
        result.warnings.append(f"Kode provinsi {nik[:2]} pada NIK tidak dikenal.")
    if nik[12:] == "0000":
        result.warnings.append("Nomor urut NIK (4 angka terakhir) 0000 tidak lazim.")
    if jenis_kelamin and jenis_kelamin != encoded.jenis_kelamin:
        tertulis = "perempuan" if encoded.jenis_kelamin == "P" else "laki-laki"
        result.warnings.append(f"NIK menunjukkan {tertulis}, berbeda dengan jenis kelamin yang dicatat.")
    if tanggal_lahir and (
        tanggal_lahir.day != encoded.hari
        or tanggal_lahir.month != encoded.bulan
        or tanggal_lahir.year % 100 != encoded.tahun_dua_digit
    ):
        result.warnings.append(
            f"Tanggal lahir pada NIK ({encoded.hari:02d}-{encoded.bulan:02d}-"
            f"{encoded.tahun_dua_digit:02d}) berbeda dengan tanggal lahir yang dicatat."
        )
    return result


def check_no_kk(no_kk):
    result = HasilPeriksa()
    problem = _digits16(no_kk, "No. KK")
    if problem:
        result.errors.append(problem)
    return result


def validate_nik(value):
    """Django validator: the hard NIK errors only."""
    result = check_nik(value)
    if result.errors:
        raise ValidationError(result.errors)


def validate_no_kk(value):
    result = check_no_kk(value)
    if result.errors:
        raise ValidationError(result.errors)

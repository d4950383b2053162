"""Wilayah codes as files carry them: dotted (63.11.06.2005, Kemendagri's form and ours) or
undotted (6311062005, as OpenSID and SIAK store them).

Everything read from a file or typed by a user passes `baku_kode` before it is looked up, so
either form names the same wilayah; the app stores, shows and writes the dotted form.
"""

import re

# Digits of each part by the code's length undotted: provinsi 2, kabupaten/kota 4, kecamatan 6,
# desa/kelurahan 10.
_BAGIAN = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}
# [0-9], not \d: \d also matches other scripts' digits, which no code has.
_BERTITIK = re.compile(r"[0-9]{2}(?:\.[0-9]{2}){0,2}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}")
_TANPA_TITIK = re.compile(r"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{10}")
_TERPANJANG = len("63.11.06.2005")
# A spreadsheet cell holding a code as a number: at most 10 digits, and no code starts with 0.
_ANGKA_TERBESAR = 10**10


def baku_kode(nilai):
    """The dotted code for `nilai` in either form, or None when it is no wilayah code; never raises.

    Text has the spaces around it dropped; a number from a spreadsheet cell (6311062005 or
    6311062005.0) is read as its digits. Anything else (a date, a fraction, True, None) is None.
    Which level a code must be is the caller's check.
    """
    if isinstance(nilai, float):
        if not nilai.is_integer():
            return None
        nilai = int(nilai)
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        if not 0 < nilai < _ANGKA_TERBESAR:
            return None
        nilai = str(nilai)
    if not isinstance(nilai, str):
        return None
    teks = nilai.strip()
    if len(teks) > _TERPANJANG:
        return None
    if _BERTITIK.fullmatch(teks):
        return teks
    if not _TANPA_TITIK.fullmatch(teks):
        return None
    parts, start = [], 0
    for width in _BAGIAN[len(teks)]:
        parts.append(teks[start : start + width])
        start += width
    return ".".join(parts)


def tanpa_titik(kode):
    """The undotted form of a dotted code, as OpenSID stores it."""
    return kode.replace(".", "")

"""Wilayah codes as files carry them: dotted (63.11.06.2005, Kemendagri's form and ours) or
undotted (6311062005, as OpenSID and SIAK store them).

Everything read from a file passes `baku_kode` before it is looked up, so either form names
the same wilayah; the app stores and shows the dotted form.
"""

import re

# Digits of each level: provinsi 2, kabupaten 4, kecamatan 6, desa/kelurahan 10.
_TINGKAT_DIGIT = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}
_DOTTED = re.compile(r"[0-9]{2}(\.[0-9]{2}){0,2}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}")


def baku_kode(teks):
    """The dotted code for `teks` in either form, or None when it is no wilayah code.

    Spaces around it are dropped; a number from a spreadsheet cell (6311062005 or 6311062005.0)
    is read as its digits. The check of which level a code must be is the caller's.
    """
    if teks is None:
        return None
    if isinstance(teks, float):
        if not teks.is_integer():
            return None
        teks = int(teks)
    teks = str(teks).strip()
    if _DOTTED.fullmatch(teks):
        return teks
    if not teks.isdigit() or not teks.isascii() or len(teks) not in _TINGKAT_DIGIT:
        return None
    parts, start = [], 0
    for width in _TINGKAT_DIGIT[len(teks)]:
        parts.append(teks[start : start + width])
        start += width
    return ".".join(parts)


def tanpa_titik(kode):
    """The undotted form of a dotted code, as OpenSID stores it."""
    return kode.replace(".", "")

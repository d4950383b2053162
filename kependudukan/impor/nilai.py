"""Reading one cell's value the way FORMATS.md allows; each reader raises ValueError with an
Indonesian message that the import shows with the sheet, row and column."""

import datetime
import re

from openpyxl.utils.datetime import from_excel

from desa.periode import Periode

_DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def text(value):
    """A cell as stripped text; a whole number typed into a text column loses its '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "YA" if value else "TIDAK"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value).strip()


def upper(value):
    return " ".join(text(value).upper().split())


def tanggal(value):
    """A real Excel date, or YYYY-MM-DD / DD-MM-YYYY / DD/MM/YYYY text; None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        # A date serial number in a cell without a date format.
        return from_excel(value).date()
    raw = text(value)
    for pattern in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        f"'{raw}' bukan tanggal; tulis sebagai tanggal Excel atau TTTT-BB-HH, misalnya 2026-08-05."
    )


def periode(value):
    """'YYYY-MM' text or any date inside the month."""
    if isinstance(value, str) and re.match(r"^\s*\d{4}-\d{2}\s*$", value):
        return Periode.parse(value)
    try:
        day = tanggal(value)
    except ValueError:
        raise ValueError(
            f"'{text(value)}' bukan periode; tulis TTTT-BB (misalnya 2026-01) "
            "atau sebuah tanggal di bulan itu."
        ) from None
    if day is None:
        raise ValueError("Periode wajib diisi.")
    return Periode.of(day)


def bilangan(value):
    """A whole number ≥ 0; an empty count is an error, never silently 0."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("Wajib diisi dengan bilangan bulat (0 bila tidak ada).")
    if isinstance(value, bool):
        raise ValueError("Harus bilangan bulat.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"{value} bukan bilangan bulat.")
        number = int(value)
    else:
        raw = text(value)
        if _THOUSANDS.match(raw):
            raw = raw.replace(".", "")
        if not raw.isdigit():
            raise ValueError(f"'{raw}' bukan bilangan bulat ≥ 0.")
        number = int(raw)
    if number < 0:
        raise ValueError("Tidak boleh kurang dari 0.")
    if number > 10_000_000:
        raise ValueError(f"{number} terlalu besar untuk jumlah penduduk satu desa.")
    return number


def nomor_rt(value):
    """An RT number (optional): 1, 001, 'RT 001'."""
    raw = upper(value)
    if not raw:
        return None
    raw = raw.removeprefix("RT").strip()
    if not raw.isdigit() or not 1 <= int(raw) <= 999:
        raise ValueError(f"'{text(value)}' bukan nomor RT (1 sampai 999).")
    return int(raw)


def pilihan(value, aliases, label):
    raw = upper(value)
    if raw in aliases:
        return aliases[raw]
    allowed = ", ".join(key for key in aliases if key)
    if not raw:
        raise ValueError(f"{label.capitalize()} wajib diisi; pakai salah satu: {allowed}.")
    allowed = ", ".join(key for key in aliases if key)
    raise ValueError(f"'{text(value)}' bukan {label} yang dikenal; pakai salah satu: {allowed}.")

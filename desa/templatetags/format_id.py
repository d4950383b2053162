"""Indonesian formatting for templates: dates, times in WITA, months and numbers."""

import datetime

from django import template

from desa.periode import WITA, Periode, format_tanggal, format_waktu

register = template.Library()


@register.filter
def tanggal(value):
    """5 Agustus 2026"""
    return format_tanggal(value)


@register.filter
def waktu(value):
    """5 Agustus 2026 14.30 WITA"""
    return format_waktu(value)


@register.filter
def batas_waktu(value):
    """A deadline stored as the first instant after it: 5 September 2026 pukul 23.59 WITA."""
    if value is None:
        return ""
    last_day = (value - datetime.timedelta(microseconds=1)).astimezone(WITA).date()
    return f"{format_tanggal(last_day)} pukul 23.59 WITA"


@register.filter
def periode(value):
    """Agustus 2026, from a Periode or the first day of the month."""
    if value in (None, ""):
        return ""
    if not isinstance(value, Periode):
        value = Periode.of(value)
    return value.label


def _bilangan(value):
    """value as an int, or None when it is not a whole number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@register.filter
def angka(value):
    """1.234.567 (thousands separated by a dot); empty stays empty."""
    if value in (None, ""):
        return ""
    number = _bilangan(value)
    return value if number is None else f"{number:,}".replace(",", ".")


@register.filter
def angka_bertanda(value):
    """A change: +1.234, −56 (a true minus sign), 0; empty stays empty."""
    number = _bilangan(value)
    if number is None:
        return angka(value)
    return "0" if number == 0 else ("+" if number > 0 else "−") + angka(abs(number))


@register.filter
def persen(value):
    """87,5% from a fraction 0.875; an undefined rate shows as a dash."""
    if value is None:
        return "–"
    return f"{value * 100:.1f}".replace(".", ",") + "%"


@register.filter
def tingkat_tren(value):
    """The shade of a trend cell, 0 (none or undefined) to 4 (at least 90%), for the class tren-N."""
    if value is None:
        return 0
    return 1 + sum(value >= step for step in (0.5, 0.75, 0.9))


@register.filter
def nik_samar(value):
    """NIK or No. KK with the middle hidden in lists: 6311********0001."""
    value = str(value or "")
    if len(value) != 16:
        return value
    return value[:4] + "*" * 8 + value[-4:]

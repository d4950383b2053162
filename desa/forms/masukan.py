"""What people send, made safe in one place before it reaches the database.

PostgreSQL refuses a NUL byte in a query; SQLite refuses an integer beyond 64 bits and a LIKE
pattern over 50,000 characters; Python refuses to read a number of more than 4,300 digits and the
calendar ends at year 9999. A form mixes in `MasukanAmanMixin`; a view that reads request.GET or
request.POST directly passes each value through `teks_bersih`, `angka` or `filter_dari`.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

# Control characters, except the tab, line feed and carriage return that a textarea sends.
KARAKTER_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CARI_MAKSIMUM = 100  # characters of a search term or any other GET filter
ANGKA_MAKSIMUM = 9  # digits of a number read from a filter: more is no row's key or count
# A date a person can mean: births from 1900, nothing past the end of this century.
TANGGAL_PALING_AWAL = datetime.date(1900, 1, 1)
TANGGAL_PALING_AKHIR = datetime.date(2100, 12, 31)
PESAN_KENDALI = "Teks berisi karakter yang tidak dapat disimpan (karakter kendali); ketik ulang teksnya."


def teks_bersih(value, max_length=None):
    """Text read straight from a request, without control characters and surrounding spaces."""
    text = KARAKTER_KENDALI.sub("", str(value or "")).strip()
    return text[:max_length] if max_length else text


def angka(text, digits=ANGKA_MAKSIMUM):
    """A whole number of at most `digits` ASCII digits, or None (a filter that does not apply)."""
    if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= digits:
        return int(text)
    return None


def filter_dari(query, names):
    """A list page's GET filters: each a clean text of at most CARI_MAKSIMUM characters."""
    return {name: teks_bersih(query.get(name, ""), CARI_MAKSIMUM) for name in names}


def tolak_kendali(value):
    if isinstance(value, str) and KARAKTER_KENDALI.search(value):
        raise ValidationError(PESAN_KENDALI, code="kendali")


def tanggal_wajar(value):
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not TANGGAL_PALING_AWAL <= day <= TANGGAL_PALING_AKHIR:
        raise ValidationError(
            f"Tanggal harus antara tahun {TANGGAL_PALING_AWAL.year} dan {TANGGAL_PALING_AKHIR.year}.",
            code="tanggal_wajar",
        )


class MasukanAmanMixin:
    """Every text field of the form refuses control characters (Django's own rule refuses only NUL,
    and with a second message), and every date field a date nobody means (0001-01-01), before the
    form's own rules compute a month or compare with today.

    `own_date_rules`: the date fields whose form already refuses such dates with its own, more
    precise message (a birth "tidak masuk akal", an announcement "paling lama satu tahun")."""

    own_date_rules = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
                field.validators = [
                    *(v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)),
                    tolak_kendali,
                ]
            elif (
                isinstance(field, (forms.DateField, forms.DateTimeField)) and name not in self.own_date_rules
            ):
                field.validators.append(tanggal_wajar)


class PilihanBanyakField(forms.ModelMultipleChoiceField):
    """Rows chosen by key: a key longer than any row's is refused before SQLite, which cannot take
    an integer beyond 64 bits in the IN (...) of the lookup, sees it."""

    KUNCI_MAKSIMUM = 18  # characters

    def clean(self, value):
        if isinstance(value, (list, tuple)):
            for pk in value:
                if len(str(pk)) > self.KUNCI_MAKSIMUM:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(pk)[: self.KUNCI_MAKSIMUM]},
                    )
        return super().clean(value)

"""The reporting month (periode), shared by every app.

One type for a month everywhere: a `Periode` value. A model keeps a month in a `PeriodeField`,
stored as the month's first day (a date column) and read back as a `Periode`; a URL takes it
through the `<periode:...>` converter; a form through `desa.forms.periode.BulanField`. People
see "Agustus 2026", never "2026-08"; URLs and commands write "2026-08".
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils import timezone

WITA = ZoneInfo("Asia/Makassar")

NAMA_BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip

_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Periode:
    tahun: int
    bulan: int

    def __post_init__(self):
        if not 1 <= self.bulan <= 12 or not 1900 <= self.tahun <= 9999:
            raise ValueError(f"Periode tidak valid: {self.tahun}-{self.bulan}")

    @classmethod
    def parse(cls, text):
        """Read "YYYY-MM"; raise ValueError with an Indonesian message otherwise."""
        match = _PATTERN.match(str(text).strip())
        if not match:
            raise ValueError(f"Periode '{text}' harus ditulis TTTT-BB, misalnya 2026-08.")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day):
        return cls(day.year, day.month)

    @classmethod
    def coerce(cls, value):
        """A Periode from a Periode or any date in the month."""
        return value if isinstance(value, cls) else cls.of(value)

    @classmethod
    def current(cls):
        return cls.of(timezone.localdate())

    @property
    def awal(self):
        """The first day of the month, as stored in the database."""
        return datetime.date(self.tahun, self.bulan, 1)

    @property
    def akhir(self):
        """The last day of the month."""
        return self.next().awal - datetime.timedelta(days=1)

    @property
    def label(self):
        return f"{NAMA_BULAN[self.bulan - 1]} {self.tahun}"

    @property
    def label_pendek(self):
        """ "Des 25", for a column heading of a trend."""
        return f"{NAMA_BULAN[self.bulan - 1][:3]} {self.tahun % 100:02d}"

    def next(self):
        if self.bulan == 12:
            return Periode(self.tahun + 1, 1)
        return Periode(self.tahun, self.bulan + 1)

    def previous(self):
        if self.bulan == 1:
            return Periode(self.tahun - 1, 12)
        return Periode(self.tahun, self.bulan - 1)

    def shift(self, months):
        index = self.tahun * 12 + self.bulan - 1 + months
        return Periode(index // 12, index % 12 + 1)

    def batas_waktu(self, hari):
        """The deadline for this month's report: the end of day `hari` of the next month, WITA.

        Returned as the first instant *after* the deadline, so "on time" is `sent < batas`.
        """
        return end_of_day(self.next().awal.replace(day=hari))

    def __str__(self):
        return f"{self.tahun:04d}-{self.bulan:02d}"


# The months the app deals with: none before 2000 (older dates are typing mistakes); a year
# ahead is the furthest a page may look (beyond it a deadline could not be computed near the
# calendar's end).
PERIODE_PERTAMA = Periode(2000, 1)


def periode_in_range(periode):
    """Whether a month (a Periode, or a date within it) is one the app deals with."""
    periode = periode if isinstance(periode, Periode) else Periode.of(periode)
    return PERIODE_PERTAMA <= periode <= Periode.current().shift(12)


class _PeriodeAttribute(DeferredAttribute):
    """Keeps a PeriodeField's attribute a Periode whatever it is given (a date, "2026-08")."""

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = self.field.to_python(value)


class PeriodeField(models.DateField):
    """A month column: the month's first day in the database, a `Periode` in Python.

    Lookups take a Periode or a date (`periode__lt=some_date` compares with that date).
    """

    descriptor_class = _PeriodeAttribute
    description = "Bulan (disimpan sebagai hari pertamanya)"

    def from_db_value(self, value, expression, connection):
        return None if value is None else Periode.of(value)

    def to_python(self, value):
        if value is None or isinstance(value, Periode):
            return value
        if isinstance(value, str) and _PATTERN.match(value.strip()):
            return Periode.parse(value)
        day = super().to_python(value)
        return None if day is None else Periode.of(day)

    def get_prep_value(self, value):
        if isinstance(value, Periode):
            return value.awal
        # A plain date in a lookup stays that date; only DateField's parsing is wanted here.
        return models.DateField.to_python(self, models.Field.get_prep_value(self, value))

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else str(value)

    def formfield(self, **kwargs):
        from desa.forms.periode import BulanField

        return models.Field.formfield(self, **{"form_class": BulanField, **kwargs})


def end_of_day(day):
    """The first instant after `day` ends in WITA: a send at 23:59:59 is before it."""
    following = day + datetime.timedelta(days=1)
    return datetime.datetime.combine(following, datetime.time(), tzinfo=WITA)


def format_tanggal(day):
    """5 Agustus 2026."""
    if day is None:
        return ""
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day).date()
    return f"{day.day} {NAMA_BULAN[day.month - 1]} {day.year}"


def format_waktu(moment):
    """5 Agustus 2026 14.30 WITA."""
    if moment is None:
        return ""
    local = moment.astimezone(WITA)
    return f"{format_tanggal(local.date())} {local:%H.%M} WITA"


class PeriodeConverter:
    """URL converter: /2026-08/ ↔ Periode(2026, 8); a month out of range answers 404 before the view
    runs, so no page computes a month before or after the calendar (1900-01's previous month)."""

    regex = r"\d{4}-\d{2}"

    def to_python(self, value):
        periode = Periode.parse(value)
        if not periode_in_range(periode):
            raise ValueError(f"Periode {value} di luar jangkauan.")
        return periode

    def to_url(self, value):
        return str(value)

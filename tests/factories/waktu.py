"""Moments in WITA and a frozen clock."""

import contextlib
import datetime
from unittest import mock

import pytest

from desa.periode import WITA


def wita(*parts):
    """An aware moment in WITA: wita(2026, 9, 8, 9) or, from a date, wita(tanggal, 21, 30)."""
    if isinstance(parts[0], datetime.date):
        parts = (parts[0].year, parts[0].month, parts[0].day, *parts[1:])
    return datetime.datetime(*parts, tzinfo=WITA)


@contextlib.contextmanager
def clock(moment):
    """Freeze django.utils.timezone.now (and so localdate and Periode.current) at `moment`."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def frozen_at(moment):
    """An autouse fixture freezing the clock at `moment` for every test of the module using it."""

    @pytest.fixture(autouse=True)
    def frozen():
        with clock(moment):
            yield

    return frozen

"""Ledger rows with chosen timestamps, and a frozen clock, for the ledger and dashboard tests."""

import contextlib
import datetime
from unittest import mock

import pytest

from desa.models import LaporanBulanan
from desa.models.laporan import Status
from desa.periode import WITA, Periode


def wita(year, month, day, hour=0, minute=0, second=0):
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=WITA)


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


def laporan(desa, periode, status=Status.DIKIRIM, *, jenis="kependudukan", sent=None, **fields):
    """A ledger row; `sent` is the first send time (also the last one unless given)."""
    periode = Periode.parse(periode) if isinstance(periode, str) else periode
    if status != Status.BELUM_DIKIRIM and sent is None:
        following = periode.next()
        sent = wita(following.tahun, following.bulan, 2, 9)
    fields.setdefault("pertama_dikirim_at", sent)
    fields.setdefault("dikirim_at", sent)
    # A write to the month may have made the blank row already (desa.gerbang).
    row, _ = LaporanBulanan.objects.update_or_create(
        desa=desa, jenis=jenis, periode=periode.awal, defaults={"status": status, **fields}
    )
    return row

"""Fixtures of the Linmas tests; the builders live in tests.factories.linmas."""

import datetime

import pytest
from django.utils import timezone

from linmas.models import Regu
from tests.factories.linmas import last_month, make_anggota


@pytest.fixture(autouse=True)
def private_media(private_media):
    """Every Linmas test keeps its photos in a folder of its own."""
    return private_media


@pytest.fixture
def roster_a(desa_a):
    """Two active members of Desa Balang."""
    return [
        make_anggota(desa_a, nama="Basri Anwar"),
        make_anggota(desa_a, nama="Rusdi Hidayat", regu=Regu.DAPUR_UMUM),
    ]


@pytest.fixture
def day_last_month():
    return last_month().awal + datetime.timedelta(days=9)


@pytest.fixture
def now():
    return timezone.now()

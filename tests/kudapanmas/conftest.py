"""Fixtures the kudapanmas tests share: Paringin requiring only the population report, the whole demo."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture
def paringin(kecamatan):
    """Kecamatan Paringin with one required kind, so that each desa has one cell a month."""
    kecamatan.jenis_laporan_wajib = ["kependudukan"]
    kecamatan.save()
    return kecamatan


@pytest.fixture
def demo_lengkap(wilayah, private_media):
    """The whole demo (every role, a few months of records), its photos in a temporary folder."""
    call_command("isi_demo", stdout=io.StringIO())

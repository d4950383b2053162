"""Fixtures the compliance tests share: Paringin requiring only the population report."""

import pytest


@pytest.fixture
def paringin(kecamatan):
    """Kecamatan Paringin with one required kind, so that each desa has one cell a month."""
    kecamatan.jenis_laporan_wajib = ["kependudukan"]
    kecamatan.save()
    return kecamatan

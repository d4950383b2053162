"""Fixtures the kudapanmas tests share: Paringin requiring only the population report, the whole demo."""

import io

import pytest
from django.core.management import call_command

from kudapanmas.demo import akun, ledger
from tests.factories.waktu import clock, wita

# The moment the ledger demo is made and read at: early September 2026.
SAAT_DEMO = wita(2026, 9, 8, 9)


@pytest.fixture
def paringin(kecamatan):
    """Kecamatan Paringin with one required kind, so that each desa has one cell a month."""
    kecamatan.jenis_laporan_wajib = ["kependudukan"]
    kecamatan.save()
    return kecamatan


@pytest.fixture
def demo_ledger(wilayah):
    """The demo's accounts and its year of ledger history, the clock held at SAAT_DEMO."""
    with clock(SAAT_DEMO):
        context = {"rng": akun.new_rng()}
        akun.fill(context)
        ledger.fill(context)
        yield context


@pytest.fixture
def demo_lengkap(wilayah, private_media):
    """The whole demo (every role, a few months of records), its photos in a temporary folder;
    without the verified months' snapshots, which these tests do not read and which cost minutes
    on PostgreSQL (test_cuplikan covers them, and `make run` stores them)."""
    call_command("isi_demo", "--tanpa-cuplikan", stdout=io.StringIO())

"""Fixtures of the desa (floor 1) tests."""

import pytest

from desa import registry
from desa.models.laporan import JenisLaporan


@pytest.fixture
def any_content(monkeypatch):
    """The ledger's own rules: floor 1 knows no content, so the kind's send check accepts any month
    (the apps' content checks have their own tests)."""
    monkeypatch.setitem(registry._send_checks, JenisLaporan.KEPENDUDUKAN, registry.default_check_send)

"""The ledger panel's values come from desa.panel, called by the view; the template tag only renders them."""

import ast
from pathlib import Path

import pytest

import desa.templatetags.laporan_tags as laporan_tags
from desa.models.laporan import JenisLaporan, Status
from desa.panel import panel_laporan
from desa.periode import Periode
from tests.factories.ledger import laporan

pytestmark = pytest.mark.django_db

PERIODE = Periode.current().previous()
PERMISSIONS = ["can_send", "can_verify", "can_reopen", "can_extend", "can_comment"]


@pytest.mark.parametrize(
    "role,status,peran,allowed",
    [
        ("operator_a", Status.BELUM_DIKIRIM, "pengirim", {"can_send", "can_comment"}),
        ("kasi_trantib", Status.DIKIRIM, "pemeriksa", {"can_verify", "can_comment"}),
        ("kasi_trantib", Status.DIVERIFIKASI, "pemeriksa", {"can_reopen", "can_comment"}),
        ("camat", Status.DIKIRIM, "pembaca", set()),
    ],
)
def test_each_role_gets_its_own_actions(cast, desa_a, role, status, peran, allowed):
    """The operator sends, the Kasi Trantib verifies or reopens, the camat reads."""
    laporan(desa_a, PERIODE, status)
    panel = panel_laporan(cast[role], desa_a, JenisLaporan.KEPENDUDUKAN, PERIODE)
    assert panel["peran_panel"] == peran
    assert {name for name in PERMISSIONS if panel[name]} == allowed


def test_the_panel_carries_what_the_page_asks_for(operator_a, desa_a):
    panel = panel_laporan(
        operator_a,
        desa_a,
        JenisLaporan.LINMAS,
        PERIODE,
        extra_template="linmas/_kirim_extra.html",
        nihil_allowed=False,
    )
    assert panel["extra_template"] == "linmas/_kirim_extra.html"
    assert panel["nihil_allowed"] is False
    assert panel["args"] == [desa_a.kode, JenisLaporan.LINMAS, str(PERIODE)]


def test_the_template_tag_asks_the_database_nothing():
    tree = ast.parse(Path(laporan_tags.__file__).read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    assert imported == {"django"}

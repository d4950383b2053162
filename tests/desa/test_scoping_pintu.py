"""desa.scoping is the one door: who may see, write, send, verify and manage, with one
administrator policy, and no other module deriving a role check of its own."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from desa import scoping
from desa.scoping import Peran
from tests.factories.pengguna import make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPS = ("desa", "kependudukan", "linmas", "laporan_rt", "kudapanmas")


@pytest.fixture
def administrator(db):
    """The Administrator role without the superuser flag: the policy covers both."""
    return make_user("admin.peran", peran=Peran.ADMINISTRATOR)


def test_the_administrator_policy_is_one_function(administrator, admin_user, kasi_trantib, camat):
    assert scoping.is_administrator(administrator) and scoping.is_administrator(admin_user)
    assert not scoping.is_administrator(kasi_trantib) and not scoping.is_administrator(camat)
    administrator.is_active = False
    assert not scoping.is_administrator(administrator)


def test_the_kasi_trantib_of_a_kecamatan(administrator, kasi_trantib, kasi_trantib_luar, camat, desa_a):
    kode = desa_a.kecamatan_id
    assert scoping.is_kasi_trantib_of(kasi_trantib, kode)
    assert not scoping.is_kasi_trantib_of(kasi_trantib_luar, kode)
    assert not scoping.is_kasi_trantib_of(camat, kode)
    assert scoping.is_kasi_trantib_of(administrator, kode)


def test_who_writes_sends_and_verifies_a_desa(cast, administrator, desa_a):
    rows = {
        who: (
            scoping.may_write(user, desa_a),
            scoping.may_send(user, desa_a),
            scoping.may_verify(user, desa_a),
        )
        for who, user in {**cast, "administrator": administrator}.items()
    }
    assert rows["operator_a"] == (True, True, False)
    assert rows["operator_b"] == (False, False, False)
    assert rows["kasi_trantib"] == (True, False, True)
    assert rows["camat"] == rows["kabupaten"] == (False, False, False)
    # An administrator may do what the area's own roles may (the stated policy).
    assert rows["administrator"] == rows["admin"] == (True, True, True)


def test_the_kecamatan_door(cast, administrator, desa_a, desa_luar):
    kode = desa_a.kecamatan_id
    assert scoping.kecamatan_for_user(cast["camat"], kode).pk == kode
    assert scoping.kecamatan_for_user(administrator, kode, manage=True).pk == kode
    with pytest.raises(PermissionDenied):
        scoping.kecamatan_for_user(cast["camat"], kode, manage=True)
    with pytest.raises(PermissionDenied):
        scoping.kecamatan_for_user(cast["operator_a"], kode)
    with pytest.raises(Http404):
        scoping.kecamatan_for_user(cast["kasi_trantib"], desa_luar.kecamatan_id)
    assert scoping.kecamatan_saya(cast["kasi_trantib"], "x") == kode
    with pytest.raises(PermissionDenied, match="hanya untuk"):
        scoping.kecamatan_saya(administrator, "hanya untuk Kasi Trantib")


def test_the_desa_door(cast, desa_a, desa_luar):
    assert scoping.desa_for_user(cast["camat"], desa_a.pk) == desa_a
    with pytest.raises(PermissionDenied):
        scoping.desa_for_user(cast["camat"], desa_a.pk, write=True)
    with pytest.raises(Http404):
        scoping.desa_for_user(cast["kasi_trantib"], desa_luar.pk)


def _role_checks(path):
    """Lines of `path` that decide a permission from the role or the superuser flag themselves."""
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "is_superuser" and isinstance(node.ctx, ast.Load):
            found.append(node.lineno)
        if isinstance(node, ast.Compare) and any(
            isinstance(side, ast.Attribute)
            and isinstance(side.value, ast.Name)
            and side.value.id == "Peran"
            and side.attr in {"ADMINISTRATOR", "KASI_TRANTIB", "KETUA_RT"}
            for side in node.comparators
        ):
            found.append(node.lineno)
    return found


def test_no_module_outside_the_door_derives_a_role_check():
    door = {ROOT / "desa" / "scoping.py", ROOT / "desa" / "models" / "pengguna.py"}
    offenders = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if path in door or "migrations" in path.parts or "demo" in path.parts:
                continue
            if lines := _role_checks(path):
                offenders[str(path.relative_to(ROOT))] = lines
    assert not offenders, f"role checks outside desa/scoping.py: {offenders}"

"""The tests keep the floors of the house: a desa (floor 1) test imports nothing from the test
folders of the floor-2 apps or of the project, so it runs and reads on its own."""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ABOVE_DESA = ("tests.kependudukan", "tests.linmas", "tests.laporan_rt", "tests.kudapanmas", "tests.browser")


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def reaches_above_desa(module):
    return any(module == folder or module.startswith(folder + ".") for folder in ABOVE_DESA)


@pytest.mark.parametrize("path", sorted((TESTS / "desa").glob("*.py")), ids=lambda path: path.name)
def test_a_desa_test_imports_nothing_from_a_higher_floors_test_folder(path):
    assert [module for module in imported_modules(path) if reaches_above_desa(module)] == []


def test_the_factories_of_the_desa_floor_import_no_higher_floor():
    """What the desa tests use from tests/factories/ is built from desa alone."""
    for name in ("wilayah", "pengguna", "waktu", "ledger", "identitas"):
        modules = list(imported_modules(TESTS / "factories" / f"{name}.py"))
        assert [
            module
            for module in modules
            if module.split(".")[0] in ("kependudukan", "linmas", "laporan_rt", "kudapanmas")
        ] == [], name

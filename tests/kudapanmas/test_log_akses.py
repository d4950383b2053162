"""The access log of the served configuration keeps no query string, so no NIK searched for."""

import runpy
from pathlib import Path

from gunicorn.glogging import SafeAtoms

CONFIG = Path(__file__).resolve().parents[2] / "kudapanmas" / "gunicorn.conf.py"
NIK = "6311064507500003"


def test_a_search_by_nik_leaves_no_nik_in_the_access_log():
    settings = runpy.run_path(str(CONFIG))
    query = f"q={NIK}"
    atoms = {
        "h": "10.0.0.7", "l": "-", "u": "-", "t": "[01/Dec/2026:10:00:00 +0800]", "m": "GET",
        "U": "/kependudukan/63.11.06.2005/2026-11/peristiwa/", "q": query, "H": "HTTP/1.1",
        "r": f"GET /kependudukan/63.11.06.2005/2026-11/peristiwa/?{query} HTTP/1.1", "s": "200",
        "b": "5120", "B": "5120", "f": f"https://kudapanmas.contoh.id/cari/?{query}", "a": "Mozilla/5.0",
        "L": "0.012", "T": "0", "D": "12000", "M": "12", "p": "<1>",
    }  # fmt: skip
    line = settings["access_log_format"] % SafeAtoms(atoms)
    assert "/peristiwa/" in line and "200" in line
    assert NIK not in line

"""Benchmark: how long the import's reader takes to refuse each workbook bomb, and its peak memory.

Builds the bombs full size from the app's own template in a temporary folder (each zip is a few
MB, written in streaming), then reads each one in a fresh process, as an upload would be read, and
prints seconds and peak RSS. A generated 20,000-row workbook is read too: it must be accepted.
Run from the repository root: `.venv/bin/python bench/impor_bom.py`. Asserts nothing about speed.
"""

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GB = 1024 * 1024 * 1024
SHEET = "xl/worksheets/sheet3.xml"  # Peristiwa


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kudapanmas.settings"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("DJANGO_HTTPS", "false")
    import django

    django.setup()


def build(folder):
    """{label: path} of the bombs and of one ordinary workbook."""
    from kependudukan.impor.kolom import KOLOM_PERISTIWA
    from kependudukan.impor.templat import templat_workbook
    from tests.kependudukan import bom

    template = io.BytesIO()
    templat_workbook().save(template)
    header = bom.header_row([kolom.header for kolom in KOLOM_PERISTIWA])
    cases = {
        "1,2 GB <row/>": (bom.empty_rows(header, int(1.2 * GB)), None),
        "1,2 GB <row/>, directory understated": (bom.empty_rows(header, int(1.2 * GB)), None),
        "40 MB <row/> (under the size limit)": (bom.empty_rows(header, 40 * bom.MB), None),
        "1,1 GB text in one cell": (bom.huge_cell(header, int(1.1 * GB)), None),
        "40 MB text in one cell": (bom.huge_cell(header, 40 * bom.MB), None),
        "1,1 GB sharedStrings": (bom.shared_string_cell(header), bom.huge_shared_string(int(1.1 * GB))),
        "2,1 million empty cells": (bom.empty_cells(header, 70_000, 30), None),
        "48 MB comment (one tag)": (
            bom.sheet_xml(header, [b"<!--", *bom.repeated(b"A", 48 * bom.MB), b"-->"]),
            None,
        ),
        "48 MB of <x/> (slowest to count)": (bom.sheet_xml(header, bom.repeated(b"<x/>", 48 * bom.MB)), None),
    }
    paths = {}
    for number, (label, (sheet, shared_strings)) in enumerate(cases.items()):
        path = folder / f"bom-{number}.xlsx"
        template.seek(0)
        bom.write_bomb(template, path, SHEET, sheet, shared_strings)
        if "understated" in label:
            bom.understate_size(path, SHEET, 64 * 1024)
        paths[label] = path
    ordinary = folder / "20000-baris.xlsx"
    sys.path.insert(0, str(ROOT / "bench"))
    from impor import make_workbook

    from desa.periode import Periode

    months = [Periode.current().previous()]
    for _ in range(11):
        months.append(months[-1].previous())
    make_workbook(ordinary, ["63.11.06.2005", "63.11.06.2014"], months)
    paths["20.000-row workbook (must be accepted)"] = ordinary
    return paths


def read_one(path):
    """In a fresh process: read one workbook as an upload is read; print a JSON line."""
    setup_django()
    from kependudukan.impor.baca import BerkasDitolak, baca_workbook

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        sheets, _ = baca_workbook(path)
        result = f"accepted, {sum(len(lembar.rows) for lembar in sheets.values())} rows"
    except BerkasDitolak as error:
        result = f"refused: {str(error)[:90]}"
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "rss_before_kb": before, "rss_peak_kb": peak, "result": result}))


def main():
    setup_django()
    with tempfile.TemporaryDirectory(prefix="kudapanmas-bom-") as name:
        paths = build(Path(name))
        print(f"{'workbook':42} {'zip':>8} {'seconds':>8} {'peak RSS':>9}  result")
        for label, path in paths.items():
            output = subprocess.run(
                [sys.executable, __file__, "--read", str(path)], capture_output=True, text=True, check=True
            ).stdout
            figures = json.loads(output.strip().splitlines()[-1])
            size = f"{path.stat().st_size / 1024 / 1024:.1f} MB"
            rss = f"{figures['rss_peak_kb'] / 1024:.0f} MB"
            print(f"{label:42} {size:>8} {figures['seconds']:8.2f} {rss:>9}  {figures['result']}")
        print("peak RSS includes Django itself; a fresh process reading nothing peaks at about the same.")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--read":
        read_one(sys.argv[2])
    else:
        main()

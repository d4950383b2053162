"""The recap prints: LibreOffice turns it into A4 landscape pages, scripts/rekap-png.sh into images.

The images are what a person looks at to judge the layout; this test makes sure the tooling
works and the pages are A4 landscape, one sheet or more per page.
"""

import re
import subprocess
from pathlib import Path

import pytest

from kudapanmas.rekap.scope import scope_kecamatan
from kudapanmas.rekap.workbook import SHEETS, write_rekap
from tests.kudapanmas.rekap_contoh import PERIODE, isi_semua

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "rekap-png.sh"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_the_workbook_renders_to_a4_landscape_pages_and_images(tmp_path, desa_a, desa_b, kecamatan, camat):
    isi_semua(desa_a, desa_b, kecamatan, camat)
    workbook = tmp_path / "Rekap-Paringin-2025-08.xlsx"
    write_rekap(scope_kecamatan(kecamatan, dibuat_oleh="uji", periode=PERIODE), workbook)
    result = subprocess.run(
        [str(SCRIPT), str(workbook), str(tmp_path / "halaman"), "40"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    pdf, *images = result.stdout.split()
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    assert pages >= len(SHEETS)  # each sheet starts a page
    assert "(A4)" in info
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
    assert width > height  # landscape
    assert len(images) == pages
    for image in images:
        assert Path(image).read_bytes()[:8] == PNG_MAGIC

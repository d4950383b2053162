"""The file formats ship inside the repository: docs/FORMATS.md is the shared source, word for word."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COPY = ROOT / "docs" / "FORMATS.md"
SOURCE = ROOT.parent / "shared" / "FORMATS.md"


def test_the_copy_says_where_its_source_is():
    header = COPY.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert header.startswith("> A copy of the shared `FORMATS.md`")
    assert "../shared/FORMATS.md" in header


def test_the_copy_matches_the_shared_source_apart_from_its_header():
    if not SOURCE.is_file():
        pytest.skip(
            f"no shared FORMATS.md beside this checkout ({SOURCE}): docs/FORMATS.md is the only copy here, "
            "there is nothing to compare it with"
        )
    body = COPY.read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert body == SOURCE.read_text(encoding="utf-8"), (
        "docs/FORMATS.md differs from ../shared/FORMATS.md: copy the shared file again below the header line"
    )

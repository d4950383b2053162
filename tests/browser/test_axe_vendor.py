"""The vendored axe-core is the pinned release, byte for byte, and stays out of the app's static files."""

import hashlib
import json

from django.contrib.staticfiles import finders

from tests.browser.axe import AXE_SCRIPT

VERSION = "4.14.1"
SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"


def test_the_vendored_script_is_the_pinned_release():
    assert hashlib.sha256(AXE_SCRIPT.read_bytes()).hexdigest() == SHA256
    package = json.loads((AXE_SCRIPT.parent / "package.json").read_text())
    assert (package["name"], package["version"], package["license"]) == ("axe-core", VERSION, "MPL-2.0")
    assert f"axe-core {VERSION}" in (AXE_SCRIPT.parent / "README.md").read_text()


def test_no_static_files_finder_serves_it():
    assert finders.find("axe.min.js") is None
    assert finders.find("axe-core/axe.min.js") is None
    assert finders.find("vendor/axe-core/axe.min.js") is None
    for finder in finders.get_finders():
        for path, _storage in finder.list([]):
            assert not path.endswith("axe.min.js"), path

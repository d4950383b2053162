"""Crawling the pages a role reaches, as a person clicking around would, for the bad-input tests.

Starting from the home page, every link is followed (up to a bound); each page's forms are kept,
one per (action with its numbers blanked, field names), so that a list of a hundred rows does not
yield a hundred copies of the same form, and only a few pages of each shape are visited.
"""

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html

MAKS_HALAMAN = 400  # pages visited per role
PER_BENTUK = 12  # pages visited per shape of path (numbers blanked): a list's rows are alike
# Not followed: leaving, downloads that build whole workbooks, and photos.
LEWATI = re.compile(r"/akun/keluar|/admin/|/rekap/|tahun|\.xlsx|/foto/|/lampiran/|templat|cetak")


@dataclass
class Jelajah:
    pages: list = field(default_factory=list)  # paths (with their query) answered with an HTML page
    forms: dict = field(default_factory=dict)  # POST forms: key → (action path, lxml form)
    filters: dict = field(default_factory=dict)  # GET forms: key → (action path, lxml form)


def _bentuk(path):
    return re.sub(r"\d+", "N", path)


def _key(action, form):
    return (_bentuk(action), tuple(sorted(form.fields.keys())))


def jelajahi(client, maks=MAKS_HALAMAN):
    """Follow the links from "/" and collect the pages and the forms found on them."""
    seen, queue, hasil, shapes = set(), deque(["/"]), Jelajah(), Counter()
    while queue and len(seen) < maks:
        path = queue.popleft()
        if path in seen or shapes[_bentuk(path)] >= PER_BENTUK:
            continue
        seen.add(path)
        shapes[_bentuk(path)] += 1
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code in (301, 302):
            queue.append(urljoin(path, response.url))
            continue
        if "html" not in response.get("Content-Type", "") or not response.content.strip():
            continue
        hasil.pages.append(path)
        document = lxml.html.fromstring(response.content)
        for href in document.xpath("//a/@href"):
            target = urljoin(path, href).split("#")[0]
            if target.startswith("/") and not LEWATI.search(target) and target not in seen:
                queue.append(target)
        for form in document.forms:
            action = urlsplit(urljoin(path, form.action or path)).path
            if LEWATI.search(action):
                continue
            found = hasil.forms if (form.method or "get").lower() == "post" else hasil.filters
            found.setdefault(_key(action, form), (action, form))
    return hasil

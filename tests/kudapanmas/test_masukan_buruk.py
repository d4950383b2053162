"""No input may produce a server error: every form of every page a role reaches, sent with bad values.

The pages are found by following links from the home page of each demo role, as a person clicking
around would; each form found is sent with empty, over-long, wrongly-typed and formula-like values.
"""

import io
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from desa.models import Pengguna

pytestmark = pytest.mark.django_db

# Each demo role, and how many different forms its pages hold at the least (so that a crawl that
# stops finding pages fails instead of passing with nothing sent).
ROLES = [
    ("operator.balang", 25),
    ("trantib.paringin", 25),
    # Read-only roles: only their own password form (their pages offer no form that writes).
    ("camat.paringin", 1),
    ("kabupaten", 1),
    ("ketua.rt1.balang", 2),
]
MAKS_HALAMAN = 250  # pages visited per role
# Not followed: leaving, downloads that build whole workbooks, and photos.
LEWATI = re.compile(r"/akun/keluar|/admin/|/rekap/|tahun|\.xlsx|/foto/|/lampiran/|templat|cetak")
NILAI_BURUK = {
    "kosong": "",
    "panjang": "9" * 3000,
    "huruf": "abc",
    "negatif": "-1",
    "rumus": '=HYPERLINK("x")',
    "tanggal": "2026-02-31",
}


@pytest.fixture
def demo(wilayah, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("isi_demo", stdout=io.StringIO())


def pages_and_forms(client):
    seen, queue, forms = set(), deque(["/"]), {}
    while queue and len(seen) < MAKS_HALAMAN:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code in (301, 302):
            queue.append(urljoin(path, response.url))
            continue
        if "html" not in response.get("Content-Type", "") or not response.content.strip():
            continue
        document = lxml.html.fromstring(response.content)
        for href in document.xpath("//a/@href"):
            target = urljoin(path, href).split("#")[0]
            if target.startswith("/") and not LEWATI.search(target) and target not in seen:
                queue.append(target)
        for form in document.forms:
            if (form.method or "get").lower() != "post":
                continue
            action = urlsplit(urljoin(path, form.action or path)).path
            if LEWATI.search(action):
                continue
            key = (re.sub(r"\d+", "N", action), tuple(sorted(form.fields.keys())))
            forms.setdefault(key, (action, form))
    return forms


def bad_data(form, variant):
    value = NILAI_BURUK[variant]
    data, files = {}, {}
    for element in form.inputs:
        name = element.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        kind = (element.get("type") or "text").lower()
        if kind == "file":
            files[name] = SimpleUploadedFile("rusak.xlsx", b"bukan berkas" * 10)
        elif kind in ("checkbox", "radio"):
            data.setdefault(name, "zzz" if variant != "kosong" else "")
        elif element.tag == "select":
            data[name] = "zzz" if variant != "kosong" else ""
        elif kind not in ("submit", "button", "hidden"):
            data[name] = value
        else:
            data[name] = element.get("value") or value
    return {**data, **files}


@pytest.mark.parametrize(("username", "minimum"), ROLES)
def test_no_form_answers_bad_input_with_a_server_error(demo, username, minimum):
    client = Client()
    client.force_login(Pengguna.objects.get(username=username))
    forms = pages_and_forms(client)
    assert len(forms) >= minimum
    for action, form in forms.values():
        for variant in NILAI_BURUK:
            response = client.post(action, bad_data(form, variant))
            assert response.status_code < 500, (action, variant)


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.parametrize("reader", ["camat.paringin", "kabupaten"])
def test_a_read_only_role_is_refused_every_form_the_desa_and_kecamatan_use(demo, reader):
    """Every POST endpoint the operator and the Kasi Trantib reach (found by crawling, not listed
    by hand), sent by a read-only role with the form's own values: 403, and nothing written."""
    actions = set()
    for writer in ("operator.balang", "trantib.paringin"):
        client = Client()
        client.force_login(Pengguna.objects.get(username=writer))
        actions |= {
            (action, tuple(sorted(form.form_values())))
            for action, form in pages_and_forms(client).values()
            if not action.startswith("/akun/")
        }
    assert len(actions) >= 40
    client = Client()
    client.force_login(Pengguna.objects.get(username=reader))
    before = row_counts()
    answers = {}
    for action, values in sorted(actions):
        answers[action] = client.post(action, dict(values)).status_code
    assert {action: code for action, code in answers.items() if code != 403} == {}
    after = row_counts()
    assert {label: (before[label], after[label]) for label in before if before[label] != after[label]} == {}

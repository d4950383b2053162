"""No input may produce a server error: every form of every page a role reaches, sent with bad values.

The pages are found by following links from the home page of each demo role, as a person clicking
around would; each form found is sent with empty, over-long, wrongly-typed and formula-like values.
"""

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from desa.models import Pengguna
from tests.kudapanmas.jelajah import jelajahi

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
NILAI_BURUK = {
    "kosong": "",
    "panjang": "9" * 3000,
    "huruf": "abc",
    "negatif": "-1",
    "rumus": '=HYPERLINK("x")',
    "tanggal": "2026-02-31",
}


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
def test_no_form_answers_bad_input_with_a_server_error(demo_lengkap, username, minimum):
    client = Client()
    client.force_login(Pengguna.objects.get(username=username))
    forms = jelajahi(client).forms
    assert len(forms) >= minimum
    for action, form in forms.values():
        for variant in NILAI_BURUK:
            response = client.post(action, bad_data(form, variant))
            assert response.status_code < 500, (action, variant)


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.parametrize("reader", ["camat.paringin", "kabupaten"])
def test_a_read_only_role_is_refused_every_form_the_desa_and_kecamatan_use(demo_lengkap, reader):
    """Every POST endpoint the operator and the Kasi Trantib reach (found by crawling, not listed
    by hand), sent by a read-only role with the form's own values: 403, and nothing written."""
    actions = set()
    for writer in ("operator.balang", "trantib.paringin"):
        client = Client()
        client.force_login(Pengguna.objects.get(username=writer))
        actions |= {
            (action, tuple(sorted(form.form_values())))
            for action, form in jelajahi(client).forms.values()
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

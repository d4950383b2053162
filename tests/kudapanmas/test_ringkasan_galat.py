"""A refused form says at its top what is wrong, and each line leads to its field."""

import re

import pytest
from django import forms
from django.urls import reverse

from desa.periode import Periode
from kudapanmas.templatetags.galat import daftar_galat
from tests.factories.kependudukan import make_data_awal

pytestmark = pytest.mark.django_db


class Contoh(forms.Form):
    nama = forms.CharField(label="Nama")
    jenis_kelamin = forms.ChoiceField(
        label="Jenis kelamin", choices=[("L", "L"), ("P", "P")], widget=forms.RadioSelect
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Tanggal lapor tidak boleh sebelum tanggal peristiwa.")


def test_the_summary_names_every_error_and_links_inputs_and_choice_lists():
    galat = daftar_galat(Contoh(data={}))
    assert [(item.label, item.target) for item in galat] == [
        ("", ""),
        ("Nama", "id_nama"),
        ("Jenis kelamin", "id_jenis_kelamin_0"),
        ("", ""),
    ]
    assert galat[0].pesan == "Tanggal lapor tidak boleh sebelum tanggal peristiwa."


def test_formset_rows_are_numbered():
    Baris = forms.formset_factory(forms.Form, extra=0)
    formset = forms.formset_factory(Contoh, extra=0)(
        data={"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-nama": "A", "form-1-nama": "B"}
    )
    labels = [item.label for item in daftar_galat(formset) if item.label]
    assert labels == ["Baris 1: Jenis kelamin", "Baris 2: Jenis kelamin"]
    assert daftar_galat(Baris()) == []


def _summary_links(html):
    summary = re.search(r"<div class=\"alert alert-danger ringkasan-galat\".*?</div>", html, re.S)
    assert summary, "the refused form has no error summary"
    return summary.group(0), re.findall(r'href="#([^"]+)"', summary.group(0))


def _assert_links_land(html, links):
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    missing = [target for target in links if target not in ids]
    assert not missing, f"summary links lead nowhere: {missing}"


def _lahir_url(operator):
    make_data_awal(operator.desa, Periode.current().shift(-2))
    return reverse("kependudukan:peristiwa_create", kwargs={"kode": operator.desa_id, "jenis": "LAHIR"})


def test_a_refused_event_form_has_the_summary_before_the_fields(client_for, operator_a):
    client = client_for(operator_a)
    url = _lahir_url(operator_a)
    html = client.post(url, {"nama": ""}).content.decode()
    summary, links = _summary_links(html)
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    assert "id_nama" in links and "id_tanggal_lapor" in links
    _assert_links_land(html, links)
    # It comes before the first field, so a phone that reloads at the top shows it.
    assert html.index("ringkasan-galat") < html.index('name="nama"')


def test_the_login_form_summarises_a_wrong_password(client):
    html = client.post(reverse("login"), {"username": "tidak.ada", "password": "salah"}).content.decode()
    summary, links = _summary_links(html)
    assert "Ada 1 hal yang perlu diperbaiki" in summary
    _assert_links_land(html, links)


def test_an_unsent_form_page_has_no_summary(client_for, operator_a):
    client = client_for(operator_a)
    url = _lahir_url(operator_a)
    assert "ringkasan-galat" not in client.get(url).content.decode()

"""The server's side of offline capture: the service worker, the session it asks, the queue page."""

import json
import re

import pytest
from django.urls import reverse

from desa.periode import Periode
from desa.scoping import Peran
from kudapanmas import luring
from tests.factories.pengguna import make_user
from tests.factories.wilayah import RTFactory

pytestmark = pytest.mark.django_db


def pola_cocok(path):
    """The offline form a path belongs to, by the same patterns the service worker tests."""
    for formulir in luring.FORMULIR_LURING:
        if re.match(formulir.pola.replace("(?<", "(?P<"), path):  # JavaScript's named groups
            return formulir
    return None


def test_the_service_worker_is_served_from_the_root_and_asked_for_again_at_each_visit(client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert f'var VERSI = "{luring.versi()}";' in body
    statis = json.loads(re.search(r"var STATIS = (\[.*?\]);", body).group(1))
    assert "/static/js/luring.js" in statis and "/static/bootstrap/css/bootstrap.min.css" in statis
    assert 'importScripts("/static/js/luring-db.js");' in body


def test_every_offline_form_of_an_operator_is_one_the_worker_recognises(operator_a):
    halaman = luring.halaman_luring(operator_a)
    assert len(halaman) == 6
    for _, url in halaman:
        assert pola_cocok(url), url
    assert pola_cocok(reverse("kependudukan:laporan_bulanan", args=[operator_a.desa_id, "2026-11"])) is None


def test_the_session_names_the_account_and_its_forms(client_for, client, operator_a):
    assert client.get(reverse("kudapanmas:luring_sesi")).json() == {"pengguna": None}
    data = client_for(operator_a).get(reverse("kudapanmas:luring_sesi")).json()
    assert data["pengguna"] == operator_a.pk and len(data["csrf"]) == 64
    assert data["halaman"][0] == reverse("kudapanmas:luring") and len(data["halaman"]) == 7


def test_roles_that_record_nothing_in_the_field_keep_no_forms(client_for, camat, kasi_trantib):
    for user in (camat, kasi_trantib):
        assert luring.halaman_luring(user) == []
        page = client_for(user).get(reverse("kudapanmas:luring")).content.decode()
        assert "Antrean di HP" in page and "Formulir yang bisa diisi tanpa sinyal" not in page


def test_the_queue_page_needs_an_account(client):
    response = client.get(reverse("kudapanmas:luring"))
    assert response.status_code == 302 and "/akun/masuk/" in response.url


def test_every_page_names_its_account_for_the_phone_s_queue(client_for, operator_a):
    page = client_for(operator_a).get(reverse("kudapanmas:beranda")).content.decode()
    assert f'<meta name="kudapanmas-pengguna" content="{operator_a.pk}">' in page
    assert 'id="antrean-luring"' in page and "js/luring.js" in page


def test_a_ketua_rt_keeps_the_report_of_this_month_and_the_last(desa_a):
    rt = RTFactory(desa=desa_a, nomor=1)
    ketua = make_user("ketua.rt1", peran=Peran.KETUA_RT, rt=rt)
    halaman = luring.halaman_luring(ketua)
    bulan = Periode.current()
    assert [url for _, url in halaman] == [
        reverse("laporan_rt:isi", args=[desa_a.pk, str(periode), 1]) for periode in (bulan, bulan.previous())
    ]
    assert all(pola_cocok(url).nama == "laporan_rt" for _, url in halaman)

"""A Ketua RT fills and sends its own RT's report, and sees nothing else."""

import pytest
from django.urls import reverse

from desa.models import RT
from laporan_rt.models import LaporanRT
from tests.factories.laporan_rt import PERIODE, form_data, make_laporan

pytestmark = pytest.mark.django_db


def _url(name, rt, periode=PERIODE):
    return reverse(f"laporan_rt:{name}", args=[rt.desa_id, str(periode), rt.nomor])


def test_it_fills_and_sends_its_own_rts_report(client_for, ketua_rt_a1, rt_a1):
    client = client_for(ketua_rt_a1)
    assert client.get(_url("isi", rt_a1)).status_code == 200
    response = client.post(_url("isi", rt_a1), form_data(usulan="Perbaikan lampu jalan"))
    assert response.status_code == 302
    laporan = LaporanRT.objects.get()
    assert laporan.rt == rt_a1
    assert laporan.dikirim_oleh == ketua_rt_a1
    response = client.get(_url("detail", rt_a1))
    assert "Perbaikan lampu jalan" in response.content.decode()


def test_the_form_says_kirim_ke_desa(client_for, ketua_rt_a1, rt_a1):
    assert "Kirim ke desa" in client_for(ketua_rt_a1).get(_url("isi", rt_a1)).content.decode()


def test_another_rt_of_the_same_desa_is_404(client_for, ketua_rt_a1, rt_a2):
    make_laporan(rt_a2)
    client = client_for(ketua_rt_a1)
    assert client.get(_url("detail", rt_a2)).status_code == 404
    assert client.get(_url("isi", rt_a2)).status_code == 404
    assert client.post(_url("isi", rt_a2), form_data(masalah="x")).status_code == 404
    assert LaporanRT.objects.get().masalah == ""


def test_another_desa_is_404(client_for, ketua_rt_a1, rt_b1):
    client = client_for(ketua_rt_a1)
    assert client.get(_url("detail", rt_b1)).status_code == 404
    assert client.post(_url("isi", rt_b1), form_data()).status_code == 404
    assert not LaporanRT.objects.exists()


def test_its_own_rt_number_under_another_desa_code_is_404(client_for, ketua_rt_a1, desa_b):
    # RT 001 of desa B has the same number as the Ketua RT's own RT.
    rt = RT.objects.create(desa=desa_b, nomor=1)
    assert client_for(ketua_rt_a1).get(_url("isi", rt)).status_code == 404


def test_the_desa_pages_are_closed_to_it(client_for, ketua_rt_a1, desa_a):
    client = client_for(ketua_rt_a1)
    assert (
        client.get(reverse("laporan_rt:laporan_bulanan", args=[desa_a.pk, str(PERIODE)])).status_code == 404
    )
    assert client.get(reverse("desa:akun_rt_list", args=[desa_a.pk])).status_code == 404
    assert client.get(reverse("desa:detail", args=[desa_a.pk])).status_code == 404
    kirim = reverse("desa:laporan_kirim", args=[desa_a.pk, "laporan_rt", str(PERIODE)])
    assert client.post(kirim).status_code == 404


def test_its_queryset_holds_its_own_rt_only(ketua_rt_a1, rt_a1, rt_a2):
    own = make_laporan(rt_a1)
    make_laporan(rt_a2)
    assert list(LaporanRT.objects.for_user(ketua_rt_a1)) == [own]


def test_a_deactivated_ketua_rt_sees_nothing(ketua_rt_a1, rt_a1):
    make_laporan(rt_a1)
    ketua_rt_a1.is_active = False
    assert not LaporanRT.objects.for_user(ketua_rt_a1).exists()


def test_its_start_page_shows_last_and_this_month(client_for, ketua_rt_a1, rt_a1):
    make_laporan(rt_a1, PERIODE.previous())
    response = client_for(ketua_rt_a1).get(reverse("laporan_rt:beranda_rt"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Laporan RT 001" in text
    assert PERIODE.label in text
    assert PERIODE.next().label in text
    assert PERIODE.previous().label in text  # under the earlier months
    assert _url("isi", rt_a1) in text


def test_the_start_page_is_for_ketua_rt_accounts_only(client_for, operator_a):
    assert client_for(operator_a).get(reverse("laporan_rt:beranda_rt")).status_code == 404


def test_the_menu_entry_leads_each_role_to_its_page(client_for, ketua_rt_a1, operator_a, camat):
    url = reverse("laporan_rt:saya")
    assert client_for(ketua_rt_a1).get(url).url == reverse("laporan_rt:beranda_rt")
    expected = reverse("laporan_rt:laporan_bulanan", args=[operator_a.desa_id, str(PERIODE)])
    assert client_for(operator_a).get(url).url == expected
    assert client_for(camat).get(url).status_code == 404


def test_its_navigation_shows_its_report(client_for, ketua_rt_a1):
    response = client_for(ketua_rt_a1).get(reverse("laporan_rt:beranda_rt"))
    labels = [item["label"] for item in response.context["nav_items"]]
    assert "Laporan RT saya" in labels
    assert "Desa saya" not in labels

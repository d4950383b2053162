"""The desa operator manages the Ketua RT accounts of its desa."""

import pytest
from django.urls import reverse

from desa.models import Pengguna
from desa.scoping import Peran
from tests.factories.pengguna import make_user

pytestmark = pytest.mark.django_db


def _data(rt, **extra):
    return {
        "username": "ketua.rt.baru",
        "first_name": "Arbain Saputra",
        "rt": rt.pk,
        "telepon": "081355550000",
        "password1": "Sandi-RT-Panjang-2026",
        "password2": "Sandi-RT-Panjang-2026",
        **extra,
    }


def test_the_operator_creates_a_ketua_rt_of_its_rt(client_for, operator_a, desa_a, rt_a1):
    url = reverse("desa:akun_rt_create", args=[desa_a.pk])
    response = client_for(operator_a).post(url, _data(rt_a1))
    assert response.status_code == 302
    akun = Pengguna.objects.get(username="ketua.rt.baru")
    assert akun.peran == Peran.KETUA_RT
    assert akun.rt == rt_a1
    assert akun.desa is None
    assert akun.check_password("Sandi-RT-Panjang-2026")


def test_a_new_account_reaches_its_rt_page(client, operator_a, desa_a, rt_a1):
    client.force_login(operator_a)
    client.post(reverse("desa:akun_rt_create", args=[desa_a.pk]), _data(rt_a1))
    client.logout()
    credentials = {"username": "ketua.rt.baru", "password": "Sandi-RT-Panjang-2026"}
    assert client.post(reverse("login"), credentials).status_code == 302
    assert client.get(reverse("laporan_rt:beranda_rt")).status_code == 200


def test_an_rt_of_another_desa_is_refused(client_for, operator_a, desa_a, rt_b1):
    url = reverse("desa:akun_rt_create", args=[desa_a.pk])
    response = client_for(operator_a).post(url, _data(rt_b1))
    assert "Pilih RT aktif dari desa ini." in response.content.decode()
    assert not Pengguna.objects.filter(username="ketua.rt.baru").exists()


def test_a_phone_number_is_required(client_for, operator_a, desa_a, rt_a1):
    url = reverse("desa:akun_rt_create", args=[desa_a.pk])
    response = client_for(operator_a).post(url, _data(rt_a1, telepon=""))
    assert response.status_code == 200
    assert not Pengguna.objects.filter(username="ketua.rt.baru").exists()


def test_the_list_shows_the_desas_ketua_rt_only(client_for, operator_a, desa_a, ketua_rt_a1, rt_b1):
    make_user("ketua.lain", peran=Peran.KETUA_RT, rt=rt_b1)
    response = client_for(operator_a).get(reverse("desa:akun_rt_list", args=[desa_a.pk]))
    text = response.content.decode()
    assert "ketua.rt1" in text
    assert "ketua.lain" not in text


def test_the_operator_deactivates_and_reactivates(client_for, operator_a, desa_a, ketua_rt_a1):
    client = client_for(operator_a)
    url = reverse("desa:akun_rt_toggle_active", args=[desa_a.pk, ketua_rt_a1.pk])
    client.post(url)
    ketua_rt_a1.refresh_from_db()
    assert not ketua_rt_a1.is_active
    client.post(url)
    ketua_rt_a1.refresh_from_db()
    assert ketua_rt_a1.is_active


def test_toggling_needs_a_post(client_for, operator_a, desa_a, ketua_rt_a1):
    url = reverse("desa:akun_rt_toggle_active", args=[desa_a.pk, ketua_rt_a1.pk])
    assert client_for(operator_a).get(url).status_code == 405


def test_the_operator_resets_a_password(client_for, operator_a, desa_a, ketua_rt_a1):
    url = reverse("desa:akun_rt_reset_password", args=[desa_a.pk, ketua_rt_a1.pk])
    data = {"new_password1": "Sandi-Baru-RT-2026", "new_password2": "Sandi-Baru-RT-2026"}
    assert client_for(operator_a).post(url, data).status_code == 302
    ketua_rt_a1.refresh_from_db()
    assert ketua_rt_a1.check_password("Sandi-Baru-RT-2026")


def test_another_desas_operator_gets_404(client_for, operator_b, desa_a, ketua_rt_a1):
    client = client_for(operator_b)
    assert client.get(reverse("desa:akun_rt_list", args=[desa_a.pk])).status_code == 404
    url = reverse("desa:akun_rt_toggle_active", args=[desa_a.pk, ketua_rt_a1.pk])
    assert client.post(url).status_code == 404
    ketua_rt_a1.refresh_from_db()
    assert ketua_rt_a1.is_active


def test_an_account_under_another_desa_code_is_404(client_for, operator_b, desa_b, ketua_rt_a1):
    url = reverse("desa:akun_rt_reset_password", args=[desa_b.pk, ketua_rt_a1.pk])
    assert client_for(operator_b).get(url).status_code == 404


def test_an_operator_account_is_not_a_ketua_rt_account(client_for, operator_a, desa_a):
    other = make_user("operator.a2", peran=Peran.OPERATOR_DESA, desa=desa_a)
    url = reverse("desa:akun_rt_toggle_active", args=[desa_a.pk, other.pk])
    assert client_for(operator_a).post(url).status_code == 404


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_read_only_roles_get_403(client_for, cast, desa_a, ketua_rt_a1, role):
    client = client_for(cast[role])
    assert client.get(reverse("desa:akun_rt_list", args=[desa_a.pk])).status_code == 403
    url = reverse("desa:akun_rt_toggle_active", args=[desa_a.pk, ketua_rt_a1.pk])
    assert client.post(url).status_code == 403


def test_the_old_addresses_lead_to_the_pages_under_desa(client_for, operator_a, desa_a, ketua_rt_a1):
    client = client_for(operator_a)
    response = client.get(f"/laporan-rt/{desa_a.pk}/akun-rt/")
    assert response.status_code == 308
    assert response["Location"] == reverse("desa:akun_rt_list", args=[desa_a.pk])
    response = client.post(f"/laporan-rt/{desa_a.pk}/akun-rt/{ketua_rt_a1.pk}/aktif/", follow=True)
    assert response.redirect_chain[0][1] == 308
    ketua_rt_a1.refresh_from_db()
    assert not ketua_rt_a1.is_active

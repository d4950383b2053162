import pytest
from django.urls import reverse

from desa.models import Pengguna
from desa.scoping import Peran

pytestmark = pytest.mark.django_db


def _new_operator(desa, **extra):
    return {
        "username": "operator.baru",
        "first_name": "Operator Baru",
        "desa": desa.pk,
        "telepon": "081299990000",
        "email": "baru@contoh.id",
        "password1": "Sandi-Panjang-2026",
        "password2": "Sandi-Panjang-2026",
        **extra,
    }


def test_it_creates_an_operator_of_a_desa_in_the_kecamatan(client_for, kasi_trantib, desa_a):
    response = client_for(kasi_trantib).post(reverse("desa:operator_create"), _new_operator(desa_a))
    assert response.status_code == 302
    operator = Pengguna.objects.get(username="operator.baru")
    assert operator.peran == Peran.OPERATOR_DESA
    assert operator.desa == desa_a
    assert operator.check_password("Sandi-Panjang-2026")


def test_it_refuses_a_desa_of_another_kecamatan(client_for, kasi_trantib, desa_luar):
    response = client_for(kasi_trantib).post(reverse("desa:operator_create"), _new_operator(desa_luar))
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert not Pengguna.objects.filter(username="operator.baru").exists()


def test_it_refuses_a_bad_phone_number(client_for, kasi_trantib, desa_a):
    data = _new_operator(desa_a, telepon="12345")
    response = client_for(kasi_trantib).post(reverse("desa:operator_create"), data)
    assert "Nomor HP harus berbentuk" in response.content.decode()


def test_it_deactivates_and_reactivates_an_operator(client_for, kasi_trantib, operator_a):
    client = client_for(kasi_trantib)
    url = reverse("desa:operator_toggle_active", args=[operator_a.pk])
    client.post(url)
    operator_a.refresh_from_db()
    assert operator_a.is_active is False
    client.post(url)
    operator_a.refresh_from_db()
    assert operator_a.is_active is True


def test_toggling_needs_a_post(client_for, kasi_trantib, operator_a):
    url = reverse("desa:operator_toggle_active", args=[operator_a.pk])
    assert client_for(kasi_trantib).get(url).status_code == 405


def test_it_resets_a_password(client_for, kasi_trantib, operator_a):
    url = reverse("desa:operator_reset_password", args=[operator_a.pk])
    data = {"new_password1": "Sandi-Baru-Desa-2026", "new_password2": "Sandi-Baru-Desa-2026"}
    assert client_for(kasi_trantib).post(url, data).status_code == 302
    operator_a.refresh_from_db()
    assert operator_a.check_password("Sandi-Baru-Desa-2026")


def test_an_operator_of_another_kecamatan_is_404(client_for, kasi_trantib, operator_luar):
    url = reverse("desa:operator_update", args=[operator_luar.pk])
    assert client_for(kasi_trantib).get(url).status_code == 404


def test_the_kasi_trantib_cannot_manage_other_roles(client_for, kasi_trantib, camat):
    url = reverse("desa:operator_reset_password", args=[camat.pk])
    assert client_for(kasi_trantib).get(url).status_code == 404


def test_whatsapp_number_drops_the_leading_zero(operator_a):
    assert operator_a.nomor_whatsapp == "6281234567801"

import pytest
from django.urls import reverse

from desa.models import RT

pytestmark = pytest.mark.django_db


def test_an_operator_adds_an_rt_to_their_desa(client_for, operator_a, desa_a):
    data = {
        "nomor": 7,
        "rw": "Dusun 2",
        "nama_ketua": "Ahmad",
        "telepon_ketua": "081311112222",
        "aktif": "on",
    }
    response = client_for(operator_a).post(reverse("desa:rt_create", args=[desa_a.pk]), data)
    assert response.status_code == 302
    assert RT.objects.get(desa=desa_a, nomor=7).nama_ketua == "Ahmad"


def test_the_same_rt_number_twice_is_refused(client_for, operator_a, desa_a):
    RT.objects.create(desa=desa_a, nomor=7)
    data = {"nomor": 7, "aktif": "on"}
    response = client_for(operator_a).post(reverse("desa:rt_create", args=[desa_a.pk]), data)
    assert "RT 007 sudah ada di desa ini" in response.content.decode()
    assert RT.objects.filter(desa=desa_a).count() == 1


def test_another_desas_rt_is_404(client_for, operator_b, desa_a):
    rt = RT.objects.create(desa=desa_a, nomor=1)
    url = reverse("desa:rt_update", args=[desa_a.pk, rt.pk])
    assert client_for(operator_b).get(url).status_code == 404


def test_the_camat_reads_but_cannot_edit_rt(client_for, camat, desa_a):
    rt = RT.objects.create(desa=desa_a, nomor=1)
    client = client_for(camat)
    assert client.get(reverse("desa:detail", args=[desa_a.pk])).status_code == 200
    assert client.post(reverse("desa:rt_update", args=[desa_a.pk, rt.pk]), {"nomor": 2}).status_code == 403

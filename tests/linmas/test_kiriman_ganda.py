"""A Linmas form posted twice (a double tap, a retry after a lost answer) stores one activity."""

import datetime
import re
import uuid

from django.urls import reverse

from desa.periode import WITA
from linmas.models import Kegiatan, Kejadian
from tests.factories.linmas import upload
from tests.linmas.formulir import create_url, kegiatan_data, kejadian_data


def token_of(html):
    return re.search(r'name="token_formulir" value="([0-9a-f-]{36})"', html)[1]


def test_the_activity_form_carries_a_fresh_token_each_time(client_for, operator_a, desa_a):
    client = client_for(operator_a)
    first = token_of(client.get(create_url(desa_a)).content.decode())
    second = token_of(client.get(create_url(desa_a)).content.decode())
    assert first != second


def test_an_activity_posted_twice_is_stored_once_with_its_photos(
    client_for, operator_a, desa_a, roster_a, day_last_month
):
    client = client_for(operator_a)
    token = str(uuid.uuid4())

    def post():
        data = kegiatan_data(day_last_month, roster_a, foto=[upload("a.jpg"), upload("b.jpg")])
        return client.post(create_url(desa_a), {**data, "token_formulir": token}, follow=True)

    post()
    again = post()
    kegiatan = Kegiatan.objects.get()
    assert kegiatan.foto_set.count() == 2
    assert again.redirect_chain[-1][0] == kegiatan.get_absolute_url()
    assert "Kegiatan ini sudah tersimpan" in again.content.decode()
    assert "alert-danger" not in again.content.decode()


def test_an_incident_posted_twice_is_stored_once(client_for, operator_a, desa_a, day_last_month):
    client = client_for(operator_a)
    url = reverse("linmas:kejadian_create", args=[desa_a.kode])
    waktu = datetime.datetime.combine(day_last_month, datetime.time(21, 30), tzinfo=WITA)
    data = {**kejadian_data(waktu), "token_formulir": str(uuid.uuid4())}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data, follow=True)
    assert Kejadian.objects.count() == 1
    assert again.redirect_chain[-1][0] == Kejadian.objects.get().get_absolute_url()
    assert "Kejadian ini sudah tersimpan" in again.content.decode()

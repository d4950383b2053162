"""An activity or incident dated in no month the app deals with is a form error, not a crash."""

import pytest
from django.urls import reverse
from django.utils import timezone

from linmas.models import Kegiatan, Kejadian
from tests.linmas.formulir import kegiatan_data, kejadian_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("tanggal", "pesan"),
    [
        ("0001-01-01", "Tanggal harus antara tahun 1900 dan 2100."),
        ("1900-01-01", "Tanggal tidak boleh sebelum Januari 2000."),
        ("1999-12-31", "Tanggal tidak boleh sebelum Januari 2000."),
    ],
)
def test_an_activity_before_2000_is_refused(
    client_for, operator_a, desa_a, roster_a, day_last_month, tanggal, pesan
):
    data = {**kegiatan_data(day_last_month, roster_a), "tanggal": tanggal}
    response = client_for(operator_a).post(reverse("linmas:kegiatan_create", args=[desa_a.kode]), data)
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert not Kegiatan.objects.exists()


@pytest.mark.parametrize("pk", [str(2**63 + 1), "9" * 100_000])
def test_a_participant_key_beyond_any_row_is_a_form_error(
    client_for, operator_a, desa_a, roster_a, day_last_month, pk
):
    data = {**kegiatan_data(day_last_month, roster_a), "peserta": [roster_a[0].pk, pk]}
    response = client_for(operator_a).post(reverse("linmas:kegiatan_create", args=[desa_a.kode]), data)
    assert response.status_code == 200
    assert (
        "bukan nilai yang valid" in response.content.decode()
        or "is not a valid value" in response.content.decode()
    )
    assert not Kegiatan.objects.exists()


@pytest.mark.parametrize(
    ("waktu", "pesan"),
    [
        ("0001-01-01T00:00", "Tanggal harus antara tahun 1900 dan 2100."),
        ("1999-12-31T23:00", "Tanggal tidak boleh sebelum Januari 2000."),
    ],
)
def test_an_incident_before_2000_is_refused(client_for, operator_a, desa_a, waktu, pesan):
    data = {**kejadian_data(timezone.localtime()), "waktu": waktu}
    response = client_for(operator_a).post(reverse("linmas:kejadian_create", args=[desa_a.kode]), data)
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert not Kejadian.objects.exists()

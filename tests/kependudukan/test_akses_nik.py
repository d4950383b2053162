"""A full NIK shown to a role above the desa is recorded: who, when, which record (UU 27/2022)."""

import pytest
from django.urls import reverse

from desa.models import AksesNIK
from tests.factories.ekonomi import make_keluarga, make_penerima
from tests.factories.kependudukan import day, make_peristiwa, recent

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(desa_a):
    return {
        "kependudukan:peristiwa_detail": make_peristiwa(desa_a, "MATI", day(recent(1), 3)),
        "ekonomi:keluarga_detail": make_keluarga(desa_a, day(recent(1), 4)),
        "ekonomi:penerima_detail": make_penerima(desa_a, "PKH", recent(2)),
    }


@pytest.mark.parametrize("role", ["kasi_trantib", "camat", "kabupaten"])
def test_a_look_above_the_desa_is_recorded(cast, client_for, desa_a, records, role):
    client = client_for(cast[role])
    for name, record in records.items():
        response = client.get(reverse(name, args=[desa_a.pk, record.pk]))
        assert response.status_code == 200
        nik = getattr(record, "nik", None) or record.nik_kepala
        assert nik in response.content.decode()  # shown in full, so the look is recorded
    seen = list(AksesNIK.objects.order_by("pk"))
    assert [(item.pengguna, item.desa, item.objek_id) for item in seen] == [
        (cast[role], desa_a, str(record.pk)) for record in records.values()
    ]
    assert [item.jenis_data for item in seen] == ["peristiwa kependudukan", "keluarga", "penerima bantuan"]


def test_the_desa_operator_working_on_its_own_residents_is_not_recorded(
    client_for, operator_a, desa_a, records
):
    for name, record in records.items():
        assert client_for(operator_a).get(reverse(name, args=[desa_a.pk, record.pk])).status_code == 200
    assert not AksesNIK.objects.exists()


def test_a_refused_look_records_nothing(client_for, operator_b, desa_a, records):
    record = records["kependudukan:peristiwa_detail"]
    response = client_for(operator_b).get(
        reverse("kependudukan:peristiwa_detail", args=[desa_a.pk, record.pk])
    )
    assert response.status_code == 404
    assert not AksesNIK.objects.exists()

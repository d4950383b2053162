"""Confirming an import whose stored upload has gone answers clearly, for both imports."""

import pytest
from django.urls import reverse

from kependudukan.ekonomi.models import ImporEkonomi
from kependudukan.models.impor import ImporBerkas, StatusImpor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model,url_name",
    [(ImporBerkas, "kependudukan:impor_simpan"), (ImporEkonomi, "ekonomi:impor_simpan")],
)
def test_a_vanished_upload_is_refused_with_a_message(client_for, operator_a, model, url_name):
    impor = model.objects.create(
        pengguna=operator_a, berkas="impor/hilang.xlsx", nama_berkas="hilang.xlsx", status=StatusImpor.SIAP
    )
    response = client_for(operator_a).post(reverse(url_name, args=[impor.pk]), follow=True)
    assert response.status_code == 200
    assert "Berkas unggahan sudah tidak tersimpan lagi" in response.content.decode()
    impor.refresh_from_db()
    assert impor.status == StatusImpor.DITOLAK

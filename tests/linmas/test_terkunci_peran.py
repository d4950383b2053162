"""A locked month is explained in the words of whoever reads it."""

import pytest
from django.urls import reverse

from desa.models.laporan import Status
from desa.periode import Periode
from tests.factories.ledger import laporan

pytestmark = pytest.mark.django_db

PERIODE = Periode.current().previous()


@pytest.mark.parametrize(
    ("who", "words"),
    [
        ("operator_a", "sedang diperiksa kecamatan"),
        ("kasi_trantib", "menunggu verifikasi Anda"),
        ("camat", "menunggu verifikasi Kasi Trantib"),
    ],
)
def test_the_linmas_month_says_who_holds_the_lock(cast, client_for, desa_a, who, words):
    laporan(desa_a, PERIODE, Status.DIKIRIM, jenis="linmas")
    url = reverse("linmas:laporan_bulanan", args=[desa_a.kode, str(PERIODE)])
    html = client_for(cast[who]).get(url).content.decode()
    assert words in html
    if who != "operator_a":
        assert "sedang diperiksa kecamatan" not in html

"""Scoping of the ekonomi pages that had no scoping test: one household, the kecamatan report,
changing a recipient and previewing an import. Outside the scope: 404; read-only roles: 403 on writes."""

import pytest
from django.urls import reverse

from desa.models import Pengguna
from kependudukan.ekonomi.models import ImporEkonomi, PenerimaBantuan
from kependudukan.models.impor import StatusImpor
from tests.akses import role_page_tests
from tests.factories.ekonomi import KeluargaFactory, PenerimaBantuanFactory
from tests.factories.kependudukan import recent
from tests.factories.wilayah import KODE_DESA_A, KODE_KECAMATAN, DesaFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "operator_a",
    "operator_b",
    "operator_luar",
    "kasi_trantib",
    "kasi_trantib_luar",
    "camat",
    "kabupaten",
]
OUTSIDERS = {"operator_b": 404, "operator_luar": 404, "kasi_trantib_luar": 404}


def keluarga_detail():
    keluarga = KeluargaFactory(desa=DesaFactory(kode=KODE_DESA_A))
    return reverse("ekonomi:keluarga_detail", args=[KODE_DESA_A, keluarga.pk])


def laporan_kecamatan():
    return reverse("ekonomi:laporan_kecamatan", args=[KODE_KECAMATAN, str(recent(1))])


def penerima_update(penerima=None):
    penerima = penerima or PenerimaBantuanFactory(desa=DesaFactory(kode=KODE_DESA_A))
    return reverse("ekonomi:penerima_update", args=[KODE_DESA_A, penerima.pk])


def impor_pratinjau():
    """An upload of the operator of desa A; an upload is only ever its uploader's."""
    impor = ImporEkonomi.objects.create(
        pengguna=Pengguna.objects.get(username="operator.a"),
        nama_berkas="impor-ekonomi.xlsx",
        status=StatusImpor.DITOLAK,
        hasil={},
    )
    return reverse("ekonomi:impor_pratinjau", args=[impor.pk])


PAGES = {
    "keluarga desa A": (keluarga_detail, OUTSIDERS),
    "laporan ekonomi Paringin": (laporan_kecamatan, {"operator_luar": 404, "kasi_trantib_luar": 404}),
    "ubah penerima desa A": (penerima_update, {**OUTSIDERS, "camat": 403, "kabupaten": 403}),
    "pratinjau impor operator A": (
        impor_pratinjau,
        dict.fromkeys(
            ["operator_b", "operator_luar", "kasi_trantib", "kasi_trantib_luar", "camat", "kabupaten"], 404
        ),
    ),
}

test_each_role_gets_exactly_what_it_may, test_anonymous_users_are_sent_to_login = role_page_tests(
    PAGES, ROLES
)


def post_data(penerima, **changes):
    data = {
        "program": penerima.program_id,
        "nik": penerima.nik,
        "nama": penerima.nama,
        "no_kk": penerima.no_kk,
        "keterangan": penerima.keterangan,
        "bulan_mulai": str(recent(1)),
    }
    return {**data, **changes}


@pytest.fixture
def penerima(desa_a):
    return PenerimaBantuanFactory(desa=desa_a, nama="Siti Aminah")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("camat", 403),
        ("kabupaten", 403),
        ("operator_b", 404),
        ("operator_luar", 404),
        ("kasi_trantib_luar", 404),
    ],
)
def test_a_recipient_is_changed_by_nobody_outside_the_desa_or_read_only(
    cast, client_for, penerima, role, status
):
    response = client_for(cast[role]).post(penerima_update(penerima), post_data(penerima, nama="Nama Baru"))
    assert response.status_code == status
    assert PenerimaBantuan.objects.get(pk=penerima.pk).nama == "Siti Aminah"


def test_the_operator_of_the_desa_changes_its_recipient(client_for, operator_a, penerima):
    response = client_for(operator_a).post(penerima_update(penerima), post_data(penerima, nama="Nama Baru"))
    assert response.status_code == 302
    assert PenerimaBantuan.objects.get(pk=penerima.pk).nama == "Nama Baru"

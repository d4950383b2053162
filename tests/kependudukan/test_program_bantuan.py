"""Aid programmes belong to a kabupaten or are national; only an administrator adds them, and
every list, form and import sees the national ones and its own kabupaten's only."""

import io

import pytest
from django.test import Client
from django.urls import reverse

from desa.models import Desa, Kabupaten
from desa.scoping import Peran
from kependudukan.ekonomi.impor.periksa import periksa_berkas
from kependudukan.ekonomi.laporan import rekap_ekonomi
from kependudukan.ekonomi.models import ProgramBantuan
from tests.factories.kependudukan import recent
from tests.factories.pengguna import make_user
from tests.factories.wilayah import muat_kabupaten
from tests.kependudukan.workbooks_ekonomi import penerima_row, workbook_bytes

pytestmark = pytest.mark.django_db

DATA = {"kode": "bst", "nama": "Bantuan Sosial Tunai", "sasaran": "keluarga", "untuk_desil_1_4": "on"}
URL = "ekonomi:program_list"


@pytest.fixture
def tabalong(wilayah):
    """Another kabupaten of the same provinsi, with one desa and its operator."""
    muat_kabupaten("63.09")
    kabupaten = Kabupaten.objects.get(pk="63.09")
    desa = Desa.objects.filter(kecamatan__kabupaten=kabupaten).first()
    operator = make_user("operator.jangkung", peran=Peran.OPERATOR_DESA, desa=desa)
    return kabupaten, desa, operator


@pytest.mark.parametrize("role", ["kabupaten", "camat", "kasi_trantib", "operator_a"])
def test_no_role_but_the_administrator_adds_a_programme(cast, client_for, role):
    assert client_for(cast[role]).post(reverse(URL), DATA).status_code == 403
    assert not ProgramBantuan.objects.filter(kode="BST").exists()
    assert "Tambah program" not in client_for(cast[role]).get(reverse(URL)).content.decode()


def test_the_administrator_adds_a_programme_of_one_kabupaten(client_for, admin_user, tabalong):
    kabupaten, _, _ = tabalong
    response = client_for(admin_user).post(reverse(URL), {**DATA, "kabupaten": kabupaten.pk})
    assert response.status_code == 302
    assert ProgramBantuan.objects.get(kode="BST").kabupaten == kabupaten


def test_a_kabupaten_code_may_not_repeat_a_national_one(client_for, admin_user, tabalong):
    kabupaten, _, _ = tabalong
    response = client_for(admin_user).post(reverse(URL), {**DATA, "kode": "pkh", "kabupaten": kabupaten.pk})
    assert response.status_code == 200
    assert "Kode PKH sudah dipakai" in response.content.decode()


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_programme_of_one_kabupaten_is_seen_only_inside_it(operator_a, desa_a, tabalong):
    kabupaten, desa_tabalong, operator_tabalong = tabalong
    ProgramBantuan.objects.create(kabupaten=kabupaten, kode="JAMSOS-TBL", nama="Jaminan Sosial Tabalong")
    own = client_of(operator_tabalong)
    other = client_of(operator_a)
    assert "JAMSOS-TBL" in own.get(reverse(URL)).content.decode()
    assert "JAMSOS-TBL" not in other.get(reverse(URL)).content.decode()
    create = "ekonomi:penerima_create"
    assert "JAMSOS-TBL" in own.get(reverse(create, args=[desa_tabalong.pk])).content.decode()
    page = other.get(reverse(create, args=[desa_a.pk])).content.decode()
    assert "JAMSOS-TBL" not in page and "PKH" in page
    assert "JAMSOS-TBL" not in [item.kode for item in rekap_ekonomi([desa_a], recent(1))[desa_a.pk].program]


def test_an_import_knows_only_the_programmes_of_its_desa_kabupaten(desa_a, tabalong):
    kabupaten, _, _ = tabalong
    ProgramBantuan.objects.create(kabupaten=kabupaten, kode="JAMSOS-TBL", nama="Jaminan Sosial Tabalong")
    content = workbook_bytes(penerima=[penerima_row(program="JAMSOS-TBL")])
    hasil = periksa_berkas(io.BytesIO(content), desa_boleh=None)
    assert not hasil.ok
    assert "Program 'JAMSOS-TBL' tidak dikenal" in hasil.kesalahan[0].pesan
    assert "JAMSOS-TBL" not in hasil.kesalahan[0].pesan.split("Pakai salah satu:")[1]

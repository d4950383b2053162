"""The fixed cast of every test: two operators of two desa of Kecamatan Paringin,
its Kasi Trantib and Camat, the Kabupaten role, and an operator of another kecamatan.

The wilayah come from the data migration, so the codes are the real ones.
"""

import pytest

from desa.models import Desa, Kabupaten, Kecamatan, Pengguna
from desa.scoping import Peran
from desa.wilayah import BALANGAN_CSV, apply_wilayah, parse_wilayah

PASSWORD = "sandi-uji-123"
KODE_DESA_A = "63.11.06.2005"  # Desa Balang, Kecamatan Paringin
KODE_DESA_B = "63.11.06.2014"  # Desa Lok Batung, Kecamatan Paringin
KODE_DESA_LUAR = "63.11.01.2003"  # Desa Juai, Kecamatan Juai


def make_user(username, **fields):
    user = Pengguna(username=username, email=f"{username}@contoh.id", **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def wilayah(db):
    """The Balangan wilayah of the data migration.

    A transactional test (the browser tests) flushes the database when it ends, so the
    rows are loaded again when they are missing; otherwise this costs one query.
    """
    if not Desa.objects.exists():
        apply_wilayah(parse_wilayah(BALANGAN_CSV.read_text(encoding="utf-8")), Kabupaten, Kecamatan, Desa)


@pytest.fixture
def kecamatan(wilayah):
    return Kecamatan.objects.get(pk="63.11.06")


@pytest.fixture
def desa_a(wilayah):
    return Desa.objects.select_related("kecamatan").get(pk=KODE_DESA_A)


@pytest.fixture
def desa_b(wilayah):
    return Desa.objects.select_related("kecamatan").get(pk=KODE_DESA_B)


@pytest.fixture
def desa_luar(wilayah):
    return Desa.objects.select_related("kecamatan").get(pk=KODE_DESA_LUAR)


@pytest.fixture
def operator_a(desa_a):
    return make_user("operator.a", peran=Peran.OPERATOR_DESA, desa=desa_a, telepon="081234567801")


@pytest.fixture
def operator_b(desa_b):
    return make_user("operator.b", peran=Peran.OPERATOR_DESA, desa=desa_b, telepon="081234567802")


@pytest.fixture
def operator_luar(desa_luar):
    return make_user("operator.luar", peran=Peran.OPERATOR_DESA, desa=desa_luar)


@pytest.fixture
def kasi_trantib(kecamatan):
    return make_user("trantib", peran=Peran.KASI_TRANTIB, kecamatan=kecamatan, telepon="081234567803")


@pytest.fixture
def camat(kecamatan):
    return make_user("camat", peran=Peran.CAMAT, kecamatan=kecamatan)


@pytest.fixture
def kabupaten(wilayah):
    return make_user("kabupaten", peran=Peran.KABUPATEN, kabupaten=Kabupaten.objects.get(pk="63.11"))


@pytest.fixture
def admin_user(db):
    return make_user("admin", peran=Peran.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def cast(operator_a, operator_b, operator_luar, kasi_trantib, camat, kabupaten, admin_user):
    return {
        "operator_a": operator_a,
        "operator_b": operator_b,
        "operator_luar": operator_luar,
        "kasi_trantib": kasi_trantib,
        "camat": camat,
        "kabupaten": kabupaten,
        "admin": admin_user,
    }


@pytest.fixture
def client_for(client):
    """client_for(user) logs the test client in as that user."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login

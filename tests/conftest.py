"""The fixed cast of every test: two operators of two desa of Kecamatan Paringin,
its Kasi Trantib and Camat, the Kabupaten role, and an operator of another kecamatan.

The wilayah come from the data migration, so the codes are the real ones. The builders live in
tests/factories/; this module only names the cast.
"""

import pytest

from desa.scoping import Peran
from tests.factories.pengguna import make_user
from tests.factories.wilayah import (
    KODE_DESA_A,
    KODE_DESA_B,
    KODE_DESA_LUAR,
    DesaFactory,
    KabupatenFactory,
    KecamatanFactory,
    load_wilayah,
)


@pytest.fixture(autouse=True)
def _cache_kosong():
    """Each test starts with an empty cache: factories write rows without the version bump of a
    real write (desa.gerbang), so a count kept by an earlier test could match a later one's key."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def wilayah(db):
    """The Balangan wilayah of the data migration; costs one query when it is already there."""
    load_wilayah()


@pytest.fixture
def kecamatan(wilayah):
    return KecamatanFactory()


@pytest.fixture
def desa_a(wilayah):
    return DesaFactory(kode=KODE_DESA_A)


@pytest.fixture
def desa_b(wilayah):
    return DesaFactory(kode=KODE_DESA_B)


@pytest.fixture
def desa_luar(wilayah):
    return DesaFactory(kode=KODE_DESA_LUAR)


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
def kasi_trantib_luar(desa_luar):
    """The Kasi Trantib of Kecamatan Juai, the kecamatan of desa luar."""
    return make_user("trantib.juai", peran=Peran.KASI_TRANTIB, kecamatan=desa_luar.kecamatan)


@pytest.fixture
def camat(kecamatan):
    return make_user("camat", peran=Peran.CAMAT, kecamatan=kecamatan)


@pytest.fixture
def kabupaten(wilayah):
    return make_user("kabupaten", peran=Peran.KABUPATEN, kabupaten=KabupatenFactory())


@pytest.fixture
def admin_user(db):
    return make_user("admin", peran=Peran.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def cast(
    operator_a, operator_b, operator_luar, kasi_trantib, kasi_trantib_luar, camat, kabupaten, admin_user
):
    return {
        "operator_a": operator_a,
        "operator_b": operator_b,
        "operator_luar": operator_luar,
        "kasi_trantib": kasi_trantib,
        "kasi_trantib_luar": kasi_trantib_luar,
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


@pytest.fixture
def private_media(settings, tmp_path):
    """Uploaded files (workbooks, photos, attachments) of a test go to a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

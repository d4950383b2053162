"""The Balangan wilayah of the data migration, with the real codes, and the desa the cast works in.

Kabupaten, kecamatan and desa are never made up: the factories fetch the migrated rows by code.
"""

import factory
from factory.django import DjangoModelFactory

from desa.models import RT, Desa, Kabupaten, Kecamatan, Provinsi
from desa.wilayah import indonesia, muat_wilayah, pilih

KODE_KABUPATEN = "63.11"  # Kabupaten Balangan
KODE_KECAMATAN = "63.11.06"  # Kecamatan Paringin
KODE_DESA_A = "63.11.06.2005"  # Desa Balang, Kecamatan Paringin
KODE_DESA_B = "63.11.06.2014"  # Desa Lok Batung, Kecamatan Paringin
KODE_DESA_LUAR = "63.11.01.2003"  # Desa Juai, Kecamatan Juai


def load_wilayah():
    """Load the wilayah rows when they are missing (a transactional test flushes them when it ends):
    Balangan with its provinsi, as the migrations left them."""
    if not Desa.objects.exists():
        muat_kabupaten(KODE_KABUPATEN)


def muat_kabupaten(*kode):
    """Load kabupaten of the national file by code, with their provinsi: the real wilayah."""
    muat_wilayah(pilih(indonesia(), kode), Provinsi, Kabupaten, Kecamatan, Desa)


class _Migrated(DjangoModelFactory):
    """A wilayah row of the migration, looked up by its code; a code that is not there fails loudly."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, kode):
        return model_class.objects.get(pk=kode)


class KabupatenFactory(_Migrated):
    class Meta:
        model = Kabupaten

    kode = KODE_KABUPATEN


class KecamatanFactory(_Migrated):
    class Meta:
        model = Kecamatan

    kode = KODE_KECAMATAN


class DesaFactory(_Migrated):
    class Meta:
        model = Desa

    kode = KODE_DESA_A

    @classmethod
    def _create(cls, model_class, kode):
        return model_class.objects.select_related("kecamatan").get(pk=kode)


class RTFactory(DjangoModelFactory):
    """An RT of desa A unless told otherwise; RT are made by the operator, not by the migration."""

    class Meta:
        model = RT

    desa = factory.SubFactory(DesaFactory)
    nomor = factory.Sequence(lambda n: n + 1)
    nama_ketua = factory.Sequence(lambda n: f"Ketua RT {n + 1}")

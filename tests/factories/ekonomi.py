"""Households with their first history row, and aid recipients of the migrated programmes."""

import factory
from factory.django import DjangoModelFactory

from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, ProgramBantuan, RiwayatKeluarga
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import recent
from tests.factories.wilayah import DesaFactory


def program(kode):
    return ProgramBantuan.objects.get(kode=kode)


class KeluargaFactory(DjangoModelFactory):
    """A household of four of desa A, checked this month, with the history row a save would write."""

    class Meta:
        model = Keluarga
        skip_postgeneration_save = True

    desa = factory.SubFactory(DesaFactory)
    no_kk = factory.Sequence(lambda n: f"6311060101{n + 1:06d}")
    nik_kepala = factory.LazyFunction(make_nik)
    nama_kepala = factory.Sequence(lambda n: f"Kepala {n + 1}")
    jumlah_anggota = 4
    desil = None
    kategori_ks = ""
    tanggal_pemutakhiran = factory.LazyFunction(lambda: recent(0).awal)

    @factory.post_generation
    def riwayat(keluarga, create, extracted, **kwargs):
        RiwayatKeluarga.objects.create(
            keluarga=keluarga,
            tanggal_pemutakhiran=keluarga.tanggal_pemutakhiran,
            desil=keluarga.desil,
            kategori_ks=keluarga.kategori_ks,
            jumlah_anggota=keluarga.jumlah_anggota,
        )


def make_keluarga(desa, tanggal, desil=None, kategori_ks="", jumlah_anggota=4, **fields):
    return KeluargaFactory(
        desa=desa,
        tanggal_pemutakhiran=tanggal,
        desil=desil,
        kategori_ks=kategori_ks,
        jumlah_anggota=jumlah_anggota,
        **fields,
    )


class PenerimaBantuanFactory(DjangoModelFactory):
    """A woman receiving the programme from last month on."""

    class Meta:
        model = PenerimaBantuan

    desa = factory.SubFactory(DesaFactory)
    program = factory.LazyFunction(lambda: program("PKH"))
    nik = factory.LazyFunction(lambda: make_nik("P"))
    nama = factory.Sequence(lambda n: f"Penerima {n + 1}")
    mulai = factory.LazyFunction(lambda: recent(1))


def make_penerima(desa, kode, mulai, selesai=None, nik=None, **fields):
    if nik:
        fields["nik"] = nik
    fields["selesai"] = selesai.awal if selesai else None
    return PenerimaBantuanFactory(desa=desa, program=program(kode), mulai=mulai, **fields)

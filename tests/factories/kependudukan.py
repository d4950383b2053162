"""Population records: events, data awal and koreksi, with valid NIKs unique within a test run."""

import factory
from factory.django import DjangoModelFactory

from desa.periode import Periode
from kependudukan.models import DataAwal, Koreksi, Peristiwa
from tests.factories.identitas import make_nik
from tests.factories.wilayah import DesaFactory


def day(periode, number):
    return periode.awal.replace(day=number)


def recent(months_back):
    """A month `months_back` before the current one."""
    return Periode.current().shift(-months_back)


class PeristiwaFactory(DjangoModelFactory):
    """An event of last month's 10th; a NIK is made up unless given, except for a LAHIR."""

    class Meta:
        model = Peristiwa

    desa = factory.SubFactory(DesaFactory)
    jenis = "DATANG"
    tanggal_peristiwa = factory.LazyFunction(lambda: day(recent(1), 10))
    tanggal_lapor = factory.SelfAttribute("tanggal_peristiwa")
    jenis_kelamin = "L"
    nama = factory.Sequence(lambda n: f"Warga {n}")
    nik = factory.Maybe(
        factory.LazyAttribute(lambda peristiwa: peristiwa.jenis != "LAHIR"),
        yes_declaration=factory.LazyAttribute(lambda peristiwa: make_nik(peristiwa.jenis_kelamin)),
        no_declaration="",
    )


def make_peristiwa(desa, jenis, tanggal_peristiwa=None, tanggal_lapor=None, *, periode=None, **fields):
    """A saved event, on `tanggal_peristiwa` or else on the 10th of `periode` (last month unless given)."""
    tanggal_peristiwa = tanggal_peristiwa or day(periode or recent(1), 10)
    tanggal_lapor = tanggal_lapor or tanggal_peristiwa
    return PeristiwaFactory(
        desa=desa, jenis=jenis, tanggal_peristiwa=tanggal_peristiwa, tanggal_lapor=tanggal_lapor, **fields
    )


class DataAwalFactory(DjangoModelFactory):
    class Meta:
        model = DataAwal

    desa = factory.SubFactory(DesaFactory)
    periode = factory.LazyFunction(lambda: recent(6))
    wni_l = 100
    wni_p = 110
    wna_l = 0
    wna_p = 0
    jumlah_kk = 60


def make_data_awal(desa, periode, **counts):
    return DataAwalFactory(desa=desa, periode=periode, **counts)


def make_koreksi(desa, tanggal_lapor, alasan="Konsolidasi data Disdukcapil", **counts):
    return Koreksi.objects.create(desa=desa, tanggal_lapor=tanggal_lapor, alasan=alasan, **counts)

"""Linmas records: members with valid NIKs, a whole Satlinmas, activities, incidents, programmes, photos."""

import datetime
from io import BytesIO

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory
from PIL import Image

from desa.ledger import kirim
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from linmas import services
from linmas.models import AnggotaLinmas, Jabatan, JenisKegiatan, Kegiatan, Kejadian, Regu
from tests.factories.identitas import make_nik
from tests.factories.wilayah import DesaFactory


def last_month():
    return Periode.current().previous()


class AnggotaLinmasFactory(DjangoModelFactory):
    """An active member of desa A's regu pengamanan, born in 1990, with an SK of 2024."""

    class Meta:
        model = AnggotaLinmas

    desa = factory.SubFactory(DesaFactory)
    nama = "Ahmad Rahman"
    jenis_kelamin = "L"
    tanggal_lahir = datetime.date(1990, 5, 12)
    nik = factory.LazyAttribute(lambda anggota: make_nik(anggota.jenis_kelamin, anggota.tanggal_lahir))
    alamat = "Jl. Desa No. 1"
    jabatan = Jabatan.ANGGOTA
    regu = Regu.PENGAMANAN
    nomor_sk = "188/12/SK-LINMAS/2024"
    tanggal_sk = datetime.date(2024, 1, 15)


def make_anggota(desa, **fields):
    return AnggotaLinmasFactory(desa=desa, **fields)


class KegiatanFactory(DjangoModelFactory):
    """A night patrol on the 10th of last month; `peserta` lists the members who took part."""

    class Meta:
        model = Kegiatan
        skip_postgeneration_save = True

    desa = factory.SubFactory(DesaFactory)
    tanggal = factory.LazyFunction(lambda: last_month().awal + datetime.timedelta(days=9))
    jenis = JenisKegiatan.RONDA
    tempat = "Pos kamling RT 001"
    uraian = "Ronda malam."

    @factory.post_generation
    def peserta(kegiatan, create, extracted, **kwargs):
        kegiatan.peserta.set(extracted or ())


def make_kegiatan(desa, tanggal, jenis=JenisKegiatan.RONDA, peserta=(), **fields):
    return KegiatanFactory(desa=desa, tanggal=tanggal, jenis=jenis, peserta=peserta, **fields)


class KejadianFactory(DjangoModelFactory):
    class Meta:
        model = Kejadian

    desa = factory.SubFactory(DesaFactory)
    jenis = "kebakaran"
    tempat = "Kebun warga"
    uraian = "Kebakaran lahan."
    tindakan = "Dipadamkan bersama warga."


def make_kejadian(desa, waktu, **fields):
    return KejadianFactory(desa=desa, waktu=waktu, **fields)


def set_program(kecamatan, periode, **minimum):
    return services.program_atur(kecamatan=kecamatan, periode=periode, minimum=minimum, user=None)


def send(desa, periode, user, **fields):
    return kirim(desa=desa, jenis=JenisLaporan.LINMAS, periode=periode, user=user, **fields)


def image_bytes(size=(64, 48), fmt="JPEG", exif=None, mode="RGB", colour=(200, 30, 30)):
    buffer = BytesIO()
    image = Image.new(mode, size, colour)
    params = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def upload(name="foto.jpg", content=None, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content if content is not None else image_bytes(), content_type)


NAMA = [
    "Ahmad Fauzi", "Basri Anwar", "Citra Lestari", "Dedi Kurniawan", "Erna Wati", "Fajar Ramadhan",
    "Gusti Rahmat", "Hendra Saputra", "Irwan Syah", "Joko Susilo", "Khairul Anam", "Lina Marlina",
    "M. Ridwan", "Nur Hasanah", "Oki Pratama", "Putri Ayu", "Rusdi Hidayat", "Siti Aminah",
    "Taufik Hidayat", "Udin Samsudin", "Wahyu Hidayat", "Yusuf Maulana",
]  # fmt: skip


def make_satlinmas(desa):
    """A whole Satlinmas of 22: the Kepala Satuan, the Danton, and five regu of a Danru and three members."""
    names = iter(NAMA)
    members = [
        make_anggota(desa, nama=next(names), jabatan=Jabatan.KEPALA_SATUAN, regu=""),
        make_anggota(desa, nama=next(names), jabatan=Jabatan.KEPALA_SATUAN_TUGAS, regu=""),
    ]
    for regu in Regu:
        members.append(make_anggota(desa, nama=next(names), jabatan=Jabatan.KOMANDAN_REGU, regu=regu))
        members.extend(make_anggota(desa, nama=next(names), regu=regu) for _ in range(3))
    return members

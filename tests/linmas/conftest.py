"""Factories for the Linmas tests: members with valid NIKs, activities, programmes, photos."""

import datetime
import itertools
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from desa.ledger import laporan_kirim
from desa.models.laporan import JenisLaporan
from desa.periode import WITA, Periode
from linmas import services
from linmas.models import AnggotaLinmas, Jabatan, JenisKegiatan, Kegiatan, Kejadian, Regu

_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Photos of a test go to its own folder under MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def nik_for(tanggal_lahir, jenis_kelamin="L", serial=None):
    hari = tanggal_lahir.day + (40 if jenis_kelamin == "P" else 0)
    return f"631106{hari:02d}{tanggal_lahir:%m%y}{serial or next(_serial):04d}"


def last_month():
    return Periode.current().previous()


def make_anggota(desa, **fields):
    lahir = fields.pop("tanggal_lahir", datetime.date(1990, 5, 12))
    jenis_kelamin = fields.pop("jenis_kelamin", "L")
    values = {
        "nik": nik_for(lahir, jenis_kelamin),
        "nama": "Ahmad Rahman",
        "jenis_kelamin": jenis_kelamin,
        "tanggal_lahir": lahir,
        "alamat": "Jl. Desa No. 1",
        "jabatan": Jabatan.ANGGOTA,
        "regu": Regu.PENGAMANAN,
        "nomor_sk": "188/12/SK-LINMAS/2024",
        "tanggal_sk": datetime.date(2024, 1, 15),
    }
    values.update(fields)
    return AnggotaLinmas.objects.create(desa=desa, **values)


def make_kegiatan(desa, tanggal, jenis=JenisKegiatan.RONDA, peserta=(), **fields):
    kegiatan = Kegiatan.objects.create(
        desa=desa, tanggal=tanggal, jenis=jenis, tempat="Pos kamling RT 001", uraian="Ronda malam.", **fields
    )
    kegiatan.peserta.set(peserta)
    return kegiatan


def make_kejadian(desa, waktu, **fields):
    values = {
        "jenis": "kebakaran",
        "tempat": "Kebun warga",
        "uraian": "Kebakaran lahan.",
        "tindakan": "Dipadamkan bersama warga.",
    }
    values.update(fields)
    return Kejadian.objects.create(desa=desa, waktu=waktu, **values)


def wita(day, hour=20, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WITA)


def set_program(kecamatan, periode, **minimum):
    return services.program_atur(kecamatan=kecamatan, periode=periode, minimum=minimum, user=None)


def send(desa, periode, user, **fields):
    return laporan_kirim(desa=desa, jenis=JenisLaporan.LINMAS, periode=periode, user=user, **fields)


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


@pytest.fixture
def roster_a(desa_a):
    """Two active members of Desa Balang."""
    return [
        make_anggota(desa_a, nama="Basri Anwar"),
        make_anggota(desa_a, nama="Rusdi Hidayat", regu=Regu.DAPUR_UMUM),
    ]


@pytest.fixture
def day_last_month():
    return last_month().awal + datetime.timedelta(days=9)


@pytest.fixture
def now():
    return timezone.now()

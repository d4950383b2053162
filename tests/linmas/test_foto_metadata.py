"""A re-encoded photo carries only its pixels: no comment, EXIF (GPS), XMP, colour profile or IPTC."""

import struct
from io import BytesIO

import pytest
from PIL import ExifTags, Image

from linmas import services
from linmas.foto import foto_siapkan
from linmas.models import Kegiatan
from tests.factories.linmas import upload

pytestmark = pytest.mark.django_db

COMMENT = b"Rumah Pak Basri, Jl. Ahmad Yani RT 003"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
IPTC = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x00"
ICC = b"\x00" * 128  # only carried, never interpreted


def segments(jpeg):
    """The markers of a JPEG's header segments, up to the start of the image data."""
    assert jpeg[:2] == b"\xff\xd8"
    markers, position = [], 2
    while True:
        marker = jpeg[position + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return markers
        (length,) = struct.unpack(">H", jpeg[position + 2 : position + 4])
        position += 2 + length


def phone_photo():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Kamera HP"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (2.0, 19.0, 48.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (115.0, 28.0, 12.0),
    }
    app13 = b"\xff\xed" + struct.pack(">H", len(IPTC) + 2) + IPTC
    buffer = BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 60)).save(
        buffer, format="JPEG", comment=COMMENT, exif=exif, xmp=XMP, icc_profile=ICC, extra=app13
    )
    return buffer.getvalue()


def only_pixels(jpeg):
    markers = segments(jpeg)
    assert 0xFE not in markers  # COM
    assert not [marker for marker in markers if 0xE1 <= marker <= 0xEF]  # APP1 (EXIF, XMP) … APP15
    for leaked in (COMMENT, b"Exif", b"GPS", b"xmpmeta", b"ICC_PROFILE", b"Photoshop"):
        assert leaked not in jpeg


def test_the_sample_carries_every_kind_of_metadata():
    markers = segments(phone_photo())
    assert {0xFE, 0xE1, 0xE2, 0xED} <= set(markers)
    assert Image.open(BytesIO(phone_photo())).getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_the_photo_and_its_thumbnail_arrive_without_comment_exif_xmp_icc_or_iptc():
    siap = foto_siapkan(upload("hp.jpg", phone_photo()))
    only_pixels(siap.isi)
    only_pixels(siap.kecil)


def test_the_stored_files_have_no_metadata_either(desa_a, roster_a, day_last_month):
    kegiatan = services.kegiatan_simpan(
        kegiatan=Kegiatan(desa=desa_a, tanggal=day_last_month, jenis="ronda", tempat="Pos", uraian="Ronda"),
        peserta=roster_a,
        foto_baru=[foto_siapkan(upload("hp.jpg", phone_photo()))],
        user=None,
    )
    foto = kegiatan.foto_set.get()
    for field in (foto.berkas, foto.kecil):
        with field.open("rb") as stored:
            only_pixels(stored.read())

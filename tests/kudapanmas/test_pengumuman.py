"""Announcements: posted by the Kasi Trantib, shown on the kecamatan's home pages until they expire."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kudapanmas.models import Pengumuman

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post(client, **fields):
    data = {
        "judul": "Rapat koordinasi",
        "isi": "Rapat operator desa hari Senin pukul 09.00 di aula kecamatan.",
        "berlaku_sampai": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        **fields,
    }
    return client.post(reverse("kudapanmas:pengumuman", args=["63.11.06"]), data, follow=True)


def test_the_kasi_trantib_posts_an_announcement(cast, client_for, kasi_trantib):
    response = post(client_for(kasi_trantib), tautan="https://contoh.id/panduan")
    assert "tampil di beranda operator" in response.content.decode()
    item = Pengumuman.objects.get()
    assert (item.kecamatan_id, item.dibuat_oleh, item.tautan) == (
        "63.11.06",
        kasi_trantib,
        "https://contoh.id/panduan",
    )


def test_the_announcement_shows_on_the_operators_home_of_that_kecamatan_only(cast, client_for, kasi_trantib):
    post(client_for(kasi_trantib))
    assert "Rapat koordinasi" in client_for(cast["operator_a"]).get("/").content.decode()
    assert "Rapat koordinasi" in client_for(cast["operator_b"]).get("/").content.decode()
    assert "Rapat koordinasi" not in client_for(cast["operator_luar"]).get("/").content.decode()


def test_an_expired_announcement_no_longer_shows(cast, client_for, kasi_trantib):
    post(client_for(kasi_trantib))
    Pengumuman.objects.update(berlaku_sampai=timezone.localdate() - datetime.timedelta(days=1))
    assert "Rapat koordinasi" not in client_for(cast["operator_a"]).get("/").content.decode()
    listing = (
        client_for(kasi_trantib).get(reverse("kudapanmas:pengumuman", args=["63.11.06"])).content.decode()
    )
    assert "Berakhir" in listing


def test_an_announcement_shows_until_the_end_of_its_last_day(cast, client_for, kasi_trantib):
    post(client_for(kasi_trantib))
    Pengumuman.objects.update(berlaku_sampai=timezone.localdate())
    assert "Rapat koordinasi" in client_for(cast["operator_a"]).get("/").content.decode()


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"judul": ""}, "Bidang ini tidak boleh kosong"),
        ({"berlaku_sampai": "2000-01-01"}, "Tanggal sudah lewat"),
        ({"berlaku_sampai": "2999-01-01"}, "Paling lama satu tahun"),
        ({"tautan": "javascript:alert(1)"}, "Tulis alamat web yang lengkap"),
    ],
)
def test_bad_input_is_refused_with_a_message(cast, client_for, kasi_trantib, fields, message):
    response = post(client_for(kasi_trantib), **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Pengumuman.objects.exists()


def test_a_pdf_attachment_is_served_only_inside_the_kecamatan(cast, client_for, kasi_trantib):
    post(client_for(kasi_trantib), lampiran=SimpleUploadedFile("panduan.pdf", PDF, "application/pdf"))
    item = Pengumuman.objects.get()
    url = reverse("kudapanmas:pengumuman_lampiran", args=[item.pk])
    assert url in client_for(cast["operator_a"]).get("/").content.decode()
    response = client_for(cast["operator_a"]).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert client_for(cast["operator_luar"]).get(url).status_code == 404


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("virus.exe", PDF, "Lampiran harus berkas PDF."),
        ("palsu.pdf", b"MZ\x90\x00", "Lampiran harus berkas PDF yang sah."),
    ],
)
def test_only_a_real_pdf_is_accepted(cast, client_for, kasi_trantib, name, content, message):
    response = post(client_for(kasi_trantib), lampiran=SimpleUploadedFile(name, content))
    assert message in response.content.decode()
    assert not Pengumuman.objects.exists()


def test_the_kasi_trantib_deletes_an_announcement_and_its_file(cast, client_for, kasi_trantib, tmp_path):
    post(client_for(kasi_trantib), lampiran=SimpleUploadedFile("panduan.pdf", PDF))
    item = Pengumuman.objects.get()
    path = item.lampiran.path
    response = client_for(kasi_trantib).post(
        reverse("kudapanmas:pengumuman_hapus", args=[item.pk]), follow=True
    )
    assert "dihapus" in response.content.decode()
    assert not Pengumuman.objects.exists()
    assert not os.path.exists(path)


@pytest.mark.parametrize(
    "role,status", [("camat", 403), ("operator_a", 403), ("kabupaten", 403), ("operator_luar", 404)]
)
def test_only_the_kasi_trantib_deletes(cast, client_for, kasi_trantib, role, status):
    post(client_for(kasi_trantib))
    item = Pengumuman.objects.get()
    assert (
        client_for(cast[role]).post(reverse("kudapanmas:pengumuman_hapus", args=[item.pk])).status_code
        == status
    )
    assert Pengumuman.objects.exists()


def test_deleting_with_get_is_405(cast, client_for, kasi_trantib):
    post(client_for(kasi_trantib))
    item = Pengumuman.objects.get()
    assert (
        client_for(kasi_trantib).get(reverse("kudapanmas:pengumuman_hapus", args=[item.pk])).status_code
        == 405
    )


@pytest.mark.parametrize("role", ["camat", "operator_a"])
def test_others_cannot_post(cast, client_for, role):
    response = post(client_for(cast[role]))
    assert response.status_code == 403
    assert not Pengumuman.objects.exists()

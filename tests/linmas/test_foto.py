from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from linmas import services
from linmas.foto import FotoDitolak, foto_siapkan
from linmas.models import FotoKegiatan, Kegiatan
from tests.factories.linmas import image_bytes, last_month, send, upload

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "S",
    ExifTags.GPS.GPSLatitude: (2.0, 19.0, 48.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (115.0, 28.0, 12.0),
}


def exif_with_gps(orientation=None):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Kamera HP"
    exif[ExifTags.IFD.GPSInfo] = GPS
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    return exif


class TestChecks:
    def test_a_text_file_renamed_to_jpg_is_refused(self):
        with pytest.raises(FotoDitolak, match="bukan gambar JPEG, PNG atau WebP"):
            foto_siapkan(SimpleUploadedFile("foto.jpg", b"ini surat, bukan foto", "image/jpeg"))

    def test_a_gif_named_jpg_is_refused_by_its_content(self):
        with pytest.raises(FotoDitolak, match="hanya foto JPEG, PNG atau WebP"):
            foto_siapkan(upload("foto.jpg", image_bytes(fmt="GIF", mode="P")))

    def test_a_truncated_jpeg_is_refused(self):
        content = image_bytes(size=(400, 300))
        with pytest.raises(FotoDitolak, match="yang utuh"):
            foto_siapkan(upload("potong.jpg", content[: len(content) // 2]))

    def test_a_file_over_ten_megabytes_is_refused(self):
        big = SimpleUploadedFile("besar.jpg", image_bytes() + b"\0" * (10 * 1024 * 1024), "image/jpeg")
        with pytest.raises(FotoDitolak, match=r"besar\.jpg: ukurannya 10,0 MB, padahal paling besar 10 MB"):
            foto_siapkan(big)

    @pytest.mark.parametrize(("fmt", "mode"), [("PNG", "RGBA"), ("WEBP", "RGB"), ("PNG", "P")])
    def test_png_and_webp_are_accepted_and_stored_as_jpeg(self, fmt, mode):
        siap = foto_siapkan(
            upload("gambar.bin", image_bytes(fmt=fmt, mode=mode, colour=3 if mode == "P" else None))
        )
        assert Image.open(BytesIO(siap.isi)).format == "JPEG"


class TestReEncoding:
    def test_the_gps_tag_and_other_exif_are_gone(self):
        original = image_bytes(size=(800, 600), exif=exif_with_gps())
        assert Image.open(BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
        siap = foto_siapkan(upload("hp.jpg", original))
        for stored in (siap.isi, siap.kecil):
            image = Image.open(BytesIO(stored))
            assert not image.getexif()
            assert b"Exif" not in stored

    def test_a_large_photo_is_shrunk_to_1600_with_a_320_thumbnail(self):
        siap = foto_siapkan(upload("besar.jpg", image_bytes(size=(3000, 2000))))
        assert (siap.lebar, siap.tinggi) == (1600, 1067)
        assert Image.open(BytesIO(siap.isi)).size == (1600, 1067)
        assert Image.open(BytesIO(siap.kecil)).size == (320, 213)

    def test_a_small_photo_is_not_enlarged(self):
        siap = foto_siapkan(upload("kecil.jpg", image_bytes(size=(200, 150))))
        assert (siap.lebar, siap.tinggi) == (200, 150)

    def test_a_sideways_phone_photo_is_turned_upright(self):
        siap = foto_siapkan(
            upload("miring.jpg", image_bytes(size=(200, 100), exif=exif_with_gps(orientation=6)))
        )
        assert (siap.lebar, siap.tinggi) == (100, 200)


@pytest.fixture
def kegiatan_a(desa_a, roster_a, day_last_month):
    return services.kegiatan_simpan(
        kegiatan=Kegiatan(desa=desa_a, tanggal=day_last_month, jenis="ronda", tempat="Pos", uraian="Ronda"),
        peserta=roster_a,
        foto_baru=[foto_siapkan(upload("satu.jpg", image_bytes(exif=exif_with_gps())))],
        user=None,
    )


class TestStorage:
    def test_photos_live_under_the_private_media_root(self, kegiatan_a, private_media):
        foto = kegiatan_a.foto_set.get()
        for field in (foto.berkas, foto.kecil):
            path = Path(field.path)
            assert path.is_file()
            assert path.is_relative_to(private_media)
            assert not path.is_relative_to(Path(settings.BASE_DIR) / "static")
        assert foto.berkas.name.startswith(f"linmas/{kegiatan_a.desa_id}/")
        assert "satu" not in foto.berkas.name  # random names, not the uploaded one

    def test_at_most_ten_photos_per_activity(self, kegiatan_a):
        fotos = [foto_siapkan(upload(f"{n}.jpg")) for n in range(10)]
        with pytest.raises(FotoDitolak, match="paling banyak 10 foto"):
            services.foto_tambah(kegiatan=kegiatan_a, foto_baru=fotos)
        assert kegiatan_a.foto_set.count() == 1
        services.foto_tambah(kegiatan=kegiatan_a, foto_baru=fotos[:9])
        assert kegiatan_a.foto_set.count() == 10

    def test_deleting_the_activity_deletes_the_files(self, kegiatan_a, django_capture_on_commit_callbacks):
        path = Path(kegiatan_a.foto_set.get().berkas.path)
        with django_capture_on_commit_callbacks(execute=True):
            services.kegiatan_hapus(kegiatan=kegiatan_a)
        assert not path.exists()


class TestServing:
    @pytest.mark.parametrize("name", ["linmas:foto_lihat", "linmas:foto_kecil"])
    @pytest.mark.parametrize("role", ["operator_a", "kasi_trantib", "camat", "kabupaten"])
    def test_users_who_may_see_the_desa_get_the_photo(self, client_for, cast, kegiatan_a, role, name):
        foto = kegiatan_a.foto_set.get()
        response = client_for(cast[role]).get(reverse(name, args=[foto.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "private, max-age=300"
        stored = foto.berkas if name == "linmas:foto_lihat" else foto.kecil
        assert b"".join(response.streaming_content) == Path(stored.path).read_bytes()

    @pytest.mark.parametrize("name", ["linmas:foto_lihat", "linmas:foto_kecil"])
    @pytest.mark.parametrize("role", ["operator_b", "operator_luar"])
    def test_another_desas_operator_gets_404(self, client_for, cast, kegiatan_a, role, name):
        foto = kegiatan_a.foto_set.get()
        assert client_for(cast[role]).get(reverse(name, args=[foto.pk])).status_code == 404

    def test_an_anonymous_visitor_gets_no_photo(self, client, kegiatan_a):
        response = client.get(reverse("linmas:foto_lihat", args=[kegiatan_a.foto_set.get().pk]))
        assert response.status_code == 302

    def test_a_missing_file_is_404_not_500(self, client_for, operator_a, kegiatan_a):
        foto = kegiatan_a.foto_set.get()
        Path(foto.berkas.path).unlink()
        assert client_for(operator_a).get(reverse("linmas:foto_lihat", args=[foto.pk])).status_code == 404

    def test_media_files_have_no_public_url(self, client_for, operator_a, kegiatan_a):
        foto = kegiatan_a.foto_set.get()
        assert client_for(operator_a).get(settings.MEDIA_URL + foto.berkas.name).status_code == 404


class TestDeletingAPhoto:
    def test_the_operator_deletes_a_photo_and_its_files(
        self, client_for, operator_a, kegiatan_a, django_capture_on_commit_callbacks
    ):
        foto = kegiatan_a.foto_set.get()
        path = Path(foto.kecil.path)
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(operator_a).post(reverse("linmas:foto_hapus", args=[foto.pk]))
        assert response.status_code == 302
        assert not FotoKegiatan.objects.exists()
        assert not path.exists()

    def test_another_desa_is_404(self, client_for, operator_b, kegiatan_a):
        foto = kegiatan_a.foto_set.get()
        assert client_for(operator_b).post(reverse("linmas:foto_hapus", args=[foto.pk])).status_code == 404
        assert FotoKegiatan.objects.exists()

    @pytest.mark.parametrize("role", ["camat", "kabupaten"])
    def test_a_read_only_role_is_403(self, client_for, cast, kegiatan_a, role):
        foto = kegiatan_a.foto_set.get()
        assert client_for(cast[role]).post(reverse("linmas:foto_hapus", args=[foto.pk])).status_code == 403

    def test_get_is_405(self, client_for, operator_a, kegiatan_a):
        foto = kegiatan_a.foto_set.get()
        assert client_for(operator_a).get(reverse("linmas:foto_hapus", args=[foto.pk])).status_code == 405

    def test_a_sent_month_keeps_its_photos(self, client_for, operator_a, desa_a, kegiatan_a):
        send(desa_a, last_month(), operator_a)
        foto = kegiatan_a.foto_set.get()
        response = client_for(operator_a).post(reverse("linmas:foto_hapus", args=[foto.pk]), follow=True)
        assert "sudah terkirim" in response.content.decode()
        assert FotoKegiatan.objects.filter(pk=foto.pk).exists()

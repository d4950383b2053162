import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from desa.ledger import PeriodeTerkunci, kembalikan
from linmas import services
from linmas.models import FotoKegiatan, Kegiatan
from tests.factories.linmas import image_bytes, last_month, make_anggota, make_kegiatan, send, upload
from tests.linmas.formulir import create_url, kegiatan_data


class TestRecording:
    def test_an_activity_with_participants_gps_and_two_photos(
        self, client_for, operator_a, desa_a, roster_a, day_last_month
    ):
        data = kegiatan_data(
            day_last_month,
            roster_a,
            latitude="-2.330512",
            longitude="115.470101",
            foto=[upload("a.jpg"), upload("b.png", image_bytes(fmt="PNG"), "image/png")],
        )
        response = client_for(operator_a).post(create_url(desa_a), data)
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "linmas:laporan_bulanan", args=[desa_a.kode, str(last_month())]
        )
        kegiatan = Kegiatan.objects.get()
        assert kegiatan.desa == desa_a and kegiatan.dicatat_oleh == operator_a
        assert set(kegiatan.peserta.all()) == set(roster_a)
        assert str(kegiatan.latitude) == "-2.330512"
        assert kegiatan.foto_set.count() == 2

    def test_the_form_has_a_multiple_photo_input_and_the_location_button(
        self, client_for, operator_a, desa_a
    ):
        html = client_for(operator_a).get(create_url(desa_a)).content.decode()
        assert 'type="file"' in html and "multiple" in html
        assert 'accept="image/jpeg,image/png,image/webp"' in html
        assert 'enctype="multipart/form-data"' in html
        assert "data-ambil-lokasi" in html and "js/linmas.js" in html

    def test_the_date_starts_in_the_month_the_operator_came_from(self, client_for, operator_a, desa_a):
        periode = last_month()
        response = client_for(operator_a).get(create_url(desa_a) + f"?periode={periode}")
        assert response.context["form"]["tanggal"].initial == periode.akhir

    def test_a_bad_periode_parameter_falls_back_to_today(self, client_for, operator_a, desa_a):
        response = client_for(operator_a).get(create_url(desa_a) + "?periode=kemarin")
        assert response.context["form"]["tanggal"].initial == timezone.localdate()

    def test_a_renamed_text_file_saves_nothing(
        self, client_for, operator_a, desa_a, roster_a, day_last_month
    ):
        data = kegiatan_data(day_last_month, roster_a, foto=[upload("a.jpg"), upload("surat.jpg", b"teks")])
        response = client_for(operator_a).post(create_url(desa_a), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "surat.jpg: berkas ini bukan gambar JPEG, PNG atau WebP yang utuh." in html
        assert "pilih ulang fotonya" in html
        assert not Kegiatan.objects.exists() and not FotoKegiatan.objects.exists()

    def test_eleven_photos_are_refused(self, client_for, operator_a, desa_a, roster_a, day_last_month):
        data = kegiatan_data(day_last_month, roster_a, foto=[upload(f"{n}.jpg") for n in range(11)])
        response = client_for(operator_a).post(create_url(desa_a), data)
        assert "paling banyak 10 foto" in response.content.decode()
        assert not Kegiatan.objects.exists()

    def test_lainnya_needs_its_description(self, client_for, operator_a, desa_a, roster_a, day_last_month):
        response = client_for(operator_a).post(
            create_url(desa_a), kegiatan_data(day_last_month, roster_a, jenis="lainnya")
        )
        assert "Tulis jenis kegiatannya" in response.content.decode()
        client_for(operator_a).post(
            create_url(desa_a),
            kegiatan_data(day_last_month, roster_a, jenis="lainnya", jenis_lainnya="Gotong royong"),
        )
        assert Kegiatan.objects.get().jenis_label == "Lainnya: Gotong royong"

    def test_a_description_for_another_kind_is_dropped(
        self, client_for, operator_a, desa_a, roster_a, day_last_month
    ):
        client_for(operator_a).post(
            create_url(desa_a), kegiatan_data(day_last_month, roster_a, jenis_lainnya="tersisa")
        )
        assert Kegiatan.objects.get().jenis_lainnya == ""

    @pytest.mark.parametrize(
        ("latitude", "longitude", "message"),
        [
            ("-2.33", "", "Isi lintang dan bujur keduanya"),
            ("-95", "115.4", "Lintang harus antara -90 dan 90 derajat."),
            ("-2.33", "200", "Bujur harus antara -180 dan 180 derajat."),
            ("utara", "115.4", "Tulis angka desimal"),
        ],
    )
    def test_gps_rules(
        self, client_for, operator_a, desa_a, roster_a, day_last_month, latitude, longitude, message
    ):
        data = kegiatan_data(day_last_month, roster_a, latitude=latitude, longitude=longitude)
        response = client_for(operator_a).post(create_url(desa_a), data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Kegiatan.objects.exists()

    def test_a_future_date_is_refused(self, client_for, operator_a, desa_a, roster_a):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        response = client_for(operator_a).post(create_url(desa_a), kegiatan_data(tomorrow, roster_a))
        assert "tidak boleh setelah hari ini" in response.content.decode()

    def test_at_least_one_participant(self, client_for, operator_a, desa_a, roster_a, day_last_month):
        response = client_for(operator_a).post(create_url(desa_a), kegiatan_data(day_last_month, []))
        assert "Pilih paling sedikit satu anggota" in response.content.decode()

    def test_participants_come_from_the_own_active_roster(
        self, client_for, operator_a, desa_a, desa_b, day_last_month
    ):
        other = make_anggota(desa_b)
        former = make_anggota(desa_a, aktif=False, tanggal_berhenti=datetime.date(2025, 1, 1))
        for anggota in (other, former):
            response = client_for(operator_a).post(
                create_url(desa_a), kegiatan_data(day_last_month, [anggota])
            )
            assert "bukan salah satu dari pilihan yang tersedia" in response.content.decode()
        assert not Kegiatan.objects.exists()

    def test_an_empty_roster_points_to_adding_members(self, client_for, operator_a, desa_a):
        html = client_for(operator_a).get(create_url(desa_a)).content.decode()
        assert "Belum ada anggota aktif" in html
        assert reverse("linmas:anggota_create", args=[desa_a.kode]) in html


class TestLock:
    def test_a_sent_month_takes_no_new_activity(
        self, client_for, operator_a, desa_a, roster_a, day_last_month
    ):
        make_kegiatan(desa_a, day_last_month, peserta=roster_a)
        send(desa_a, last_month(), operator_a)
        response = client_for(operator_a).post(create_url(desa_a), kegiatan_data(day_last_month, roster_a))
        assert "sudah terkirim" in response.content.decode()
        assert Kegiatan.objects.count() == 1

    def test_a_sent_months_activity_cannot_be_changed_or_deleted(
        self, client_for, operator_a, desa_a, roster_a, day_last_month
    ):
        kegiatan = make_kegiatan(desa_a, day_last_month, peserta=roster_a)
        send(desa_a, last_month(), operator_a)
        client = client_for(operator_a)
        update = reverse("linmas:kegiatan_update", args=[desa_a.kode, kegiatan.pk])
        response = client.get(update, follow=True)
        assert "sudah terkirim" in response.content.decode()
        client.post(update, kegiatan_data(day_last_month, roster_a, tempat="Diubah"))
        client.post(reverse("linmas:kegiatan_hapus", args=[desa_a.kode, kegiatan.pk]))
        kegiatan.refresh_from_db()
        assert kegiatan.tempat == "Pos kamling RT 001"

    def test_an_activity_cannot_move_out_of_a_sent_month(self, client_for, operator_a, desa_a, roster_a):
        lalu = last_month()
        kegiatan = make_kegiatan(desa_a, lalu.awal, peserta=roster_a)
        send(desa_a, lalu, operator_a)
        with pytest.raises(PeriodeTerkunci, match="sudah terkirim"):
            kegiatan.tanggal = lalu.previous().awal
            services.kegiatan_simpan(
                kegiatan=kegiatan, peserta=roster_a, user=operator_a, tanggal_lama=lalu.awal
            )

    def test_a_returned_month_is_open_again(
        self, client_for, operator_a, kasi_trantib, desa_a, roster_a, day_last_month
    ):
        make_kegiatan(desa_a, day_last_month, peserta=roster_a)
        laporan = send(desa_a, last_month(), operator_a)
        kembalikan(laporan=laporan, user=kasi_trantib, catatan="Tambah foto")
        response = client_for(operator_a).post(create_url(desa_a), kegiatan_data(day_last_month, roster_a))
        assert response.status_code == 302
        assert Kegiatan.objects.count() == 2


class TestDetailAndDelete:
    def test_the_detail_shows_participants_and_location(
        self, client_for, camat, desa_a, roster_a, day_last_month
    ):
        kegiatan = make_kegiatan(
            desa_a, day_last_month, peserta=roster_a, latitude="-2.3305", longitude="115.47"
        )
        response = client_for(camat).get(kegiatan.get_absolute_url())
        html = response.content.decode()
        assert "Basri Anwar" in html and "Rusdi Hidayat" in html
        assert "openstreetmap.org/?mlat=-2.330500&amp;mlon=115.470000" in html
        assert "Hapus kegiatan" not in html  # read-only role

    def test_the_operator_deletes_an_activity(self, client_for, operator_a, desa_a, roster_a, day_last_month):
        kegiatan = make_kegiatan(desa_a, day_last_month, peserta=roster_a)
        response = client_for(operator_a).post(
            reverse("linmas:kegiatan_hapus", args=[desa_a.kode, kegiatan.pk])
        )
        assert response.status_code == 302
        assert not Kegiatan.objects.exists()

    def test_changing_an_activity(self, client_for, operator_a, desa_a, roster_a, day_last_month):
        kegiatan = make_kegiatan(desa_a, day_last_month, peserta=roster_a)
        url = reverse("linmas:kegiatan_update", args=[desa_a.kode, kegiatan.pk])
        client_for(operator_a).post(url, kegiatan_data(day_last_month, roster_a[:1], jenis="patroli"))
        kegiatan.refresh_from_db()
        assert kegiatan.jenis == "patroli" and list(kegiatan.peserta.all()) == roster_a[:1]


class TestScoping:
    @pytest.fixture
    def kegiatan_a(self, desa_a, roster_a, day_last_month):
        return make_kegiatan(desa_a, day_last_month, peserta=roster_a)

    @pytest.mark.parametrize("name", ["kegiatan_detail", "kegiatan_update"])
    def test_another_desa_is_404(self, client_for, operator_b, kegiatan_a, name):
        url = reverse(f"linmas:{name}", args=[kegiatan_a.desa_id, kegiatan_a.pk])
        assert client_for(operator_b).get(url).status_code == 404

    def test_another_desa_cannot_create_or_delete(self, client_for, operator_b, operator_luar, kegiatan_a):
        for user in (operator_b, operator_luar):
            client = client_for(user)
            assert client.get(create_url(kegiatan_a.desa)).status_code == 404
            url = reverse("linmas:kegiatan_hapus", args=[kegiatan_a.desa_id, kegiatan_a.pk])
            assert client.post(url).status_code == 404
        assert Kegiatan.objects.filter(pk=kegiatan_a.pk).exists()

    def test_the_desa_in_the_url_must_be_the_activitys(self, client_for, operator_b, kegiatan_a, desa_b):
        url = reverse("linmas:kegiatan_detail", args=[desa_b.kode, kegiatan_a.pk])
        assert client_for(operator_b).get(url).status_code == 404

    @pytest.mark.parametrize("role", ["camat", "kabupaten"])
    def test_read_only_roles_may_look_but_not_write(self, client_for, cast, kegiatan_a, role):
        client = client_for(cast[role])
        assert client.get(kegiatan_a.get_absolute_url()).status_code == 200
        assert client.get(create_url(kegiatan_a.desa)).status_code == 403
        update = reverse("linmas:kegiatan_update", args=[kegiatan_a.desa_id, kegiatan_a.pk])
        assert client.get(update).status_code == 403
        delete = reverse("linmas:kegiatan_hapus", args=[kegiatan_a.desa_id, kegiatan_a.pk])
        assert client.post(delete).status_code == 403
        assert Kegiatan.objects.filter(pk=kegiatan_a.pk).exists()

    def test_delete_by_get_is_405(self, client_for, operator_a, kegiatan_a):
        url = reverse("linmas:kegiatan_hapus", args=[kegiatan_a.desa_id, kegiatan_a.pk])
        assert client_for(operator_a).get(url).status_code == 405

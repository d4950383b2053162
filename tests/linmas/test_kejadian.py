import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from linmas.models import Kejadian, Penyerahan
from tests.factories.linmas import last_month, make_kejadian, send
from tests.factories.waktu import wita
from tests.linmas.formulir import kejadian_data


@pytest.fixture
def waktu_last_month():
    return wita(last_month().awal + datetime.timedelta(days=3), 21, 30)


def create_url(desa):
    return reverse("linmas:kejadian_create", args=[desa.kode])


class TestRecording:
    def test_an_incident_is_recorded_in_wita(self, client_for, operator_a, desa_a, waktu_last_month):
        response = client_for(operator_a).post(create_url(desa_a), kejadian_data(waktu_last_month))
        assert response.status_code == 302
        kejadian = Kejadian.objects.get()
        assert kejadian.waktu == waktu_last_month
        assert kejadian.desa == desa_a and kejadian.dicatat_oleh == operator_a
        assert kejadian.penyerahan_label == "Diserahkan ke Polsek Paringin"

    def test_another_agency_needs_its_name(self, client_for, operator_a, desa_a, waktu_last_month):
        data = kejadian_data(waktu_last_month, penyerahan="instansi_lain", instansi="")
        response = client_for(operator_a).post(create_url(desa_a), data)
        assert "Tulis nama instansi" in response.content.decode()
        assert not Kejadian.objects.exists()

    def test_not_handed_over_clears_the_agency(self, client_for, operator_a, desa_a, waktu_last_month):
        client_for(operator_a).post(create_url(desa_a), kejadian_data(waktu_last_month, penyerahan="tidak"))
        kejadian = Kejadian.objects.get()
        assert kejadian.instansi == "" and kejadian.penyerahan == Penyerahan.TIDAK

    def test_lainnya_needs_its_description(self, client_for, operator_a, desa_a, waktu_last_month):
        response = client_for(operator_a).post(
            create_url(desa_a), kejadian_data(waktu_last_month, jenis="lainnya")
        )
        assert "Tulis jenis kejadiannya" in response.content.decode()

    def test_a_future_time_is_refused(self, client_for, operator_a, desa_a):
        later = timezone.localtime() + datetime.timedelta(hours=2)
        response = client_for(operator_a).post(create_url(desa_a), kejadian_data(later))
        assert "tidak boleh setelah saat ini" in response.content.decode()

    def test_negative_victims_are_refused(self, client_for, operator_a, desa_a, waktu_last_month):
        response = client_for(operator_a).post(
            create_url(desa_a), kejadian_data(waktu_last_month, korban_luka="-1")
        )
        assert response.status_code == 200
        assert not Kejadian.objects.exists()

    def test_a_garbled_time_is_an_error_not_a_crash(self, client_for, operator_a, desa_a, waktu_last_month):
        data = {**kejadian_data(waktu_last_month), "waktu": "kemarin malam"}
        response = client_for(operator_a).post(create_url(desa_a), data)
        assert response.status_code == 200
        assert not Kejadian.objects.exists()

    def test_changing_and_deleting(self, client_for, operator_a, desa_a, waktu_last_month):
        kejadian = make_kejadian(desa_a, waktu_last_month)
        client = client_for(operator_a)
        url = reverse("linmas:kejadian_update", args=[desa_a.kode, kejadian.pk])
        client.post(url, kejadian_data(waktu_last_month, korban_luka="2"))
        kejadian.refresh_from_db()
        assert kejadian.korban_luka == 2
        client.post(reverse("linmas:kejadian_hapus", args=[desa_a.kode, kejadian.pk]))
        assert not Kejadian.objects.exists()


class TestLock:
    def test_a_sent_month_takes_no_incident_and_keeps_its_own(
        self, client_for, operator_a, desa_a, waktu_last_month
    ):
        kejadian = make_kejadian(desa_a, waktu_last_month)
        send(desa_a, last_month(), operator_a)
        client = client_for(operator_a)
        response = client.post(create_url(desa_a), kejadian_data(waktu_last_month))
        assert "sudah terkirim" in response.content.decode()
        response = client.get(reverse("linmas:kejadian_update", args=[desa_a.kode, kejadian.pk]), follow=True)
        assert "sudah terkirim" in response.content.decode()
        client.post(reverse("linmas:kejadian_hapus", args=[desa_a.kode, kejadian.pk]))
        assert Kejadian.objects.count() == 1

    def test_the_lock_follows_the_month_in_wita(self, client_for, operator_a, desa_a):
        """23.30 WITA on the last day belongs to the sent month; 00.30 on the 1st to the open one."""
        lalu = last_month()
        make_kejadian(desa_a, wita(lalu.akhir, 12))
        send(desa_a, lalu, operator_a)
        client = client_for(operator_a)
        response = client.post(create_url(desa_a), kejadian_data(wita(lalu.akhir, 23, 30)))
        assert "sudah terkirim" in response.content.decode()
        response = client.post(create_url(desa_a), kejadian_data(wita(lalu.next().awal, 0, 30)))
        assert response.status_code == 302
        assert Kejadian.objects.count() == 2


class TestScoping:
    @pytest.fixture
    def kejadian_a(self, desa_a, waktu_last_month):
        return make_kejadian(desa_a, waktu_last_month)

    def test_another_desa_is_404(self, client_for, operator_b, kejadian_a, desa_a, waktu_last_month):
        client = client_for(operator_b)
        assert client.get(create_url(desa_a)).status_code == 404
        update = reverse("linmas:kejadian_update", args=[desa_a.kode, kejadian_a.pk])
        assert client.get(update).status_code == 404
        assert (
            client.post(reverse("linmas:kejadian_hapus", args=[desa_a.kode, kejadian_a.pk])).status_code
            == 404
        )
        assert Kejadian.objects.exists()

    @pytest.mark.parametrize("role", ["camat", "kabupaten"])
    def test_read_only_roles_are_403(self, client_for, cast, kejadian_a, desa_a, waktu_last_month, role):
        client = client_for(cast[role])
        assert client.post(create_url(desa_a), kejadian_data(waktu_last_month)).status_code == 403
        update = reverse("linmas:kejadian_update", args=[desa_a.kode, kejadian_a.pk])
        assert client.get(update).status_code == 403
        assert (
            client.post(reverse("linmas:kejadian_hapus", args=[desa_a.kode, kejadian_a.pk])).status_code
            == 403
        )
        assert Kejadian.objects.count() == 1

    def test_delete_by_get_is_405(self, client_for, operator_a, kejadian_a, desa_a):
        url = reverse("linmas:kejadian_hapus", args=[desa_a.kode, kejadian_a.pk])
        assert client_for(operator_a).get(url).status_code == 405

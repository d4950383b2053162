import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from desa.models import RT
from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.periode import Periode
from kependudukan.models import Peristiwa, RiwayatPeristiwa
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import make_peristiwa

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def create_url(desa, jenis):
    return reverse("kependudukan:peristiwa_create", args=[desa.pk, jenis])


def person(jenis_kelamin="L", lahir=datetime.date(1985, 3, 12), **extra):
    data = {
        "nik": make_nik(jenis_kelamin, lahir),
        "nama": "Ahmad Fauzi",
        "jenis_kelamin": jenis_kelamin,
        "tanggal_lahir": lahir.isoformat(),
        "kewarganegaraan": "WNI",
        "tanggal_peristiwa": (TODAY - datetime.timedelta(days=3)).isoformat(),
        "tanggal_lapor": TODAY.isoformat(),
    }
    data.update(extra)
    return data


TWO_DAYS_AGO = (TODAY - datetime.timedelta(days=2)).isoformat()
FORMS = {
    "LAHIR": {
        "nama": "Aisyah Rahmah", "jenis_kelamin": "P", "kewarganegaraan": "WNI",
        "tanggal_peristiwa": TWO_DAYS_AGO, "tanggal_lapor": TODAY.isoformat(),
        "tempat_lahir": "Puskesmas Paringin", "nama_ayah": "Rusdi", "nama_ibu": "Halimah",
    },
    "MATI": person(
        "P", datetime.date(1950, 7, 4), nama="Siti Hasanah", tempat_meninggal="Rumah", sebab_kematian="sakit"
    ),
    "DATANG": person(alamat_asal_tujuan="Jl. A. Yani Km 5, Banjarmasin", kepala_keluarga="on"),
    "PINDAH": person(alamat_asal_tujuan="Tanjung, Tabalong", tingkat_pindah="antar_kabupaten"),
}  # fmt: skip


@pytest.mark.parametrize("jenis", ["LAHIR", "MATI", "DATANG", "PINDAH"])
def test_an_operator_records_each_kind_of_event(client_for, operator_a, started_a, jenis):
    response = client_for(operator_a).post(create_url(started_a, jenis), FORMS[jenis])
    assert response.status_code == 302
    event = Peristiwa.objects.get(desa=started_a)
    assert event.jenis == jenis
    assert event.dicatat_oleh == operator_a
    assert event.periode == Periode.current()
    assert RiwayatPeristiwa.objects.filter(peristiwa=event, aksi="dibuat", oleh=operator_a).exists()


def test_a_birth_takes_its_birth_date_from_the_event_date(client_for, operator_a, started_a):
    client_for(operator_a).post(create_url(started_a, "LAHIR"), FORMS["LAHIR"])
    event = Peristiwa.objects.get()
    assert event.tanggal_lahir == event.tanggal_peristiwa
    assert event.nik == ""
    assert not event.kepala_keluarga


def test_a_nik_that_cannot_be_a_nik_is_refused(client_for, operator_a, started_a):
    data = {**FORMS["MATI"], "nik": "6311069999990001"}
    response = client_for(operator_a).post(create_url(started_a, "MATI"), data)
    assert response.status_code == 200
    assert "bukan tanggal lahir yang mungkin" in response.content.decode()
    assert not Peristiwa.objects.exists()


def test_a_nik_is_required_except_for_a_birth(client_for, operator_a, started_a):
    response = client_for(operator_a).post(create_url(started_a, "PINDAH"), {**FORMS["PINDAH"], "nik": ""})
    assert "NIK wajib diisi" in response.content.decode()
    assert not Peristiwa.objects.exists()


def test_a_nik_disagreeing_with_the_sex_is_kept_with_a_warning(client_for, operator_a, started_a):
    data = {**FORMS["MATI"], "jenis_kelamin": "L"}  # the NIK says a woman
    response = client_for(operator_a).post(create_url(started_a, "MATI"), data, follow=True)
    event = Peristiwa.objects.get()
    assert any("perempuan" in warning for warning in event.peringatan)
    assert "Peringatan NIK" in response.content.decode()


def test_a_bad_no_kk_is_refused(client_for, operator_a, started_a):
    response = client_for(operator_a).post(
        create_url(started_a, "DATANG"), {**FORMS["DATANG"], "no_kk": "1234"}
    )
    assert "No. KK harus 16 angka" in response.content.decode()
    assert not Peristiwa.objects.exists()


def test_dates_in_the_future_or_reported_before_they_happened_are_refused(client_for, operator_a, started_a):
    client = client_for(operator_a)
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = client.post(create_url(started_a, "LAHIR"), {**FORMS["LAHIR"], "tanggal_peristiwa": tomorrow})
    assert "belum terjadi" in response.content.decode()
    earlier = (TODAY - datetime.timedelta(days=10)).isoformat()
    data = {**FORMS["DATANG"], "tanggal_lapor": earlier}
    response = client.post(create_url(started_a, "DATANG"), data)
    assert "Tanggal lapor tidak boleh sebelum tanggal peristiwa" in response.content.decode()
    assert not Peristiwa.objects.exists()


def test_an_event_needs_the_data_awal_first(client_for, operator_a, desa_a):
    response = client_for(operator_a).post(create_url(desa_a, "LAHIR"), FORMS["LAHIR"])
    assert "Data awal kependudukan desa ini belum diisi" in response.content.decode()
    assert not Peristiwa.objects.exists()


def test_an_event_reported_before_the_first_month_is_refused(client_for, operator_a, started_a):
    long_ago = Periode.current().shift(-8).awal
    data = {
        **FORMS["DATANG"],
        "tanggal_peristiwa": long_ago.isoformat(),
        "tanggal_lapor": long_ago.isoformat(),
    }
    response = client_for(operator_a).post(create_url(started_a, "DATANG"), data)
    assert "sebelum bulan pertama" in response.content.decode()


def test_a_person_cannot_die_twice_in_the_same_desa(client_for, operator_a, started_a):
    client = client_for(operator_a)
    client.post(create_url(started_a, "MATI"), FORMS["MATI"])
    again = {**FORMS["MATI"], "tanggal_peristiwa": (TODAY - datetime.timedelta(days=1)).isoformat()}
    response = client.post(create_url(started_a, "MATI"), again)
    assert "sudah tercatat meninggal" in response.content.decode()
    assert Peristiwa.objects.count() == 1


def test_a_second_departure_needs_a_return_in_between(client_for, operator_a, started_a):
    nik = make_nik("L", datetime.date(1985, 3, 12))
    make_peristiwa(started_a, "PINDAH", TODAY - datetime.timedelta(days=40), nik=nik)
    data = {**FORMS["PINDAH"], "nik": nik}
    response = client_for(operator_a).post(create_url(started_a, "PINDAH"), data)
    assert "belum tercatat datang kembali" in response.content.decode()
    make_peristiwa(started_a, "DATANG", TODAY - datetime.timedelta(days=20), nik=nik)
    response = client_for(operator_a).post(create_url(started_a, "PINDAH"), data)
    assert response.status_code == 302


def test_the_same_event_twice_is_refused(client_for, operator_a, started_a):
    client = client_for(operator_a)
    client.post(create_url(started_a, "LAHIR"), FORMS["LAHIR"])
    response = client.post(create_url(started_a, "LAHIR"), FORMS["LAHIR"])
    assert "Peristiwa yang sama" in response.content.decode()
    assert Peristiwa.objects.count() == 1


def test_a_move_to_a_desa_in_the_system_sets_its_level(client_for, operator_a, started_a, desa_b):
    data = {**FORMS["PINDAH"], "tingkat_pindah": "", "desa_asal_tujuan": desa_b.pk}
    client_for(operator_a).post(create_url(started_a, "PINDAH"), data)
    assert Peristiwa.objects.get().tingkat_pindah == "antar_desa"
    contradiction = {**data, "nik": make_nik(), "tingkat_pindah": "antar_provinsi"}
    response = client_for(operator_a).post(create_url(started_a, "PINDAH"), contradiction)
    assert "Antar desa dalam kecamatan" in response.content.decode()


def test_the_rt_is_chosen_from_the_desas_rt_list(client_for, operator_a, started_a):
    RT.objects.create(desa=started_a, nomor=3)
    client = client_for(operator_a)
    assert "RT 003" in client.get(create_url(started_a, "LAHIR")).content.decode()
    client.post(create_url(started_a, "LAHIR"), {**FORMS["LAHIR"], "nomor_rt": "3"})
    assert Peristiwa.objects.get().nomor_rt == 3


def test_a_sent_month_takes_no_new_event(client_for, operator_a, started_a):
    LaporanBulanan.objects.create(
        desa=started_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=Periode.current(), status=Status.DIKIRIM
    )
    response = client_for(operator_a).post(create_url(started_a, "LAHIR"), FORMS["LAHIR"])
    assert "sudah terkirim" in response.content.decode()
    assert not Peristiwa.objects.exists()


def test_editing_an_event_records_what_changed(client_for, operator_a, started_a):
    client = client_for(operator_a)
    client.post(create_url(started_a, "LAHIR"), FORMS["LAHIR"])
    event = Peristiwa.objects.get()
    url = reverse("kependudukan:peristiwa_update", args=[started_a.pk, event.pk])
    response = client.post(url, {**FORMS["LAHIR"], "nama": "Aisyah Rahmawati"})
    assert response.status_code == 302
    change = RiwayatPeristiwa.objects.get(peristiwa=event, aksi="diubah")
    assert change.perubahan[0]["dari"] == "Aisyah Rahmah"
    assert change.perubahan[0]["ke"] == "Aisyah Rahmawati"
    detail = client.get(event.get_absolute_url()).content.decode()
    assert "Aisyah Rahmah → Aisyah Rahmawati" in detail


def test_moving_an_event_into_a_locked_month_is_refused(client_for, operator_a, started_a):
    event = make_peristiwa(started_a, "LAHIR", TODAY)
    last_month = Periode.current().previous()
    LaporanBulanan.objects.create(
        desa=started_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=last_month, status=Status.DIVERIFIKASI
    )
    url = reverse("kependudukan:peristiwa_update", args=[started_a.pk, event.pk])
    data = {**FORMS["LAHIR"], "tanggal_peristiwa": last_month.awal, "tanggal_lapor": last_month.awal}
    response = client_for(operator_a).post(url, data)
    assert "terverifikasi" in response.content.decode()
    event.refresh_from_db()
    assert event.tanggal_lapor == TODAY


def test_an_event_of_a_locked_month_cannot_be_edited_or_deleted(client_for, operator_a, started_a):
    event = make_peristiwa(started_a, "LAHIR", TODAY)
    LaporanBulanan.objects.create(
        desa=started_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=Periode.current(), status=Status.DIKIRIM
    )
    client = client_for(operator_a)
    response = client.get(
        reverse("kependudukan:peristiwa_update", args=[started_a.pk, event.pk]), follow=True
    )
    assert "sudah terkirim" in response.content.decode()
    client.post(reverse("kependudukan:peristiwa_delete", args=[started_a.pk, event.pk]))
    assert Peristiwa.objects.filter(pk=event.pk).exists()


def test_deleting_an_event_keeps_its_history(client_for, operator_a, started_a):
    event = make_peristiwa(started_a, "MATI", TODAY)
    response = client_for(operator_a).post(
        reverse("kependudukan:peristiwa_delete", args=[started_a.pk, event.pk])
    )
    assert response.status_code == 302
    assert not Peristiwa.objects.exists()
    assert RiwayatPeristiwa.objects.get(aksi="dihapus", desa=started_a).oleh == operator_a


def test_the_list_masks_niks_filters_and_searches(client_for, operator_a, started_a):
    woman = make_peristiwa(started_a, "MATI", TODAY, jenis_kelamin="P", nama="Siti Aminah", nomor_rt=2)
    make_peristiwa(started_a, "DATANG", TODAY, jenis_kelamin="L", nama="Basri Yusuf")
    url = reverse("kependudukan:peristiwa_list", args=[started_a.pk, str(Periode.current())])
    client = client_for(operator_a)
    page = client.get(url).content.decode()
    assert "Siti Aminah" in page and "Basri Yusuf" in page
    assert woman.nik not in page
    assert woman.nik[:4] + "********" + woman.nik[-4:] in page
    assert "Basri" not in client.get(url, {"jk": "P"}).content.decode()
    assert "Basri" not in client.get(url, {"rt": "2"}).content.decode()
    assert "Siti" not in client.get(url, {"jenis": "DATANG"}).content.decode()
    assert "Basri" not in client.get(url, {"q": "amin"}).content.decode()
    assert "Siti" in client.get(url, {"q": woman.nik[-6:]}).content.decode()
    assert woman.nik in client.get(woman.get_absolute_url()).content.decode()


def test_another_desas_event_is_404(client_for, operator_b, started_a):
    event = make_peristiwa(started_a, "LAHIR", TODAY)
    client = client_for(operator_b)
    for name in ("peristiwa_detail", "peristiwa_update"):
        assert client.get(reverse(f"kependudukan:{name}", args=[started_a.pk, event.pk])).status_code == 404
    assert (
        client.post(reverse("kependudukan:peristiwa_delete", args=[started_a.pk, event.pk])).status_code
        == 404
    )
    assert client.get(create_url(started_a, "LAHIR")).status_code == 404
    url = reverse("kependudukan:peristiwa_list", args=[started_a.pk, str(Periode.current())])
    assert client.get(url).status_code == 404


def test_an_event_under_another_desas_code_is_404(client_for, operator_a, started_a, desa_b):
    event = make_peristiwa(started_a, "LAHIR", TODAY)
    url = reverse("kependudukan:peristiwa_detail", args=[desa_b.pk, event.pk])
    assert client_for(operator_a).get(url).status_code == 404


def test_the_camat_reads_events_but_cannot_change_them(client_for, camat, started_a):
    event = make_peristiwa(started_a, "LAHIR", TODAY)
    client = client_for(camat)
    assert client.get(event.get_absolute_url()).status_code == 200
    assert (
        client.get(reverse("kependudukan:peristiwa_update", args=[started_a.pk, event.pk])).status_code == 403
    )
    assert (
        client.post(reverse("kependudukan:peristiwa_delete", args=[started_a.pk, event.pk])).status_code
        == 403
    )
    assert client.post(create_url(started_a, "LAHIR"), FORMS["LAHIR"]).status_code == 403
    assert Peristiwa.objects.count() == 1


def test_the_kasi_trantib_may_record_for_any_desa_of_the_kecamatan(client_for, kasi_trantib, started_a):
    response = client_for(kasi_trantib).post(create_url(started_a, "LAHIR"), FORMS["LAHIR"])
    assert response.status_code == 302
    assert Peristiwa.objects.get().dicatat_oleh == kasi_trantib


def test_deleting_by_get_is_not_allowed(client_for, operator_a, started_a):
    event = make_peristiwa(started_a, "LAHIR", TODAY)
    url = reverse("kependudukan:peristiwa_delete", args=[started_a.pk, event.pk])
    assert client_for(operator_a).get(url).status_code == 405


def test_an_unknown_kind_is_404(client_for, operator_a, started_a):
    assert client_for(operator_a).get(create_url(started_a, "CERAI")).status_code == 404


def test_the_leaving_rule_follows_the_dates():
    from kependudukan.aturan import pesan_keluar_ganda

    jan, mar, may = datetime.date(2025, 1, 5), datetime.date(2025, 3, 5), datetime.date(2025, 5, 5)
    assert pesan_keluar_ganda("PINDAH", jan, [("PINDAH", may), ("DATANG", mar)]) is None
    assert pesan_keluar_ganda("PINDAH", may, [("PINDAH", jan), ("DATANG", mar)]) is None
    assert pesan_keluar_ganda("PINDAH", mar, [("PINDAH", jan)]) is not None
    assert pesan_keluar_ganda("MATI", jan, [("PINDAH", may), ("DATANG", mar)]) is not None
    assert pesan_keluar_ganda("MATI", may, [("PINDAH", jan), ("DATANG", mar)]) is None
    assert pesan_keluar_ganda("DATANG", may, [("MATI", jan)]) is None


def test_absurd_input_gets_a_message_never_a_server_error(client_for, operator_a, started_a):
    client = client_for(operator_a)
    old = {**FORMS["LAHIR"], "tanggal_peristiwa": "1800-01-01", "tanggal_lapor": "1800-01-02"}
    response = client.post(create_url(started_a, "LAHIR"), old)
    assert response.status_code == 200 and "tidak masuk akal" in response.content.decode()
    data = {**FORMS["DATANG"], "nomor_rt": "99999999", "desa_asal_tujuan": "63.99.99.2999"}
    assert client.post(create_url(started_a, "DATANG"), data).status_code == 200
    url = reverse("kependudukan:peristiwa_list", args=[started_a.pk, str(Periode.current())])
    assert client.get(url, {"rt": "9" * 30, "halaman": "x", "jenis": "<b>"}).status_code == 200
    assert not Peristiwa.objects.exists()


def test_the_report_date_says_it_is_the_day_the_desa_was_told(client_for, operator_a, started_a):
    content = client_for(operator_a).get(create_url(started_a, "LAHIR")).content.decode()
    assert "Tanggal warga melaporkan peristiwa ini ke desa (bukan tanggal kejadiannya)" in content

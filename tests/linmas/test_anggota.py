import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from linmas.forms import AnggotaForm
from linmas.models import AnggotaLinmas, Jabatan, Regu
from tests.factories.identitas import make_nik
from tests.factories.linmas import make_anggota

LAHIR = datetime.date(1990, 5, 12)


def form_data(**overrides):
    data = {
        "nik": make_nik(lahir=LAHIR, serial=77),
        "nama": "Hendra Saputra",
        "jenis_kelamin": "L",
        "tanggal_lahir": "1990-05-12",
        "alamat": "Jl. Desa Balang No. 4",
        "rt": "",
        "telepon": "",
        "jabatan": "anggota",
        "regu": "pengamanan",
        "nomor_sk": "188/07/SK-LINMAS/2024",
        "tanggal_sk": "2024-01-15",
        "aktif": "on",
        "tanggal_berhenti": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def form_for(desa, instance=None, **overrides):
    return AnggotaForm(form_data(**overrides), instance=instance or AnggotaLinmas(desa=desa))


class TestFieldRules:
    def test_a_complete_member_is_valid(self, desa_a):
        form = form_for(desa_a)
        assert form.is_valid(), form.errors
        anggota = form.save()
        assert anggota.desa == desa_a and anggota.regu == Regu.PENGAMANAN

    @pytest.mark.parametrize(
        ("nik", "message"),
        [
            ("631106120590001", "16 angka"),
            ("0000000000000000", "semuanya nol"),
            ("6311063213900001", "bukan tanggal lahir"),
            ("63110612059000AB", "16 angka"),
        ],
    )
    def test_a_malformed_nik_is_refused(self, desa_a, nik, message):
        form = form_for(desa_a, nik=nik)
        assert not form.is_valid()
        assert message in " ".join(form.errors["nik"])

    def test_a_nik_disagreeing_with_the_sex_is_kept_with_a_warning(self, desa_a):
        form = form_for(desa_a, jenis_kelamin="P")
        assert form.is_valid(), form.errors
        assert any("perempuan" in text or "laki-laki" in text for text in form.peringatan)

    def test_a_member_under_18_on_the_sk_date_is_refused(self, desa_a):
        form = form_for(desa_a, tanggal_lahir="2006-02-01", nik=make_nik(lahir=datetime.date(2006, 2, 1)))
        assert not form.is_valid()
        assert "paling sedikit berumur 18 tahun" in form.errors["tanggal_lahir"][0]
        assert "umurnya baru 17 tahun" in form.errors["tanggal_lahir"][0]

    def test_a_married_member_under_18_is_accepted(self, desa_a):
        form = form_for(
            desa_a,
            tanggal_lahir="2006-02-01",
            nik=make_nik(lahir=datetime.date(2006, 2, 1)),
            sudah_menikah="on",
        )
        assert form.is_valid(), form.errors

    def test_the_18th_birthday_on_the_sk_date_is_old_enough(self, desa_a):
        form = form_for(desa_a, tanggal_lahir="2006-01-15", nik=make_nik(lahir=datetime.date(2006, 1, 15)))
        assert form.is_valid(), form.errors

    def test_dates_in_the_future_are_refused(self, desa_a):
        tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
        form = form_for(desa_a, tanggal_sk=tomorrow)
        assert not form.is_valid()
        assert "setelah hari ini" in form.errors["tanggal_sk"][0]

    def test_a_member_or_danru_needs_a_regu(self, desa_a):
        form = form_for(desa_a, regu="", jabatan="komandan_regu")
        assert not form.is_valid()
        assert "Pilih regu" in form.errors["regu"][0]

    def test_the_kepala_satuan_is_in_no_regu(self, desa_a):
        form = form_for(desa_a, jabatan="kepala_satuan", regu="pengamanan")
        assert form.is_valid(), form.errors
        assert form.save().regu == ""

    def test_an_inactive_member_needs_the_date_it_ended(self, desa_a):
        form = form_for(desa_a, aktif=None)
        assert not form.is_valid()
        assert "Isi tanggal berhenti" in form.errors["tanggal_berhenti"][0]

    def test_an_active_member_has_no_end_date(self, desa_a):
        form = form_for(desa_a, tanggal_berhenti="2025-01-01")
        assert not form.is_valid()
        assert "masih aktif" in form.errors["tanggal_berhenti"][0]

    def test_the_end_date_is_not_before_the_sk(self, desa_a):
        form = form_for(desa_a, aktif=None, tanggal_berhenti="2023-12-31")
        assert not form.is_valid()
        assert "lebih awal dari tanggal SK" in form.errors["tanggal_berhenti"][0]

    def test_a_wrong_phone_number_is_refused(self, desa_a):
        form = form_for(desa_a, telepon="12345")
        assert not form.is_valid()
        assert "08" in form.errors["telepon"][0]

    def test_an_rt_of_another_desa_cannot_be_chosen(self, desa_a, desa_b):
        rt_b = desa_b.rt_set.create(nomor=1)
        form = form_for(desa_a, rt=str(rt_b.pk))
        assert not form.is_valid()
        assert "rt" in form.errors


class TestOneMembership:
    def test_a_person_active_in_another_kecamatan_is_refused_with_its_name(self, desa_a, desa_luar):
        make_anggota(desa_luar, nik=make_nik(lahir=LAHIR, serial=77))
        form = form_for(desa_a)
        assert not form.is_valid()
        assert "Desa Juai" in form.errors["nik"][0]
        assert "hanya boleh aktif di satu Satlinmas" in form.errors["nik"][0]

    def test_the_same_person_twice_in_one_desa_is_refused(self, desa_a):
        make_anggota(desa_a, nik=make_nik(lahir=LAHIR, serial=77), nama="Hendra S.")
        form = form_for(desa_a)
        assert not form.is_valid()
        assert "sudah terdaftar di Satlinmas desa ini atas nama Hendra S." in form.errors["nik"][0]

    def test_a_former_member_elsewhere_may_join(self, desa_a, desa_b):
        make_anggota(
            desa_b,
            nik=make_nik(lahir=LAHIR, serial=77),
            aktif=False,
            tanggal_berhenti=datetime.date(2025, 1, 1),
        )
        assert form_for(desa_a).is_valid()

    def test_saving_an_existing_member_does_not_clash_with_itself(self, desa_a):
        anggota = make_anggota(desa_a, nik=make_nik(lahir=LAHIR, serial=77))
        form = form_for(desa_a, instance=anggota, nama="Nama Baru")
        assert form.is_valid(), form.errors

    def test_the_database_refuses_two_active_memberships(self, desa_a, desa_b):
        make_anggota(desa_a, nik=make_nik(lahir=LAHIR, serial=78))
        with pytest.raises(IntegrityError), transaction.atomic():
            make_anggota(desa_b, nik=make_nik(lahir=LAHIR, serial=78))


class TestOneLeader:
    def test_a_second_kepala_satuan_is_refused(self, desa_a):
        make_anggota(desa_a, nama="Kepala Lama", jabatan=Jabatan.KEPALA_SATUAN, regu="")
        form = form_for(desa_a, jabatan="kepala_satuan")
        assert not form.is_valid()
        assert "sudah punya Kepala Satuan aktif: Kepala Lama" in form.errors["jabatan"][0]

    def test_another_desa_has_its_own_kepala_satuan(self, desa_a, desa_b):
        make_anggota(desa_b, jabatan=Jabatan.KEPALA_SATUAN, regu="")
        assert form_for(desa_a, jabatan="kepala_satuan").is_valid()

    def test_an_inactive_kepala_satuan_leaves_the_place_free(self, desa_a):
        make_anggota(
            desa_a,
            jabatan=Jabatan.KEPALA_SATUAN,
            regu="",
            aktif=False,
            tanggal_berhenti=datetime.date(2025, 1, 1),
        )
        assert form_for(desa_a, jabatan="kepala_satuan").is_valid()

    def test_one_danru_per_regu(self, desa_a):
        make_anggota(desa_a, nama="Danru Lama", jabatan=Jabatan.KOMANDAN_REGU, regu=Regu.PENGAMANAN)
        refused = form_for(desa_a, jabatan="komandan_regu", regu="pengamanan")
        assert not refused.is_valid()
        assert "Regu Pengamanan sudah punya Komandan Regu aktif: Danru Lama" in refused.errors["jabatan"][0]
        assert form_for(desa_a, jabatan="komandan_regu", regu="dapur_umum").is_valid()

    def test_the_database_refuses_two_active_kepala_satuan(self, desa_a):
        make_anggota(desa_a, jabatan=Jabatan.KEPALA_SATUAN, regu="")
        with pytest.raises(IntegrityError), transaction.atomic():
            make_anggota(desa_a, jabatan=Jabatan.KEPALA_SATUAN, regu="")

    def test_the_database_refuses_an_inactive_member_without_end_date(self, desa_a):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_anggota(desa_a, aktif=False)


class TestRosterPage:
    def test_it_shows_counts_and_warns_below_ten(self, client_for, operator_a, desa_a):
        make_anggota(desa_a, nama="Kepala Desa", jabatan=Jabatan.KEPALA_SATUAN, regu="")
        make_anggota(desa_a, nama="Anggota Dapur", regu=Regu.DAPUR_UMUM)
        make_anggota(desa_a, nama="Pensiun", aktif=False, tanggal_berhenti=datetime.date(2025, 1, 1))
        response = client_for(operator_a).get(reverse("linmas:anggota_list", args=[desa_a.kode]))
        assert response.status_code == 200
        ringkasan = response.context["ringkasan"]
        assert ringkasan.jumlah_anggota == 2
        assert ringkasan.anggota_per_jabatan["kepala_satuan"] == 1
        assert ringkasan.anggota_per_regu["dapur_umum"] == 1
        assert "paling sedikit 10 anggota" in response.content.decode()
        assert "Tidak aktif lagi (1)" in response.content.decode()

    def test_ten_members_need_no_warning(self, client_for, operator_a, desa_a):
        for _ in range(10):
            make_anggota(desa_a)
        response = client_for(operator_a).get(reverse("linmas:anggota_list", args=[desa_a.kode]))
        assert "paling sedikit 10 anggota" not in response.content.decode()

    def test_it_masks_the_nik(self, client_for, operator_a, desa_a):
        anggota = make_anggota(desa_a)
        response = client_for(operator_a).get(reverse("linmas:anggota_list", args=[desa_a.kode]))
        assert anggota.nik not in response.content.decode()


class TestRosterViews:
    def test_an_operator_adds_a_member_of_their_own_desa(self, client_for, operator_a, desa_a, desa_b):
        response = client_for(operator_a).post(
            reverse("linmas:anggota_create", args=[desa_a.kode]), {**form_data(), "desa": desa_b.kode}
        )
        assert response.status_code == 302
        anggota = AnggotaLinmas.objects.get()
        assert anggota.desa == desa_a and anggota.dicatat_oleh == operator_a

    def test_a_nik_warning_is_shown_after_saving(self, client_for, operator_a, desa_a):
        response = client_for(operator_a).post(
            reverse("linmas:anggota_create", args=[desa_a.kode]), form_data(jenis_kelamin="P"), follow=True
        )
        assert "Perhatian: NIK menunjukkan laki-laki" in response.content.decode()

    def test_a_wrong_form_saves_nothing_and_says_why(self, client_for, operator_a, desa_a):
        response = client_for(operator_a).post(
            reverse("linmas:anggota_create", args=[desa_a.kode]), form_data(nik="123")
        )
        assert response.status_code == 200
        assert "NIK harus 16 angka" in response.content.decode()
        assert not AnggotaLinmas.objects.exists()

    def test_stopping_a_member(self, client_for, operator_a, desa_a):
        anggota = make_anggota(desa_a, nik=make_nik(lahir=LAHIR, serial=77))
        client_for(operator_a).post(
            reverse("linmas:anggota_update", args=[desa_a.kode, anggota.pk]),
            form_data(aktif=None, tanggal_berhenti="2025-06-30"),
        )
        anggota.refresh_from_db()
        assert not anggota.aktif and anggota.tanggal_berhenti == datetime.date(2025, 6, 30)

    def test_the_kasi_trantib_may_fix_a_roster(self, client_for, kasi_trantib, desa_a):
        url = reverse("linmas:anggota_create", args=[desa_a.kode])
        assert client_for(kasi_trantib).post(url, form_data()).status_code == 302

    @pytest.mark.parametrize("name", ["anggota_list", "anggota_create"])
    def test_another_desa_is_404(self, client_for, operator_b, desa_a, name):
        assert client_for(operator_b).get(reverse(f"linmas:{name}", args=[desa_a.kode])).status_code == 404

    def test_another_desas_member_is_404(self, client_for, operator_b, desa_a):
        anggota = make_anggota(desa_a)
        url = reverse("linmas:anggota_update", args=[desa_a.kode, anggota.pk])
        assert client_for(operator_b).get(url).status_code == 404
        wrong_desa_url = reverse("linmas:anggota_update", args=["63.11.06.2014", anggota.pk])
        assert client_for(operator_b).get(wrong_desa_url).status_code == 404

    @pytest.mark.parametrize("role", ["camat", "kabupaten"])
    def test_read_only_roles_see_but_may_not_change(self, client_for, cast, desa_a, role):
        anggota = make_anggota(desa_a)
        client = client_for(cast[role])
        assert client.get(reverse("linmas:anggota_list", args=[desa_a.kode])).status_code == 200
        assert client.get(reverse("linmas:anggota_create", args=[desa_a.kode])).status_code == 403
        assert (
            client.post(reverse("linmas:anggota_create", args=[desa_a.kode]), form_data()).status_code == 403
        )
        update = reverse("linmas:anggota_update", args=[desa_a.kode, anggota.pk])
        assert client.post(update, form_data()).status_code == 403

    def test_an_anonymous_visitor_is_sent_to_login(self, client, desa_a):
        response = client.get(reverse("linmas:anggota_list", args=[desa_a.kode]))
        assert response.status_code == 302 and "/akun/masuk/" in response["Location"]

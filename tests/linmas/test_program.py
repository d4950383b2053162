import datetime

import pytest
from django.urls import reverse

from desa.models import Kecamatan
from desa.periode import Periode
from desa.scoping import Peran
from linmas.forms.program import JENIS_WAJIB
from linmas.models import ButirProgram, ProgramLinmas
from linmas.ringkasan import periksa_program, program_berlaku
from tests.factories.linmas import make_kegiatan, set_program
from tests.factories.pengguna import make_user

JANUARI = Periode(2026, 1)


def teks(syarat_list):
    return [
        (syarat.jenis_kegiatan, syarat.minimum, syarat.jumlah, syarat.terpenuhi) for syarat in syarat_list
    ]


def ronda(desa, periode, times):
    for day in range(1, times + 1):
        make_kegiatan(desa, periode.awal + datetime.timedelta(days=day))


class TestProgrammeCheck:
    def test_without_a_programme_there_is_nothing_to_meet(self, desa_a):
        ronda(desa_a, JANUARI, 2)
        assert periksa_program(desa_a, JANUARI) == []

    def test_three_ronda_of_four_is_not_met(self, desa_a, kecamatan):
        set_program(kecamatan, JANUARI, ronda=4, apel=1)
        ronda(desa_a, JANUARI, 3)
        make_kegiatan(desa_a, JANUARI.awal, jenis="apel")
        assert teks(periksa_program(desa_a, JANUARI)) == [("ronda", 4, 3, False), ("apel", 1, 1, True)]

    def test_four_ronda_meet_it(self, desa_a, kecamatan):
        set_program(kecamatan, JANUARI, ronda=4)
        ronda(desa_a, JANUARI, 4)
        assert teks(periksa_program(desa_a, JANUARI)) == [("ronda", 4, 4, True)]

    def test_only_the_months_own_activities_count(self, desa_a, desa_b, kecamatan):
        set_program(kecamatan, JANUARI, ronda=1)
        make_kegiatan(desa_a, JANUARI.akhir + datetime.timedelta(days=1))
        make_kegiatan(desa_b, JANUARI.awal)
        assert teks(periksa_program(desa_a, JANUARI)) == [("ronda", 1, 0, False)]

    def test_a_change_applies_from_its_month_and_earlier_months_keep_their_rule(self, desa_a, kecamatan):
        set_program(kecamatan, JANUARI, ronda=4)
        set_program(kecamatan, Periode(2026, 3), ronda=2, patroli=1)
        for periode in (Periode(2026, 2), Periode(2026, 3), Periode(2026, 4)):
            ronda(desa_a, periode, 3)
        assert teks(periksa_program(desa_a, Periode(2025, 12))) == []
        assert teks(periksa_program(desa_a, Periode(2026, 2))) == [("ronda", 4, 3, False)]
        assert teks(periksa_program(desa_a, Periode(2026, 3))) == [
            ("ronda", 2, 3, True),
            ("patroli", 1, 0, False),
        ]
        assert teks(periksa_program(desa_a, Periode(2026, 4))) == [
            ("ronda", 2, 3, True),
            ("patroli", 1, 0, False),
        ]

    def test_a_version_without_requirements_ends_the_programme(self, desa_a, kecamatan):
        set_program(kecamatan, JANUARI, ronda=4)
        set_program(kecamatan, Periode(2026, 2))
        assert periksa_program(desa_a, Periode(2026, 2)) == []

    def test_setting_the_same_month_again_replaces_it(self, kecamatan):
        set_program(kecamatan, JANUARI, ronda=4, apel=1)
        set_program(kecamatan, JANUARI, ronda=5)
        assert ProgramLinmas.objects.count() == 1
        assert list(ButirProgram.objects.values_list("jenis_kegiatan", "jumlah_minimum")) == [("ronda", 5)]

    def test_each_kecamatan_has_its_own(self, kecamatan, desa_luar):
        set_program(kecamatan, JANUARI, ronda=4)
        assert program_berlaku([desa_luar.kecamatan_id], JANUARI) == {desa_luar.kecamatan_id: None}


def program_data(periode, **minimum):
    data = {"berlaku_mulai": str(periode), "catatan": "Rapat koordinasi"}
    data.update({f"minimum_{jenis}": str(minimum.get(jenis, 0)) for jenis in JENIS_WAJIB})
    return data


def atur_url(kecamatan):
    return reverse("linmas:program_atur", args=[kecamatan.pk])


class TestProgrammePage:
    def test_the_kasi_trantib_sets_the_programme_from_next_month(self, client_for, kasi_trantib, kecamatan):
        bulan_depan = Periode.current().next()
        response = client_for(kasi_trantib).post(
            atur_url(kecamatan), program_data(bulan_depan, ronda=4, apel=1)
        )
        assert response.status_code == 302
        program = ProgramLinmas.objects.get()
        assert program.berlaku_mulai == bulan_depan and program.dibuat_oleh == kasi_trantib
        assert dict(program.butir_set.values_list("jenis_kegiatan", "jumlah_minimum")) == {
            "ronda": 4,
            "apel": 1,
        }
        page = client_for(kasi_trantib).get(reverse("linmas:program_detail", args=[kecamatan.pk]))
        assert "akan berlaku" in page.content.decode()

    def test_the_form_starts_from_the_rule_in_force(self, client_for, kasi_trantib, kecamatan):
        set_program(kecamatan, Periode.current().previous(), ronda=4)
        response = client_for(kasi_trantib).get(reverse("linmas:program_detail", args=[kecamatan.pk]))
        form = response.context["form"]
        assert form["minimum_ronda"].value() == 4 and form["minimum_apel"].value() == 0
        assert "minimum_lainnya" not in form.fields  # free text cannot be a requirement
        assert "Ronda/siskamling: 4 kali" in response.content.decode()

    def test_a_month_already_reported_cannot_be_changed(self, client_for, kasi_trantib, kecamatan):
        lama = Periode.current().shift(-2)
        response = client_for(kasi_trantib).post(atur_url(kecamatan), program_data(lama, ronda=4))
        assert response.status_code == 200
        assert "bulan yang lebih lama sudah dilaporkan" in response.content.decode()
        assert not ProgramLinmas.objects.exists()

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"berlaku_mulai": "Agustus"}, "harus ditulis TTTT-BB"),
            ({"berlaku_mulai": "2026-13"}, "tidak valid"),
            ({"minimum_ronda": "-1"}, "0"),
            ({"minimum_ronda": "empat"}, "bilangan"),
        ],
    )
    def test_bad_input_saves_nothing(self, client_for, kasi_trantib, kecamatan, overrides, message):
        data = {**program_data(Periode.current()), **overrides}
        response = client_for(kasi_trantib).post(atur_url(kecamatan), data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not ProgramLinmas.objects.exists()

    def test_the_menu_entry_leads_to_the_own_kecamatan(self, client_for, kasi_trantib, kecamatan):
        response = client_for(kasi_trantib).get(reverse("linmas:program_index"))
        assert response["Location"] == reverse("linmas:program_detail", args=[kecamatan.pk])
        assert (
            "Program Linmas" in client_for(kasi_trantib).get(reverse("kudapanmas:beranda")).content.decode()
        )

    def test_the_kabupaten_chooses_a_kecamatan(self, client_for, kabupaten):
        response = client_for(kabupaten).get(reverse("linmas:program_index"))
        assert response.status_code == 200
        assert len(response.context["kecamatan_list"]) == 8

    @pytest.mark.parametrize("role", ["operator_a", "camat", "kabupaten"])
    def test_others_see_it_but_may_not_set_it(self, client_for, cast, kecamatan, role):
        client = client_for(cast[role])
        page = client.get(reverse("linmas:program_detail", args=[kecamatan.pk]))
        assert page.status_code == 200 and page.context["form"] is None
        assert client.post(atur_url(kecamatan), program_data(Periode.current(), ronda=4)).status_code == 403
        assert not ProgramLinmas.objects.exists()

    def test_another_kecamatan_is_404(self, client_for, kecamatan):
        juai = Kecamatan.objects.get(pk="63.11.01")
        trantib_juai = make_user("trantib.juai", peran=Peran.KASI_TRANTIB, kecamatan=juai)
        client = client_for(trantib_juai)
        assert client.get(reverse("linmas:program_detail", args=[kecamatan.pk])).status_code == 404
        assert client.post(atur_url(kecamatan), program_data(Periode.current(), ronda=4)).status_code == 404
        rekap = reverse("linmas:laporan_kecamatan", args=[kecamatan.pk, str(Periode.current())])
        assert client.get(rekap).status_code == 404

    def test_get_on_atur_is_405(self, client_for, kasi_trantib, kecamatan):
        assert client_for(kasi_trantib).get(atur_url(kecamatan)).status_code == 405

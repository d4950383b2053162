import datetime

import pytest
from django.urls import reverse

from desa.ledger import TransisiDitolak
from desa.models import LaporanBulanan
from desa.models.laporan import Status
from desa.periode import Periode
from desa.registry import Kiriman, available_kinds, monthly_report_url
from linmas import services
from linmas.foto import foto_siapkan
from linmas.kirim import check_send
from tests.factories.linmas import last_month, make_anggota, make_kegiatan, make_kejadian, set_program, upload
from tests.factories.waktu import wita
from tests.linmas.formulir import kirim_url, page_url


@pytest.fixture
def lalu():
    return last_month()


class TestRegistration:
    def test_linmas_has_a_monthly_page_in_the_ledger(self, desa_a, lalu):
        assert "linmas" in available_kinds()
        assert monthly_report_url("linmas", desa_a, lalu) == page_url(desa_a, lalu)


class TestCheckSend:
    def test_an_empty_month_must_be_sent_as_nihil(self, desa_a, lalu):
        with pytest.raises(TransisiDitolak, match="centang Nihil"):
            check_send(desa_a, lalu, Kiriman())

    def test_nihil_needs_a_reason(self, desa_a, lalu):
        with pytest.raises(TransisiDitolak, match="alasan"):
            check_send(desa_a, lalu, Kiriman(nihil=True))
        assert check_send(desa_a, lalu, Kiriman(nihil=True, keterangan="Banjir, anggota mengungsi")) == (
            True,
            "Banjir, anggota mengungsi",
        )

    def test_a_month_with_records_is_not_nihil(self, desa_a, lalu):
        make_kejadian(desa_a, wita(lalu.awal))
        with pytest.raises(TransisiDitolak, match="tidak nihil"):
            check_send(desa_a, lalu, Kiriman(nihil=True, keterangan="tidak ada"))

    def test_an_unmet_programme_needs_an_explanation(self, desa_a, kecamatan, lalu):
        set_program(kecamatan, lalu, ronda=4, apel=1)
        make_kegiatan(desa_a, lalu.awal)
        make_kegiatan(desa_a, lalu.awal, jenis="apel")
        with pytest.raises(TransisiDitolak, match=r"Ronda/siskamling: 1 dari 4 kali"):
            check_send(desa_a, lalu, Kiriman(keterangan="Aman"))
        nihil, keterangan = check_send(
            desa_a, lalu, Kiriman(keterangan="Aman", data={"penjelasan_program": "Hujan deras tiga minggu"})
        )
        assert not nihil
        assert keterangan == (
            "Program wajib belum terpenuhi (Ronda/siskamling: 1 dari 4 kali). "
            "Penjelasan: Hujan deras tiga minggu\nAman"
        )

    def test_a_met_programme_sends_without_explanation(self, desa_a, kecamatan, lalu):
        set_program(kecamatan, lalu, ronda=1)
        make_kegiatan(desa_a, lalu.awal)
        assert check_send(desa_a, lalu, Kiriman()) == (False, "")

    def test_a_very_long_explanation_is_refused_by_the_send_form(self, client_for, operator_a, desa_a, lalu):
        make_kegiatan(desa_a, lalu.awal)
        url = reverse("desa:laporan_kirim", args=[desa_a.kode, "linmas", str(lalu)])
        posted = {"versi": "0", "penjelasan_program": "x" * 1001}
        page = client_for(operator_a).post(url, posted, follow=True).content.decode()
        assert "Penjelasan program wajib terlalu panjang (paling banyak 1.000 huruf)." in page
        assert not LaporanBulanan.objects.filter(desa=desa_a, jenis="linmas", status=Status.DIKIRIM).exists()


class TestSendingThroughTheLedger:
    def test_an_unmet_month_is_refused_then_sent_with_the_explanation(
        self, client_for, operator_a, kasi_trantib, desa_a, kecamatan, lalu
    ):
        set_program(kecamatan, lalu, ronda=4)
        make_kegiatan(desa_a, lalu.awal)
        client = client_for(operator_a)
        response = client.post(kirim_url(desa_a, lalu), {"versi": "0"}, follow=True)
        assert "Program kegiatan wajib belum terpenuhi" in response.content.decode()
        assert not LaporanBulanan.objects.filter(status=Status.DIKIRIM).exists()
        response = client.post(
            kirim_url(desa_a, lalu), {"versi": "0", "penjelasan_program": "Pos ronda rusak"}, follow=True
        )
        assert f"Laporan {lalu.label} terkirim" in response.content.decode()
        laporan = LaporanBulanan.objects.get(desa=desa_a, jenis="linmas")
        assert laporan.status == Status.DIKIRIM and "Pos ronda rusak" in laporan.keterangan
        # The Kasi Trantib reads the explanation on the desa's page and on the kecamatan overview.
        trantib = client_for(kasi_trantib)
        assert "Pos ronda rusak" in trantib.get(page_url(desa_a, lalu)).content.decode()
        rekap = trantib.get(reverse("linmas:laporan_kecamatan", args=[kecamatan.pk, str(lalu)]))
        assert "Pos ronda rusak" in rekap.content.decode()
        assert "belum terpenuhi (Ronda/siskamling: 1 dari 4 kali)" in rekap.content.decode()

    def test_a_nihil_month_is_sent_with_its_reason(self, client_for, operator_a, desa_a, lalu):
        response = client_for(operator_a).post(
            kirim_url(desa_a, lalu), {"versi": "0", "nihil": "on", "keterangan": "Anggota ikut pelatihan"}
        )
        assert response["Location"] == page_url(desa_a, lalu)
        laporan = LaporanBulanan.objects.get()
        assert laporan.nihil and laporan.keterangan == "Anggota ikut pelatihan"


class TestMonthlyPage:
    def test_it_shows_the_whole_month(self, client_for, operator_a, desa_a, kecamatan, lalu):
        set_program(kecamatan, lalu, ronda=2, apel=1)
        basri = make_anggota(desa_a, nama="Basri")
        ronda = make_kegiatan(desa_a, lalu.awal + datetime.timedelta(days=4), peserta=[basri])
        make_kegiatan(desa_a, lalu.awal, peserta=[basri])
        services.foto_tambah(kegiatan=ronda, foto_baru=[foto_siapkan(upload())])
        make_kejadian(desa_a, wita(lalu.awal), instansi="Damkar", penyerahan="instansi_lain")
        response = client_for(operator_a).get(page_url(desa_a, lalu))
        assert response.status_code == 200
        html = response.content.decode()
        assert f"Laporan Linmas {lalu.label}" in html
        assert "Satlinmas desa paling sedikit 10 anggota" in html
        assert "Terpenuhi" in html and "Belum terpenuhi" in html
        assert "Diserahkan ke Damkar" in html
        foto = ronda.foto_set.get()
        assert f'href="{foto.url}"' in html and f'src="{foto.url_kecil}"' in html
        assert 'id="panel-laporan"' in html
        assert "Penjelasan program wajib (wajib diisi; dibaca Kasi Trantib)" in html  # apel 0 of 1
        assert "data-cetak" in html

    def test_an_empty_month_suggests_nihil(self, client_for, operator_a, desa_a, lalu):
        html = client_for(operator_a).get(page_url(desa_a, lalu)).content.decode()
        assert "Bila memang tidak ada, centang <strong>Nihil</strong>" in html

    def test_a_sent_month_shows_its_lock_and_no_record_buttons(self, client_for, operator_a, desa_a, lalu):
        make_kegiatan(desa_a, lalu.awal)
        client = client_for(operator_a)
        client.post(kirim_url(desa_a, lalu), {"versi": "0"})
        html = client.get(page_url(desa_a, lalu)).content.decode()
        assert "sudah terkirim" in html
        assert "Catat kegiatan" not in html

    def test_the_menu_entry_opens_this_month(self, client_for, operator_a, desa_a):
        response = client_for(operator_a).get(reverse("linmas:index"))
        assert response["Location"] == page_url(desa_a, Periode.current())

    def test_an_impossible_month_is_404(self, client_for, operator_a, desa_a):
        response = client_for(operator_a).get(f"/linmas/{desa_a.kode}/2026-13/")
        assert response.status_code == 404

    def test_another_desa_is_404(self, client_for, operator_b, operator_luar, desa_a, lalu):
        for user in (operator_b, operator_luar):
            assert client_for(user).get(page_url(desa_a, lalu)).status_code == 404

    @pytest.mark.parametrize("role", ["kasi_trantib", "camat", "kabupaten"])
    def test_the_kecamatan_and_kabupaten_read_it(self, client_for, cast, desa_a, lalu, role):
        response = client_for(cast[role]).get(page_url(desa_a, lalu))
        assert response.status_code == 200
        assert ("Catat kegiatan" in response.content.decode()) is (role == "kasi_trantib")

    def test_a_read_only_role_cannot_send(self, client_for, camat, desa_a, lalu):
        make_kegiatan(desa_a, lalu.awal)
        client_for(camat).post(kirim_url(desa_a, lalu), {"versi": "0"})
        assert not LaporanBulanan.objects.filter(status=Status.DIKIRIM).exists()


class TestKecamatanOverview:
    def test_every_desa_of_the_kecamatan_is_listed(self, client_for, kasi_trantib, kecamatan, lalu):
        response = client_for(kasi_trantib).get(
            reverse("linmas:laporan_kecamatan", args=[kecamatan.pk, str(lalu)])
        )
        assert response.status_code == 200
        assert len(response.context["rows"]) == 16

    def test_an_operator_sees_only_their_own_desa(self, client_for, operator_a, kecamatan, lalu):
        response = client_for(operator_a).get(
            reverse("linmas:laporan_kecamatan", args=[kecamatan.pk, str(lalu)])
        )
        assert [desa.kode for desa, _, _ in response.context["rows"]] == ["63.11.06.2005"]


class TestOddAddresses:
    def test_a_month_not_begun_is_404(self, client_for, kasi_trantib, desa_a, kecamatan):
        client = client_for(kasi_trantib)
        for periode in (Periode.current().next(), Periode(9999, 12)):
            assert client.get(page_url(desa_a, periode)).status_code == 404
            url = reverse("linmas:laporan_kecamatan", args=[kecamatan.pk, str(periode)])
            assert client.get(url).status_code == 404

    def test_a_far_periode_parameter_does_not_break_the_form(self, client_for, operator_a, desa_a):
        url = reverse("linmas:kegiatan_create", args=[desa_a.kode]) + "?periode=9999-12"
        assert client_for(operator_a).get(url).status_code == 200


@pytest.mark.parametrize("model", ["anggotalinmas", "kegiatan", "kejadian", "programlinmas"])
def test_the_admin_lists_linmas_records(client_for, admin_user, desa_a, model):
    make_kegiatan(desa_a, last_month().awal)
    assert client_for(admin_user).get(reverse(f"admin:linmas_{model}_changelist")).status_code == 200

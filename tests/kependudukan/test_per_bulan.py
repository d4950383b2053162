"""The kecamatan page "penduduk per bulan": every desa as of the end of a verified month, the
verified ones from their snapshots, the others marked provisional; scoped and hostile-input safe."""

import pytest
from django.urls import reverse

from desa import ledger
from desa.models.laporan import JenisLaporan
from kependudukan.models import Peristiwa
from tests.factories.waktu import clock
from tests.factories.wilayah import KODE_DESA_A
from tests.kudapanmas.rekap_contoh import PERIODE, isi_kependudukan, waktu

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified(desa_a, desa_b, operator_a, kasi_trantib):
    isi_kependudukan(desa_a, desa_b)
    with clock(waktu(2025, 9, 2, 9)):
        laporan = ledger.kirim(desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=PERIODE, user=operator_a)
    with clock(waktu(2025, 9, 4, 9, 30)):
        return ledger.verifikasi(laporan=laporan, user=kasi_trantib)


def page(client, user, kecamatan, **query):
    client.force_login(user)
    return client.get(reverse("kependudukan:per_bulan", args=[kecamatan.pk]), query)


def test_it_shows_the_verified_desa_from_its_snapshot_and_the_others_as_provisional(
    client, verified, desa_a, kecamatan, camat
):
    Peristiwa.objects.filter(desa=desa_a, periode=PERIODE.awal).delete()  # a side door
    response = page(client, camat, kecamatan, periode=str(PERIODE))
    assert response.status_code == 200
    rows = {row.desa_kode: row for row in response.context["baris_list"]}
    assert rows[KODE_DESA_A].jiwa_akhir == 1013 and rows[KODE_DESA_A].kk_akhir == 301
    assert [row.desa_kode for row in response.context["terverifikasi"]] == [KODE_DESA_A]
    assert response.context["jumlah_terverifikasi"].jiwa_akhir == 1013
    html = response.content.decode()
    assert "Terverifikasi 4 September 2025 09.30 WITA" in html
    assert "Belum terverifikasi: angka sementara" in html
    assert "1 dari 16 desa/kelurahan terverifikasi" in html


def test_a_month_not_verified_or_not_a_month_falls_back_to_the_latest_with_a_message(
    client, verified, kecamatan, kasi_trantib
):
    for asked, words in [
        ("2025-07", "Juli 2025 belum ada yang terverifikasi"),
        ("<script>", "tidak dikenali"),
    ]:
        response = page(client, kasi_trantib, kecamatan, periode=asked)
        assert response.status_code == 200
        assert response.context["periode"] == PERIODE
        assert words in response.content.decode()
        assert "<script>" not in response.content.decode().split("<main")[1]


def test_without_a_verified_month_it_says_so(client, kecamatan, kasi_trantib):
    response = page(client, kasi_trantib, kecamatan)
    assert response.status_code == 200
    assert "Belum ada laporan kependudukan yang terverifikasi" in response.content.decode()


def test_another_kecamatan_is_not_found(client, verified, kecamatan, kasi_trantib_luar):
    assert page(client, kasi_trantib_luar, kecamatan).status_code == 404


def test_the_monthly_page_says_its_numbers_are_frozen(client, verified, desa_a, operator_a):
    client.force_login(operator_a)
    response = client.get(reverse("kependudukan:laporan_bulanan", args=[desa_a.pk, str(PERIODE)]))
    assert "Angka bulan ini disimpan saat verifikasi 4 September 2025 09.30 WITA" in response.content.decode()
    response = client.get(reverse("kependudukan:laporan_bulanan", args=[desa_a.pk, str(PERIODE.next())]))
    assert "Angka bulan ini disimpan saat verifikasi" not in response.content.decode()

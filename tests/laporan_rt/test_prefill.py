"""An RT report is pre-filled from the desa's events and the RT's previous month; differences need a note."""

import pytest
from django.urls import reverse

from laporan_rt.models import LaporanRT
from laporan_rt.prefill import acuan_for
from tests.factories.kependudukan import make_peristiwa
from tests.factories.laporan_rt import PERIODE, form_data, make_laporan

pytestmark = pytest.mark.django_db


def _isi(rt, periode=PERIODE):
    return reverse("laporan_rt:isi", args=[rt.desa_id, str(periode), rt.nomor])


def test_events_of_the_rt_and_month_are_counted(desa_a, rt_a1, rt_a2):
    make_peristiwa(desa_a, "LAHIR", nomor_rt=1, jenis_kelamin="L")
    make_peristiwa(desa_a, "LAHIR", nomor_rt=1, jenis_kelamin="P")
    make_peristiwa(desa_a, "LAHIR", nomor_rt=1, jenis_kelamin="P")
    make_peristiwa(desa_a, "PINDAH", nomor_rt=1, jenis_kelamin="L")
    make_peristiwa(desa_a, "MATI", nomor_rt=2, jenis_kelamin="L")  # another RT
    make_peristiwa(desa_a, "DATANG", nomor_rt=1, periode=PERIODE.previous())  # another month
    make_peristiwa(desa_a, "DATANG", nomor_rt=None)  # no RT
    acuan = acuan_for(rt_a1, PERIODE)
    assert acuan.peristiwa["LAHIR"] == {"L": 1, "P": 2}
    assert acuan.peristiwa["PINDAH"] == {"L": 1, "P": 0}
    assert acuan.peristiwa["MATI"] == {"L": 0, "P": 0}
    assert acuan.peristiwa["DATANG"] == {"L": 0, "P": 0}


def test_the_new_form_shows_the_events_and_last_months_end(client_for, operator_a, desa_a, rt_a1):
    make_laporan(rt_a1, PERIODE.previous(), awal_kk=40, awal_l=60, awal_p=55, datang_l=2, akhir_kk=41)
    make_peristiwa(desa_a, "LAHIR", nomor_rt=1, jenis_kelamin="P")
    response = client_for(operator_a).get(_isi(rt_a1))
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert initial["lahir_p"] == 1
    assert initial["awal_l"] == 62
    assert initial["awal_p"] == 55
    assert initial["awal_kk"] == 41
    lahir = response.context["peristiwa"][0]
    assert lahir["label"] == "Lahir"
    assert [kolom["acuan"] for kolom in lahir["kolom"]] == [0, 1]
    assert "desa: 1" in response.content.decode()


def test_a_figure_differing_from_the_events_needs_a_note(client_for, operator_a, desa_a, rt_a1):
    make_peristiwa(desa_a, "LAHIR", nomor_rt=1, jenis_kelamin="L")
    client = client_for(operator_a)
    response = client.post(_isi(rt_a1), form_data(lahir_l="2"))
    assert response.status_code == 200
    assert "Lahir laki-laki: isian otomatis 1, diisi 2" in response.content.decode()
    assert not LaporanRT.objects.exists()
    note = "Satu kelahiran belum dicatat desa."
    response = client.post(_isi(rt_a1), form_data(lahir_l="2", catatan_perbedaan=note))
    assert response.status_code == 302
    laporan = LaporanRT.objects.get()
    assert laporan.lahir_l == 2
    assert laporan.catatan_perbedaan == note


def test_the_same_figures_as_the_events_need_no_note(client_for, operator_a, desa_a, rt_a1):
    make_peristiwa(desa_a, "MATI", nomor_rt=1, jenis_kelamin="P")
    response = client_for(operator_a).post(_isi(rt_a1), form_data(meninggal_p="1"))
    assert response.status_code == 302
    assert LaporanRT.objects.get().meninggal_p == 1


def test_a_start_differing_from_last_months_end_needs_a_note(client_for, operator_a, rt_a1):
    make_laporan(rt_a1, PERIODE.previous(), awal_kk=30, awal_l=50, awal_p=48)
    client = client_for(operator_a)
    response = client.post(_isi(rt_a1), form_data(awal_l="55"))
    assert "Laki-laki awal bulan: isian otomatis 50, diisi 55" in response.content.decode()
    assert LaporanRT.objects.count() == 1


def test_the_end_of_month_follows_from_start_and_events(client_for, operator_a, desa_a, rt_a1):
    for jenis, jenis_kelamin in [
        ("LAHIR", "L"),
        ("DATANG", "P"),
        ("DATANG", "P"),
        ("MATI", "L"),
        ("PINDAH", "P"),
    ]:
        make_peristiwa(desa_a, jenis, nomor_rt=1, jenis_kelamin=jenis_kelamin)
    data = form_data(lahir_l="1", datang_p="2", meninggal_l="1", pindah_p="1", akhir_kk="31")
    client_for(operator_a).post(_isi(rt_a1), data)
    laporan = LaporanRT.objects.get()
    assert (laporan.akhir_l, laporan.akhir_p, laporan.akhir_kk) == (50, 49, 31)


def test_more_leaving_than_living_is_refused(client_for, operator_a, rt_a1):
    data = form_data(awal_l="1", meninggal_l="3", catatan_perbedaan="Dicoba")
    response = client_for(operator_a).post(_isi(rt_a1), data)
    assert "Penduduk laki-laki akhir bulan menjadi -2" in response.content.decode()
    assert not LaporanRT.objects.exists()


@pytest.mark.parametrize("value", ["", "abc", "-1", "1000001"])
def test_a_bad_number_is_refused_without_an_error_page(client_for, operator_a, rt_a1, value):
    response = client_for(operator_a).post(_isi(rt_a1), form_data(awal_kk=value))
    assert response.status_code == 200
    assert "Periksa isian yang ditandai merah" in response.content.decode()
    assert not LaporanRT.objects.exists()

"""The desa's monthly page of RT reports: who reported, the totals and lists, the findings, the panel."""

import pytest
from django.urls import reverse

from laporan_rt.models import KejadianRT, TamuWajibLapor
from tests.factories.laporan_rt import PERIODE, make_laporan

pytestmark = pytest.mark.django_db


def _url(desa, periode=PERIODE):
    return reverse("laporan_rt:laporan_bulanan", args=[desa.pk, str(periode)])


def test_it_shows_who_reported_and_what(client_for, operator_a, desa_a, rt_a1, rt_a2):
    laporan = make_laporan(
        rt_a1, awal_l=1234, lahir_l=1, masalah="Jembatan kayu lapuk", catatan_perbedaan="x"
    )
    make_laporan(rt_a2, sent=False)
    TamuWajibLapor.objects.create(
        laporan=laporan,
        nama="Mahdiah",
        nomor_identitas="6311064501900002",
        asal="Amuntai",
        keperluan="Bekerja",
        tanggal_datang=PERIODE.awal,
    )
    KejadianRT.objects.create(
        laporan=laporan, jenis="bencana", tanggal=PERIODE.awal, uraian="Banjir setinggi lutut"
    )
    response = client_for(operator_a).get(_url(desa_a))
    assert response.status_code == 200
    text = response.content.decode()
    assert "1 dari 2 RT" in text
    assert "Draf, belum dikirim" in text
    assert "1.234" in text
    assert "Mahdiah" in text
    assert "6311********0002" in text
    assert "Banjir setinggi lutut" in text
    assert "Jembatan kayu lapuk" in text
    assert "Laporan RT berbeda dengan peristiwa" in text
    assert 'name="penjelasan_rt_2"' in text
    assert reverse("laporan_rt:isi", args=[desa_a.pk, str(PERIODE), 2]) in text


@pytest.mark.parametrize("role", ["camat", "kabupaten", "kasi_trantib"])
def test_the_kecamatan_and_kabupaten_read_it(client_for, cast, desa_a, rt_a1, role):
    make_laporan(rt_a1)
    response = client_for(cast[role]).get(_url(desa_a))
    assert response.status_code == 200
    assert "1 dari 1 RT" in response.content.decode()


def test_read_only_roles_see_no_fill_links(client_for, camat, desa_a, rt_a1):
    text = client_for(camat).get(_url(desa_a)).content.decode()
    assert reverse("laporan_rt:isi", args=[desa_a.pk, str(PERIODE), 1]) not in text
    assert reverse("desa:akun_rt_list", args=[desa_a.pk]) not in text


def test_another_desa_is_404(client_for, operator_b, operator_luar, desa_a):
    assert client_for(operator_b).get(_url(desa_a)).status_code == 404
    assert client_for(operator_luar).get(_url(desa_a)).status_code == 404


def test_a_read_only_role_cannot_send(client_for, camat, desa_a, rt_a1):
    make_laporan(rt_a1)
    url = reverse("desa:laporan_kirim", args=[desa_a.pk, "laporan_rt", str(PERIODE)])
    assert client_for(camat).post(url, {"versi": "0"}).status_code == 403


def test_sending_needs_a_post(client_for, operator_a, desa_a):
    url = reverse("desa:laporan_kirim", args=[desa_a.pk, "laporan_rt", str(PERIODE)])
    assert client_for(operator_a).get(url).status_code == 405


def test_a_desa_without_rt_is_told_to_add_them(client_for, operator_a, desa_a):
    text = client_for(operator_a).get(_url(desa_a)).content.decode()
    assert "Desa ini belum punya daftar RT" in text
    assert "0 dari 0 RT" in text


def test_the_month_navigation_stops_at_the_current_month(client_for, operator_a, desa_a):
    text = client_for(operator_a).get(_url(desa_a, PERIODE.next())).content.decode()
    assert _url(desa_a, PERIODE) in text
    assert _url(desa_a, PERIODE.next().next()) not in text


def test_the_dashboard_registry_links_here(desa_a):
    from desa.registry import available_kinds, monthly_report_url

    assert "laporan_rt" in available_kinds()
    assert monthly_report_url("laporan_rt", desa_a, PERIODE) == _url(desa_a)

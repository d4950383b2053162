"""Nihil is for a month with nothing recorded: the page offers it only then, the send refuses it otherwise."""

import pytest

from desa.models import LaporanBulanan
from desa.models.laporan import Status
from tests.factories.linmas import last_month, make_kegiatan, make_kejadian
from tests.factories.waktu import wita
from tests.linmas.formulir import kirim_url, page_url


@pytest.fixture
def lalu():
    return last_month()


@pytest.fixture
def with_activity(desa_a, lalu):
    return make_kegiatan(desa_a, lalu.awal)


def test_a_month_with_an_activity_offers_no_nihil(client_for, operator_a, desa_a, lalu, with_activity):
    html = client_for(operator_a).get(page_url(desa_a, lalu)).content.decode()
    assert "Kirim laporan" in html
    assert 'name="nihil"' not in html
    # The keterangan for the kecamatan stays possible without the nihil part of the panel.
    assert html.count('name="keterangan"') == 1


def test_a_month_with_only_an_incident_offers_no_nihil(client_for, operator_a, desa_a, lalu):
    make_kejadian(desa_a, wita(lalu.awal))
    html = client_for(operator_a).get(page_url(desa_a, lalu)).content.decode()
    assert 'name="nihil"' not in html


def test_an_empty_month_offers_nihil_and_its_reason(client_for, operator_a, desa_a, lalu):
    html = client_for(operator_a).get(page_url(desa_a, lalu)).content.decode()
    assert 'name="nihil"' in html
    assert html.count('name="keterangan"') == 1


def test_nihil_posted_anyway_for_a_month_with_entries_is_refused(
    client_for, operator_a, desa_a, lalu, with_activity
):
    response = client_for(operator_a).post(
        kirim_url(desa_a, lalu), {"versi": "0", "nihil": "on", "keterangan": "Tidak ada"}, follow=True
    )
    assert "jadi laporannya tidak nihil" in response.content.decode()
    assert not LaporanBulanan.objects.filter(status=Status.DIKIRIM).exists()


def test_a_month_with_entries_is_sent_with_its_keterangan(
    client_for, operator_a, desa_a, lalu, with_activity
):
    response = client_for(operator_a).post(
        kirim_url(desa_a, lalu), {"versi": "0", "keterangan": "Ronda digabung dengan desa tetangga"}
    )
    assert response.status_code == 302
    laporan = LaporanBulanan.objects.get()
    assert laporan.status == Status.DIKIRIM and not laporan.nihil
    assert laporan.keterangan == "Ronda digabung dengan desa tetangga"


def test_the_lists_are_folded_for_the_operator_and_open_for_the_kasi_trantib(
    client_for, operator_a, kasi_trantib, desa_a, lalu, with_activity
):
    operator_html = client_for(operator_a).get(page_url(desa_a, lalu)).content.decode()
    assert operator_html.count('<details class="card linmas-lipat">') == 4
    trantib_html = client_for(kasi_trantib).get(page_url(desa_a, lalu)).content.decode()
    assert trantib_html.count('<details class="card linmas-lipat" open>') == 4


def test_the_send_panel_comes_before_the_lists(client_for, operator_a, desa_a, lalu, with_activity):
    html = client_for(operator_a).get(page_url(desa_a, lalu)).content.decode()
    assert html.index('id="panel-laporan"') < html.index('id="judul-program"') < html.index("linmas-lipat")

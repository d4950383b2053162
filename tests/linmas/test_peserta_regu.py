"""Participants are picked regu by regu: one folded group per regu, usable without JavaScript."""

import re

import pytest

from linmas.forms import KegiatanForm
from linmas.forms.kegiatan import PIMPINAN
from linmas.models import Kegiatan, Regu
from tests.factories.linmas import make_kegiatan, make_satlinmas
from tests.linmas.formulir import create_url, kegiatan_data


@pytest.fixture
def satlinmas(desa_a):
    return make_satlinmas(desa_a)


def test_the_members_are_grouped_by_regu_leaders_first(desa_a, satlinmas):
    groups = KegiatanForm(instance=Kegiatan(desa=desa_a)).peserta_per_regu()
    assert [group.label for group in groups] == [PIMPINAN, *Regu.labels]
    assert [group.jumlah for group in groups] == [2, 4, 4, 4, 4, 4]
    pengamanan = groups[2]
    assert [pilihan.choice_label for pilihan in pengamanan.pilihan] == [
        "Gusti Rahmat (Danru)",
        "Hendra Saputra",
        "Irwan Syah",
        "Joko Susilo",
    ]
    assert not any(group.terbuka for group in groups)


def test_a_regu_with_a_ticked_member_shows_unfolded(desa_a, satlinmas, day_last_month):
    kegiatan = make_kegiatan(desa_a, day_last_month, peserta=[satlinmas[7]])
    groups = KegiatanForm(instance=kegiatan).peserta_per_regu()
    assert [(group.label, group.jumlah_dipilih, group.terbuka) for group in groups if group.terbuka] == [
        ("Pengamanan", 1, True)
    ]


def test_the_page_has_every_checkbox_in_a_folded_group(client_for, operator_a, desa_a, satlinmas):
    html = client_for(operator_a).get(create_url(desa_a)).content.decode()
    assert len(re.findall(r'<input type="checkbox" name="peserta"', html)) == 22
    assert html.count('<details class="linmas-regu" data-regu>') == 6
    assert '<legend class="visually-hidden">Dapur Umum</legend>' in html
    # The search box and "pilih semua" need JavaScript: without it they stay hidden.
    assert re.search(r'<div class="linmas-cari" data-cari-wadah hidden>', html)
    assert html.count('<div class="form-check linmas-pilih-semua" hidden>') == 6


def test_a_refused_form_opens_the_first_group_to_show_the_error(
    client_for, operator_a, desa_a, satlinmas, day_last_month
):
    response = client_for(operator_a).post(create_url(desa_a), kegiatan_data(day_last_month, []))
    html = response.content.decode()
    assert "Pilih paling sedikit satu anggota yang ikut." in html
    assert html.count('<details class="linmas-regu" data-regu open>') == 1


def test_a_whole_regu_is_saved_as_participants(client_for, operator_a, desa_a, satlinmas, day_last_month):
    regu = [anggota for anggota in satlinmas if anggota.regu == Regu.DAPUR_UMUM]
    response = client_for(operator_a).post(create_url(desa_a), kegiatan_data(day_last_month, regu))
    assert response.status_code == 302
    assert set(Kegiatan.objects.get().peserta.all()) == set(regu)

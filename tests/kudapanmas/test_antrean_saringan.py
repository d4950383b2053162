"""The queue's filters by kind, desa and month: valid values narrow it, bad ones are a message."""

import pytest
from django.urls import reverse

from desa.models.laporan import Status
from desa.periode import Periode
from kudapanmas import dasbor
from tests.factories.ledger import laporan
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

NOW = wita(2026, 9, 20, 12)
PARINGIN = "63.11.06"
AGUSTUS, JULI = Periode(2026, 8), Periode(2026, 7)

frozen = frozen_at(NOW)


@pytest.fixture
def waiting(paringin, desa_a, desa_b, desa_luar):
    """Four reports waiting in Paringin (two kinds, two desa, two months), one in Juai."""
    laporan(desa_a, AGUSTUS, sent=wita(2026, 9, 3, 9))
    laporan(desa_a, AGUSTUS, jenis="linmas", sent=wita(2026, 9, 4, 9))
    laporan(desa_b, AGUSTUS, sent=wita(2026, 9, 5, 9))
    laporan(desa_b, JULI, sent=wita(2026, 8, 3, 9))
    laporan(desa_a, JULI, Status.DIVERIFIKASI)
    laporan(desa_luar, AGUSTUS)


def queue(client, **params):
    return client.get(reverse("kudapanmas:antrean_kecamatan", args=[PARINGIN]), params)


def listed(response):
    return [(item.sel.desa.nama, item.sel.jenis, str(item.sel.periode)) for item in response.context["items"]]


@pytest.mark.parametrize(
    "params,expected",
    [
        ({}, 4),
        ({"jenis": "linmas"}, 1),
        ({"desa": "63.11.06.2014"}, 2),
        ({"periode": "2026-07"}, 1),
        ({"jenis": "kependudukan", "periode": "2026-08"}, 2),
        ({"jenis": "kependudukan", "desa": "63.11.06.2005", "periode": "2026-08"}, 1),
    ],
)
def test_each_filter_narrows_the_queue(waiting, cast, client_for, params, expected):
    response = queue(client_for(cast["kasi_trantib"]), **params)
    assert response.status_code == 200
    assert len(listed(response)) == expected
    assert not response.context["saringan"].kesalahan


def test_a_filtered_queue_says_how_many_wait_in_all(waiting, cast, client_for):
    response = queue(client_for(cast["kasi_trantib"]), desa="63.11.06.2014")
    content = response.content.decode()
    assert "2 laporan menunggu dengan saringan ini (dari 4 di antrean)" in content
    assert listed(response) == [
        ("Lok Batung", "kependudukan", "2026-07"),
        ("Lok Batung", "kependudukan", "2026-08"),
    ]
    assert "Hapus saringan" in content


def test_the_filter_offers_the_months_that_wait_and_the_kecamatan_desa(waiting, cast, client_for):
    saringan = queue(client_for(cast["kasi_trantib"])).context["saringan"]
    assert saringan.pilihan_periode == [("2026-08", "Agustus 2026"), ("2026-07", "Juli 2026")]
    assert len(saringan.pilihan_desa) == 16
    assert "63.11.01.2003" not in dict(saringan.pilihan_desa)  # Juai's desa
    assert ("linmas", "Linmas") in saringan.pilihan_jenis


@pytest.mark.parametrize(
    "params,message",
    [
        ({"jenis": "pajak"}, "Jenis laporan yang dipilih tidak dikenal"),
        ({"jenis": "x" * 5000}, "Jenis laporan yang dipilih tidak dikenal"),
        ({"desa": "63.11.01.2003"}, "Desa yang dipilih bukan desa Kecamatan Paringin"),
        ({"desa": "63.11.06.2005\x00"}, None),  # a control character is dropped, the code stays
        ({"periode": "2026-13"}, "Bulan ditulis TTTT-BB"),
        ({"periode": "agustus"}, "Bulan ditulis TTTT-BB"),
        ({"periode": "1999-12"}, "Bulan ditulis TTTT-BB"),
        ({"periode": "9999-01"}, "Bulan ditulis TTTT-BB"),
        ({"periode": "2026-08" + "9" * 400}, "Bulan ditulis TTTT-BB"),
    ],
)
def test_a_bad_filter_is_a_message_and_the_queue_stays_whole(waiting, cast, client_for, params, message):
    response = queue(client_for(cast["kasi_trantib"]), **params)
    assert response.status_code == 200
    content = response.content.decode()
    if message is None:
        assert listed(response) == [("Balang", "kependudukan", "2026-08"), ("Balang", "linmas", "2026-08")]
        return
    assert message in content
    assert len(listed(response)) == 4


def test_a_month_without_waiting_reports_is_an_empty_queue_not_an_error(waiting, cast, client_for):
    response = queue(client_for(cast["kasi_trantib"]), periode="2026-05")
    assert listed(response) == []
    assert "Tidak ada laporan yang menunggu dengan saringan ini." in response.content.decode()
    assert ("2026-05", "Mei 2026") in response.context["saringan"].pilihan_periode


def test_the_saringan_reads_only_what_it_knows(paringin):
    saringan = dasbor.saringan_antrean(paringin, {"jenis": "linmas", "periode": "2026-08", "lain": "x"})
    assert (saringan.jenis, saringan.periode, saringan.desa) == ("linmas", AGUSTUS, "")
    assert saringan.query == "jenis=linmas&periode=2026-08"


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_read_only_roles_filter_the_queue_but_see_no_checkboxes(waiting, cast, client_for, role):
    response = queue(client_for(cast[role]), jenis="linmas")
    content = response.content.decode()
    assert len(listed(response)) == 1
    assert 'name="laporan"' not in content and "Verifikasi yang dipilih" not in content
    assert ">Lihat</a>" in content

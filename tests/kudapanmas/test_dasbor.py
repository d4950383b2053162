"""The kecamatan dashboard and the kabupaten overview: content, filters, and a fixed query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from desa.models import Desa, Kecamatan
from desa.models.laporan import Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

AGUSTUS = Periode(2026, 8)
NOW = wita(2026, 9, 20, 12)
PARINGIN = "63.11.06"
MAX_QUERIES = 8  # session, user, kecamatan or kabupaten, desa, ledger, one count


frozen = frozen_at(NOW)


@pytest.fixture
def sample(paringin, desa_a, desa_b):
    laporan(desa_a, AGUSTUS, Status.DIKIRIM, sent=wita(2026, 9, 7, 10))  # late, 2 days
    laporan(desa_b, AGUSTUS, Status.DIVERIFIKASI, sent=wita(2026, 9, 3, 10), nihil=True)
    return paringin


def dasbor_url(kode=PARINGIN, periode=AGUSTUS, **query):
    url = reverse("kudapanmas:dasbor_kecamatan", args=[kode, str(periode)])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_dashboard_shows_each_cell_with_colour_and_text(sample, cast, client_for):
    content = client_for(cast["kasi_trantib"]).get(dasbor_url()).content.decode()
    assert "Dasbor kepatuhan · Kecamatan Paringin" in content
    assert "Laporan Agustus 2026" in content
    assert 'class="sel keadaan-terlambat"' in content and "2 hari terlambat" in content
    assert 'class="sel keadaan-diverifikasi"' in content and "Dikirim 3 September 2026" in content
    assert 'class="sel keadaan-belum_dikirim"' in content
    assert content.count('<span class="sel-keadaan">Belum dikirim</span>') == 14
    assert "Nihil" in content
    assert reverse("kependudukan:laporan_bulanan", args=["63.11.06.2005", "2026-08"]) in content


def test_the_dashboard_headline_rates(sample, cast, client_for):
    content = client_for(cast["camat"]).get(dasbor_url()).content.decode()
    assert "12,5%" in content  # 2 of 16 sent
    assert "2 dari 16 laporan terkirim" in content
    assert "6,2%" in content  # 1 of 16 on time
    assert "1 dari 16 tepat waktu" in content
    assert "5 September 2026 pukul 23.59 WITA" in content


def test_the_dashboard_filters_by_state_without_javascript(sample, cast, client_for):
    content = client_for(cast["kasi_trantib"]).get(dasbor_url(keadaan="terlambat")).content.decode()
    assert "Balang" in content
    assert "Lok Batung" not in content
    assert 'aktif" aria-current="true">Terlambat' in content


def test_an_unknown_filter_shows_every_desa(sample, cast, client_for):
    content = client_for(cast["kasi_trantib"]).get(dasbor_url(keadaan="<script>")).content.decode()
    assert "Balang" in content and "Lok Batung" in content
    assert "<script>" not in content


def test_a_filter_with_no_match_says_so(sample, cast, client_for):
    content = client_for(cast["kasi_trantib"]).get(dasbor_url(keadaan="dikembalikan")).content.decode()
    assert "Tidak ada desa dengan keadaan ini." in content


def test_the_dashboard_shows_only_the_required_kinds(paringin, cast, client_for):
    content = client_for(cast["kasi_trantib"]).get(dasbor_url()).content.decode()
    assert '<span class="label-panjang">Kependudukan</span>' in content
    assert '<span class="label-panjang">Linmas</span>' not in content


def test_kinds_without_a_monthly_page_stay_off_the_dashboard(paringin, cast, client_for, monkeypatch):
    from desa import registry

    monkeypatch.setattr(registry, "_monthly_pages", {})
    content = client_for(cast["kasi_trantib"]).get(dasbor_url()).content.decode()
    assert "Belum ada jenis laporan bulanan yang aktif" in content


def test_the_month_links_move_one_month(sample, cast, client_for):
    content = client_for(cast["kasi_trantib"]).get(dasbor_url(keadaan="terlambat")).content.decode()
    assert dasbor_url(periode=Periode(2026, 7)) + "?keadaan=terlambat" in content
    assert dasbor_url(periode=Periode(2026, 9)) + "?keadaan=terlambat" in content


def test_the_kabupaten_opens_any_kecamatan_dashboard(sample, cast, client_for):
    client = client_for(cast["kabupaten"])
    for kecamatan in Kecamatan.objects.all():
        assert client.get(dasbor_url(kode=kecamatan.kode)).status_code == 200
    content = client.get(dasbor_url()).content.decode()
    assert reverse("kudapanmas:dasbor_kabupaten", args=["63.11", "2026-08"]) in content


def test_the_kabupaten_overview_has_one_row_per_kecamatan(sample, cast, client_for):
    content = (
        client_for(cast["kabupaten"])
        .get(reverse("kudapanmas:dasbor_kabupaten", args=["63.11", "2026-08"]))
        .content.decode()
    )
    for kecamatan in Kecamatan.objects.all():
        assert dasbor_url(kode=kecamatan.kode) in content
    assert content.count('<th scope="row">') == 8
    # Paringin requires one kind: 2 of 16 sent; the whole kabupaten: 2 of 157 × its kinds.
    assert "2/16" in content
    assert "Ringkasan Kabupaten Balangan" in content


def add_desa(count):
    kecamatan = Kecamatan.objects.get(pk=PARINGIN)
    Desa.objects.bulk_create(
        Desa(kode=f"63.11.06.2{100 + n:03d}", kecamatan=kecamatan, nama=f"Uji {n}", jenis="desa")
        for n in range(count)
    )
    for index, desa in enumerate(Desa.objects.filter(kecamatan=kecamatan)):
        if index % 2:
            laporan(desa, AGUSTUS, [Status.DIKIRIM, Status.DIVERIFIKASI, Status.DIKEMBALIKAN][index % 3])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.mark.parametrize("extra", [0, 144])
def test_the_kecamatan_dashboard_runs_a_fixed_number_of_queries(
    paringin, cast, client_for, django_assert_max_num_queries, extra
):
    add_desa(extra)
    client = client_for(cast["kasi_trantib"])
    client.get(dasbor_url())  # the session is warm, as for a real user
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(dasbor_url())
    assert response.content.decode().count('<th scope="row">') == 16 + extra


@pytest.mark.parametrize("extra", [0, 144])
def test_the_kabupaten_overview_runs_a_fixed_number_of_queries(
    paringin, cast, client_for, django_assert_max_num_queries, extra
):
    add_desa(extra)
    client = client_for(cast["kabupaten"])
    url = reverse("kudapanmas:dasbor_kabupaten", args=["63.11", "2026-08"])
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert f'<td data-label="Desa/kel.">{16 + extra}</td>' in response.content.decode()


def test_the_query_count_does_not_grow_with_the_number_of_desa(paringin, cast, client_for):
    client = client_for(cast["kasi_trantib"])
    overview = client_for(cast["kabupaten"])
    kabupaten_url = reverse("kudapanmas:dasbor_kabupaten", args=["63.11", "2026-08"])
    client.get(dasbor_url())
    small = count_queries(client, dasbor_url())[0]
    small_overview = count_queries(overview, kabupaten_url)[0]
    add_desa(144)
    assert count_queries(client, dasbor_url())[0] == small
    assert count_queries(overview, kabupaten_url)[0] == small_overview


def test_on_a_phone_each_cell_has_a_short_state_explained_in_a_legend(sample, cast, client_for):
    response = client_for(cast["kasi_trantib"]).get(dasbor_url())
    content = response.content.decode()
    assert '<span class="sel-singkat" aria-hidden="true">telat</span>' in content
    assert '<span class="sel-singkat" aria-hidden="true">✓ ver</span>' in content
    assert content.count('<span class="sel-singkat" aria-hidden="true">✗ belum</span>') == 14
    legend = content[content.index('id="legenda-grid"') :]
    legend = legend[: legend.index("</p>")]
    for short, label in [("✗ belum", "Belum dikirim"), ("telat", "Terlambat"), ("✓ ver", "Terverifikasi")]:
        assert f"{short}</span> {label}" in legend
    assert "Tepat waktu" not in legend  # only the states the grid shows
    assert '<abbr class="label-singkat" title="Kependudukan">Pddk</abbr>' in content
    assert "css/dasbor.css" in content

"""The verification queue (oldest first, with waiting time) and the rapor desa (12 months, ranked)."""

import pytest
from django.urls import reverse

from desa.models import Desa
from desa.models.laporan import Status
from desa.periode import Periode
from kudapanmas import dasbor, rapor
from tests.factories.ledger import laporan
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

NOW = wita(2026, 9, 20, 12)
PARINGIN = "63.11.06"


frozen = frozen_at(NOW)


def test_the_queue_lists_sent_reports_oldest_first_with_their_wait(paringin, desa_a, desa_b, desa_luar):
    laporan(desa_a, Periode(2026, 8), Status.DIKIRIM, sent=wita(2026, 9, 18, 9))
    laporan(
        desa_b, Periode(2026, 7), Status.DIKIRIM, sent=wita(2026, 8, 3, 9), dikirim_at=wita(2026, 9, 17, 8)
    )
    laporan(desa_b, Periode(2026, 8), Status.DIVERIFIKASI)
    laporan(desa_a, Periode(2026, 7), Status.DIKEMBALIKAN)
    laporan(desa_luar, Periode(2026, 8), Status.DIKIRIM)
    items = dasbor.antrean(paringin)
    assert [(item.sel.desa, item.sel.periode) for item in items] == [
        (desa_b, Periode(2026, 7)),
        (desa_a, Periode(2026, 8)),
    ]
    assert [item.menunggu for item in items] == ["3 hari 4 jam", "2 hari 3 jam"]


@pytest.mark.parametrize(
    "minutes,text", [(59, "kurang dari 1 jam"), (60, "1 jam"), (60 * 24, "1 hari"), (60 * 49, "2 hari 1 jam")]
)
def test_the_wait_reads_in_words(minutes, text):
    import datetime

    assert dasbor.lama(datetime.timedelta(minutes=minutes)) == text


def test_the_queue_page_links_each_report_for_review(paringin, desa_a, cast, client_for):
    laporan(desa_a, Periode(2026, 8), Status.DIKIRIM, sent=wita(2026, 9, 7, 9))
    content = (
        client_for(cast["kasi_trantib"])
        .get(reverse("kudapanmas:antrean_kecamatan", args=[PARINGIN]))
        .content.decode()
    )
    assert "1 laporan menunggu" in content
    assert reverse("kependudukan:laporan_bulanan", args=[desa_a.kode, "2026-08"]) in content
    assert "Terlambat · 2 hari" in content
    assert "13 hari 3 jam" in content
    assert ">Periksa</a>" in content


def test_the_queue_is_read_only_for_the_camat(paringin, desa_a, cast, client_for):
    laporan(desa_a, Periode(2026, 8), Status.DIKIRIM)
    content = (
        client_for(cast["camat"])
        .get(reverse("kudapanmas:antrean_kecamatan", args=[PARINGIN]))
        .content.decode()
    )
    assert ">Lihat</a>" in content and ">Periksa</a>" not in content


def on_time_months(desa, count, *, late=0):
    for offset in range(count + late):
        periode = Periode(2026, 8).shift(-offset)
        following = periode.next()
        day = 9 if offset < late else 3
        laporan(desa, periode, Status.DIVERIFIKASI, sent=wita(following.tahun, following.bulan, day, 10))


def test_the_rapor_ranks_desa_by_on_time_reports_over_twelve_months(paringin, desa_a, desa_b):
    on_time_months(desa_a, 12)
    on_time_months(desa_b, 9, late=2)
    laporan(desa_a, Periode(2025, 8), Status.DIVERIFIKASI)  # the thirteenth month back: outside
    result = rapor.rapor_desa(paringin, Periode(2026, 8), NOW)
    assert [p.label for p in (result.awal, result.akhir)] == ["September 2025", "Agustus 2026"]
    first, second, third = result.rows[:3]
    assert (first.desa, first.peringkat, first.rekap.on_time, first.rekap.expected) == (desa_a, 1, 12, 12)
    assert (second.desa, second.peringkat, second.rekap.on_time, second.rekap.late) == (desa_b, 2, 9, 2)
    assert (third.rekap.on_time, third.rekap.sent, third.peringkat) == (0, 0, 3)
    assert all(row.peringkat == 3 for row in result.rows[2:])  # ties share their rank
    assert first.lebar == 100 and second.lebar == 75
    assert (result.total.expected, result.total.on_time, result.total.sent) == (16 * 12, 21, 23)


def test_the_rapor_chart_has_one_bar_per_month_with_its_rate(paringin, desa_a, desa_b):
    on_time_months(desa_a, 12)
    on_time_months(desa_b, 1)
    result = rapor.rapor_desa(paringin, Periode(2026, 8), NOW)
    assert len(result.bulan) == 12
    assert [bulan.label_persen for bulan in result.bulan[-2:]] == ["6%", "12%"]
    assert result.bulan[-1].singkat == "Agu 26"
    assert result.bulan[-1].tinggi == pytest.approx(150 * 2 / 16, abs=0.1)


def test_the_rapor_page_is_printable_with_the_camat_signature(paringin, desa_a, cast, client_for):
    paringin.nama_camat = "H. Rahmadi Noor"
    paringin.nip_camat = "197805122002121003"
    paringin.save()
    on_time_months(desa_a, 12)
    content = (
        client_for(cast["camat"])
        .get(reverse("kudapanmas:rapor_kecamatan", args=[PARINGIN, "2026-08"]))
        .content.decode()
    )
    assert "Rapor desa · Kecamatan Paringin" in content
    assert "September 2025 – Agustus 2026" in content
    assert "<svg" in content and 'class="grafik-batang"' in content
    assert content.count('class="grafik-batang"') == 12
    assert "H. Rahmadi Noor" in content and "NIP 197805122002121003" in content
    assert "Cetak (A4)" in content
    # Numbers in SVG attributes use a dot, whatever the page's language.
    assert 'height="9.4"' in content


@pytest.mark.parametrize("extra", [0, 144])
def test_the_rapor_runs_a_fixed_number_of_queries(
    paringin, cast, client_for, django_assert_max_num_queries, extra
):
    Desa.objects.bulk_create(
        Desa(kode=f"63.11.06.2{100 + n:03d}", kecamatan=paringin, nama=f"Uji {n}", jenis="desa")
        for n in range(extra)
    )
    client = client_for(cast["kasi_trantib"])
    url = reverse("kudapanmas:rapor_kecamatan", args=[PARINGIN, "2026-08"])
    client.get(url)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200

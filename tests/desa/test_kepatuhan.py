"""The compliance grid and its rates on a hand-computed example; one query however many desa."""

import datetime

import pytest

from desa import kepatuhan
from desa.models import Desa, Kecamatan
from desa.models.laporan import Keadaan, Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.waktu import wita

pytestmark = pytest.mark.django_db

AGUSTUS = Periode(2026, 8)
NOW = wita(2026, 9, 20, 12)


def paringin_desa():
    return list(Desa.objects.filter(kecamatan_id="63.11.06").select_related("kecamatan"))


@pytest.fixture
def example(wilayah):
    """Sixteen desa, one kind, August 2026 (deadline 5 September), looked at on 20 September at noon.

    sent on time: d0 (dikirim, 3 Sep), d2 (verified, 5 Sep 23.00), d3 (returned, first sent 1 Sep)
    sent late:    d1 (dikirim, 7 Sep), d4 (returned, first sent 10 Sep)
    not sent:     d5 (extended to 25 Sep: not due yet), d6..d15 (overdue)
    """
    desa = paringin_desa()
    laporan(desa[0], AGUSTUS, Status.DIKIRIM, sent=wita(2026, 9, 3, 10))
    laporan(desa[1], AGUSTUS, Status.DIKIRIM, sent=wita(2026, 9, 7, 10))
    laporan(desa[2], AGUSTUS, Status.DIVERIFIKASI, sent=wita(2026, 9, 5, 23))
    laporan(desa[3], AGUSTUS, Status.DIKEMBALIKAN, sent=wita(2026, 9, 1, 8), dikirim_at=wita(2026, 9, 12))
    laporan(desa[4], AGUSTUS, Status.DIKEMBALIKAN, sent=wita(2026, 9, 10, 8))
    laporan(desa[5], AGUSTUS, Status.BELUM_DIKIRIM, batas_waktu_perpanjangan=datetime.date(2026, 9, 25))
    # Another month and another kind must not leak into August's kependudukan cells.
    laporan(desa[6], Periode(2026, 7), Status.DIVERIFIKASI)
    laporan(desa[7], AGUSTUS, Status.DIVERIFIKASI, jenis="linmas")
    return desa


def test_the_rates_match_the_hand_computed_example(example):
    rows = kepatuhan.grid(example, ["kependudukan"], AGUSTUS, NOW)
    total = kepatuhan.rekap(rows)
    assert (total.expected, total.sent, total.on_time, total.late) == (16, 5, 3, 2)
    assert total.tingkat_pelaporan == 5 / 16
    assert total.ketepatan_waktu == 3 / 16
    assert total.counts == {
        Keadaan.BELUM_WAJIB: 0,
        Keadaan.BELUM_JATUH_TEMPO: 1,
        Keadaan.BELUM_DIKIRIM: 10,
        Keadaan.TEPAT_WAKTU: 1,
        Keadaan.TERLAMBAT: 1,
        Keadaan.DIKEMBALIKAN: 2,
        Keadaan.DIVERIFIKASI: 1,
    }


def test_each_cell_has_its_state_and_days_late(example):
    rows = kepatuhan.grid(example, ["kependudukan"], AGUSTUS, NOW)
    cells = [row.sel[0] for row in rows]
    assert [c.keadaan for c in cells[:7]] == [
        Keadaan.TEPAT_WAKTU,
        Keadaan.TERLAMBAT,
        Keadaan.DIVERIFIKASI,
        Keadaan.DIKEMBALIKAN,
        Keadaan.DIKEMBALIKAN,
        Keadaan.BELUM_JATUH_TEMPO,
        Keadaan.BELUM_DIKIRIM,
    ]
    assert [c.hari_terlambat for c in cells[:7]] == [0, 2, 0, 0, 5, 0, 15]
    assert cells[5].is_extended and cells[5].is_open
    assert cells[6].url == "/kependudukan/" + example[6].kode + "/2026-08/"


def test_two_kinds_double_the_expected_reports(example):
    rows = kepatuhan.grid(example, ["kependudukan", "linmas"], AGUSTUS, NOW)
    total = kepatuhan.rekap(rows)
    assert (total.expected, total.sent, total.on_time) == (32, 6, 4)
    assert rows[7].sel[1].keadaan == Keadaan.DIVERIFIKASI
    assert rows[7].has(Keadaan.DIVERIFIKASI) and not rows[8].has(Keadaan.DIVERIFIKASI)


def test_no_expected_report_gives_no_rate():
    total = kepatuhan.rekap([])
    assert total.tingkat_pelaporan is None and total.ketepatan_waktu is None


def test_history_reads_several_months_in_one_query(example, django_assert_num_queries):
    months = [AGUSTUS.shift(-offset) for offset in range(12)]
    with django_assert_num_queries(1):
        per_month = kepatuhan.history(example, ["kependudukan"], months, NOW)
    assert per_month[Periode(2026, 7)][6].sel[0].keadaan == Keadaan.DIVERIFIKASI
    assert kepatuhan.rekap(per_month[AGUSTUS]).sent == 5


def test_grid_required_follows_each_kecamatan_choice(example, desa_luar):
    juai = desa_luar.kecamatan
    juai.jenis_laporan_wajib = ["kependudukan"]
    juai.save()
    desa_luar.kecamatan = Kecamatan.objects.get(pk=juai.pk)
    rows = kepatuhan.grid_required([example[0], desa_luar], AGUSTUS, NOW)
    assert [sel.jenis for sel in rows[1].sel] == ["kependudukan"]


@pytest.mark.parametrize("extra", [0, 144])
def test_the_grid_costs_one_query_at_16_and_160_desa(wilayah, django_assert_num_queries, extra):
    kecamatan = Kecamatan.objects.get(pk="63.11.06")
    Desa.objects.bulk_create(
        Desa(kode=f"63.11.06.2{100 + n:03d}", kecamatan=kecamatan, nama=f"Uji {n}", jenis="desa")
        for n in range(extra)
    )
    desa = paringin_desa()
    assert len(desa) == 16 + extra
    for index, item in enumerate(desa[::3]):
        laporan(item, AGUSTUS, [Status.DIKIRIM, Status.DIVERIFIKASI, Status.DIKEMBALIKAN][index % 3])
    with django_assert_num_queries(1):
        rows = kepatuhan.grid(desa, ["kependudukan", "linmas"], AGUSTUS, NOW)
        total = kepatuhan.rekap(rows)
    assert total.expected == 2 * len(desa)


@pytest.mark.parametrize(
    "now,expected",
    [
        (wita(2026, 9, 5, 23, 59), Periode(2026, 7)),
        (wita(2026, 9, 6, 0, 0), Periode(2026, 8)),
        (wita(2026, 1, 2), Periode(2025, 11)),
    ],
)
def test_the_last_closed_month_is_the_latest_past_its_deadline(kecamatan, now, expected):
    assert kepatuhan.last_closed_periode(kecamatan, now) == expected

"""Findings: an RT's events against the desa's recorded events, and the RT totals against book B.3."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from desa.models import RT
from kependudukan.models import DataAwal
from kependudukan.rincian import jumlah_peristiwa_per_rt
from laporan_rt.temuan import (
    ATURAN_B3,
    ATURAN_BELUM_LENGKAP,
    ATURAN_PERISTIWA,
    peristiwa_per_rt,
    temuan_laporan_rt,
)
from tests.factories.kependudukan import make_peristiwa
from tests.factories.laporan_rt import PERIODE, make_laporan

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_awal(desa_a):
    # Two RT of 50 L, 48 P and 30 KK each at the start of the month.
    return DataAwal.objects.create(desa=desa_a, periode=PERIODE, wni_l=100, wni_p=96, jumlah_kk=60)


def _by_rule(found, aturan):
    return [temuan for temuan in found if temuan.aturan == aturan]


def test_matching_reports_give_no_finding(desa_a, rt_a1, rt_a2, data_awal):
    make_peristiwa(desa_a, "LAHIR", nomor_rt=1, jenis_kelamin="L")
    make_laporan(rt_a1, lahir_l=1)
    make_laporan(rt_a2)
    assert temuan_laporan_rt([desa_a], PERIODE) == []


def test_an_rt_reporting_an_unrecorded_birth_is_named(desa_a, rt_a1, rt_a2, data_awal):
    make_laporan(rt_a1)
    make_laporan(rt_a2, lahir_p=1, catatan_perbedaan="Bayi lahir di rumah, belum dicatat desa.")
    found = temuan_laporan_rt([desa_a], PERIODE)
    per_rt = _by_rule(found, ATURAN_PERISTIWA)
    assert len(per_rt) == 1
    assert per_rt[0].detail.startswith("RT 002: Lahir dilaporkan L 0, P 1, tercatat L 0, P 0.")
    assert "Catatan RT: Bayi lahir di rumah" in per_rt[0].detail
    assert per_rt[0].desa_kode == desa_a.pk
    assert per_rt[0].jenis == "laporan_rt"
    assert per_rt[0].url.endswith(f"/{PERIODE}/rt/2/")
    b3 = _by_rule(found, ATURAN_B3)
    lahir = next(temuan for temuan in b3 if temuan.detail.startswith("Lahir"))
    assert "menurut laporan RT L 0, P 1; menurut B.3 L 0, P 0" in lahir.detail
    assert "RT 002" in lahir.detail
    assert any(temuan.detail.startswith("Penduduk akhir bulan") for temuan in b3)


def test_a_recorded_event_the_rt_did_not_report_is_a_finding(desa_a, rt_a1, data_awal):
    make_peristiwa(desa_a, "PINDAH", nomor_rt=1, jenis_kelamin="L")
    make_laporan(rt_a1, awal_l=100, awal_p=96, awal_kk=60, akhir_kk=60)
    found = _by_rule(temuan_laporan_rt([desa_a], PERIODE), ATURAN_PERISTIWA)
    assert [temuan.detail for temuan in found] == ["RT 001: Pindah dilaporkan L 0, P 0, tercatat L 1, P 0."]


def test_an_event_without_an_rt_explains_a_b3_difference(desa_a, rt_a1, rt_a2, data_awal):
    make_peristiwa(desa_a, "MATI", nomor_rt=None, jenis_kelamin="P")
    make_laporan(rt_a1)
    make_laporan(rt_a2)
    found = temuan_laporan_rt([desa_a], PERIODE)
    assert _by_rule(found, ATURAN_PERISTIWA) == []
    meninggal = [temuan for temuan in _by_rule(found, ATURAN_B3) if temuan.detail.startswith("Meninggal")]
    assert len(meninggal) == 1
    assert "1 peristiwa tanpa nomor RT" in meninggal[0].detail


def test_a_kk_difference_lists_each_rts_kk(desa_a, rt_a1, rt_a2, data_awal):
    make_laporan(rt_a1, akhir_kk=31)
    make_laporan(rt_a2)
    found = _by_rule(temuan_laporan_rt([desa_a], PERIODE), ATURAN_B3)
    assert [temuan.detail for temuan in found] == [
        "KK akhir bulan menurut laporan RT 61; menurut B.3 60. "
        "Periksa jumlah KK tiap RT: RT 001 31; RT 002 30."
    ]


def test_missing_rt_postpone_the_b3_comparison(desa_a, rt_a1, rt_a2, data_awal):
    make_laporan(rt_a1, akhir_kk=99)
    found = temuan_laporan_rt([desa_a], PERIODE)
    assert [temuan.aturan for temuan in found] == [ATURAN_BELUM_LENGKAP]
    assert found[0].informasi
    assert "RT 002 belum melapor" in found[0].detail


def test_without_b3_numbers_only_the_events_are_compared(desa_a, rt_a1):
    make_laporan(rt_a1, akhir_kk=99)
    assert temuan_laporan_rt([desa_a], PERIODE) == []


def test_drafts_are_not_checked(desa_a, rt_a1):
    make_laporan(rt_a1, lahir_l=3, sent=False)
    assert temuan_laporan_rt([desa_a], PERIODE) == []


def test_the_counts_for_many_desa_match_kependudukans_own(desa_a, desa_b, rt_a1, rt_a2):
    make_peristiwa(desa_a, "LAHIR", nomor_rt=1, jenis_kelamin="L")
    make_peristiwa(desa_a, "DATANG", nomor_rt=2, jenis_kelamin="P")
    make_peristiwa(desa_a, "MATI", nomor_rt=None, jenis_kelamin="P")
    make_peristiwa(desa_b, "PINDAH", nomor_rt=5, jenis_kelamin="L")
    ours = peristiwa_per_rt([desa_a, desa_b], PERIODE)
    for desa in (desa_a, desa_b):
        theirs = {nomor: counts for nomor, counts in jumlah_peristiwa_per_rt(desa, PERIODE).items() if any(
            n for per_kind in counts.values() for n in per_kind.values()
        )}  # fmt: skip
        assert ours.get(desa.pk, {}) == theirs


def test_the_number_of_queries_does_not_grow_with_the_desa(kecamatan, desa_a):
    desa_list = list(kecamatan.desa_set.select_related("kecamatan"))
    for desa in desa_list:
        DataAwal.objects.create(desa=desa, periode=PERIODE, wni_l=10, wni_p=10, jumlah_kk=5)
        rt = RT.objects.create(desa=desa, nomor=1)
        RT.objects.create(desa=desa, nomor=2)
        make_laporan(rt, lahir_l=1)

    def count(subset):
        with CaptureQueriesContext(connection) as captured:
            temuan_laporan_rt(subset, PERIODE)
        return len(captured)

    assert count([desa_list[0]]) == count(desa_list)

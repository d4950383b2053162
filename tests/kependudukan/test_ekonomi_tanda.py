"""Recipients flagged perlu verifikasi, on hand-made cases."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from desa.models import Desa
from kependudukan.ekonomi.models import JenisTanda, Keputusan
from kependudukan.ekonomi.services import bantuan_hentikan, bantuan_pertahankan
from kependudukan.ekonomi.tanda import tanda_penerima, temuan_ekonomi
from tests.factories.ekonomi import make_keluarga, make_penerima
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import day, make_peristiwa, recent

MONTH = recent(2)


def kinds(desa_list, periode):
    return [(tanda.penerima.nama, tanda.jenis, tanda.status) for tanda in tanda_penerima(desa_list, periode)]


def test_a_death_before_the_benefit_is_flagged(desa_a):
    nik = make_nik("P")
    make_peristiwa(desa_a, "MATI", day(recent(8), 3), nik=nik)
    make_penerima(desa_a, "PKH", recent(6), nik=nik, nama="Siti")
    assert kinds([desa_a], MONTH) == [("Siti", JenisTanda.MENINGGAL_PINDAH, "Perlu verifikasi")]


def test_a_death_during_the_benefit_is_flagged_from_its_month_on(desa_a):
    nik = make_nik("P")
    make_penerima(desa_a, "BPNT", recent(6), nik=nik, nama="Siti")
    make_peristiwa(desa_a, "MATI", day(MONTH, 20), day(MONTH, 25), nik=nik)
    assert kinds([desa_a], MONTH.previous()) == []
    assert kinds([desa_a], MONTH) == [("Siti", JenisTanda.MENINGGAL_PINDAH, "Perlu verifikasi")]
    assert kinds([desa_a], MONTH.next()) == [("Siti", JenisTanda.MENINGGAL_PINDAH, "Perlu verifikasi")]


def test_a_death_after_the_benefit_ended_is_not_flagged(desa_a):
    nik = make_nik("P")
    make_penerima(desa_a, "PKH", recent(10), recent(5), nik=nik)
    make_peristiwa(desa_a, "MATI", day(MONTH, 2), nik=nik)
    assert kinds([desa_a], MONTH) == []


def test_a_death_recorded_in_another_kecamatan_counts(desa_a, desa_luar):
    nik = make_nik()
    make_penerima(desa_a, "PBI-JK", recent(6), nik=nik, nama="Rusdi")
    make_peristiwa(desa_luar, "MATI", day(MONTH, 2), nik=nik)
    flags = tanda_penerima([desa_a], MONTH)
    assert [tanda.peristiwa.desa_id for tanda in flags] == [desa_luar.pk]
    assert "Juai" in flags[0].detail


def test_a_move_away_is_flagged_but_not_an_arrival_here_afterwards(desa_a, desa_b):
    gone, back = make_nik(), make_nik()
    make_penerima(desa_a, "BPNT", recent(6), nik=gone, nama="Pergi")
    make_penerima(desa_a, "BPNT", recent(6), nik=back, nama="Kembali")
    make_peristiwa(desa_a, "PINDAH", day(recent(4), 2), nik=gone)
    make_peristiwa(desa_b, "PINDAH", day(recent(4), 2), nik=back)
    make_peristiwa(desa_a, "DATANG", day(recent(4), 9), nik=back)
    assert kinds([desa_a], MONTH) == [("Pergi", JenisTanda.MENINGGAL_PINDAH, "Perlu verifikasi")]


def test_an_heir_kept_with_a_reason_is_resolved_and_shows_the_reason(desa_a, operator_a):
    nik = make_nik("P")
    penerima = make_penerima(desa_a, "PKH", recent(6), nik=nik, nama="Siti")
    event = make_peristiwa(desa_a, "MATI", day(recent(1), 2), nik=nik)
    bantuan_pertahankan(
        penerima=penerima, user=operator_a, jenis_tanda=JenisTanda.MENINGGAL_PINDAH,
        alasan="Diteruskan kepada ahli waris Aisyah", peristiwa=event,
    )  # fmt: skip
    (tanda,) = tanda_penerima([desa_a], recent(1))
    assert tanda.selesai and tanda.tindak_lanjut.keputusan == Keputusan.TETAP
    (temuan,) = temuan_ekonomi([desa_a], recent(1))
    assert temuan.informasi and "ahli waris Aisyah" in temuan.detail and temuan.nik == nik


def test_a_later_event_is_a_new_flag_after_a_kept_decision(desa_a, operator_a):
    nik = make_nik()
    penerima = make_penerima(desa_a, "PKH", recent(8), nik=nik)
    first = make_peristiwa(desa_a, "PINDAH", day(recent(6), 2), nik=nik)
    bantuan_pertahankan(penerima=penerima, user=operator_a, jenis_tanda=JenisTanda.MENINGGAL_PINDAH,
                         alasan="Masih tinggal di sini", peristiwa=first)  # fmt: skip
    make_peristiwa(desa_a, "MATI", day(recent(1), 2), nik=nik)
    assert [tanda.status for tanda in tanda_penerima([desa_a], recent(1))] == ["Perlu verifikasi"]


def test_stopping_the_benefit_resolves_the_flag_and_ends_it(desa_a, operator_a):
    nik = make_nik("P")
    penerima = make_penerima(desa_a, "BPNT", recent(6), nik=nik)
    event = make_peristiwa(desa_a, "MATI", day(recent(1), 2), nik=nik)
    bantuan_hentikan(penerima=penerima, user=operator_a, tanggal=day(recent(0), 1), alasan="Meninggal",
                      jenis_tanda=JenisTanda.MENINGGAL_PINDAH, peristiwa=event)  # fmt: skip
    penerima.refresh_from_db()
    assert penerima.selesai == recent(0)
    assert [tanda.status for tanda in tanda_penerima([desa_a], recent(0))] == ["Selesai: bantuan dihentikan"]
    assert tanda_penerima([desa_a], recent(0).next()) == []


def test_the_same_nik_in_the_same_programme_in_two_desa_is_flagged_in_both(desa_a, desa_b):
    nik = make_nik()
    make_penerima(desa_a, "BPNT", recent(6), nik=nik, nama="Ganda")
    make_penerima(desa_b, "BPNT", recent(3), nik=nik, nama="Ganda")
    make_penerima(desa_b, "PKH", recent(3), nik=make_nik(), nama="Lain")
    assert kinds([desa_a, desa_b], MONTH) == [
        ("Ganda", JenisTanda.GANDA, "Perlu verifikasi"),
        ("Ganda", JenisTanda.GANDA, "Perlu verifikasi"),
    ]
    assert "Lok Batung" in tanda_penerima([desa_a], MONTH)[0].detail
    assert tanda_penerima([desa_a], recent(8)) == []


def test_a_high_desil_household_in_a_desil_1_4_programme_is_information(desa_a):
    keluarga = make_keluarga(desa_a, day(recent(9), 1), desil=7)
    make_penerima(desa_a, "BPNT", recent(6), nik=keluarga.nik_kepala, nama="Mampu", no_kk=keluarga.no_kk)
    (tanda,) = tanda_penerima([desa_a], MONTH)
    assert tanda.jenis == JenisTanda.DESIL_TINGGI and tanda.informasi and not tanda.terbuka


def test_the_flags_take_a_fixed_number_of_queries(desa_a, desa_b):
    for desa in (desa_a, desa_b):
        for _ in range(3):
            nik = make_nik()
            make_penerima(desa, "PKH", recent(6), nik=nik)
            make_peristiwa(desa, "MATI", day(MONTH, 3), nik=nik)
    desa_list = list(Desa.objects.filter(pk__in=[desa_a.pk, desa_b.pk]))
    with CaptureQueriesContext(connection) as small:
        tanda_penerima(desa_list[:1], MONTH)
    with CaptureQueriesContext(connection) as large:
        assert len(tanda_penerima(desa_list, MONTH)) == 6
    assert len(small.captured_queries) == len(large.captured_queries) <= 6

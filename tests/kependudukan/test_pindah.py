"""Matching the two halves of a move between desa in the system."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kependudukan.models import Peristiwa
from kependudukan.pindah import cocokkan_pindah
from kependudukan.temuan import temuan_kependudukan
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import make_peristiwa, recent

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days_ago(number):
    return TODAY - datetime.timedelta(days=number)


def move(asal, tujuan, nik, tanggal, datang_tanggal=None):
    pindah = make_peristiwa(asal, "PINDAH", tanggal, nik=nik, desa_asal_tujuan=tujuan)
    cocokkan_pindah([pindah])
    if datang_tanggal is None:
        return pindah, None
    datang = make_peristiwa(tujuan, "DATANG", datang_tanggal, nik=nik, desa_asal_tujuan=asal)
    cocokkan_pindah([datang])
    pindah.refresh_from_db()
    return pindah, datang


def test_a_departure_then_an_arrival_are_matched(started_a, started_b):
    pindah, datang = move(started_a, started_b, make_nik(), days_ago(20), days_ago(12))
    assert pindah.pasangan_id == datang.pk and datang.pasangan_id == pindah.pk
    assert not pindah.belum_cocok and not datang.belum_cocok


def test_an_arrival_recorded_first_is_matched_by_the_later_departure(started_a, started_b):
    nik = make_nik()
    datang = make_peristiwa(started_b, "DATANG", days_ago(5), nik=nik)
    cocokkan_pindah([datang])
    pindah = make_peristiwa(started_a, "PINDAH", days_ago(9), nik=nik, desa_asal_tujuan=started_b)
    cocokkan_pindah([pindah])
    datang.refresh_from_db()
    assert datang.pasangan_id == pindah.pk


def test_more_than_90_days_apart_is_not_the_same_move(started_a, started_b):
    pindah, datang = move(started_a, started_b, make_nik(), days_ago(150), days_ago(50))
    assert pindah.pasangan_id is None and pindah.belum_cocok


def test_another_person_or_another_desa_is_not_matched(started_a, started_b, desa_luar):
    pindah, _ = move(started_a, started_b, make_nik(), days_ago(20))
    make_peristiwa(started_b, "DATANG", days_ago(15), nik=make_nik())  # someone else
    cocokkan_pindah(list(Peristiwa.objects.filter(jenis="DATANG")))
    pindah.refresh_from_db()
    assert pindah.pasangan_id is None


def test_a_form_records_both_halves_and_they_match(client_for, operator_a, operator_b, started_a, started_b):
    nik = make_nik("L", datetime.date(1985, 3, 12))
    common = {
        "nik": nik, "nama": "Ahmad Fauzi", "jenis_kelamin": "L", "tanggal_lahir": "1985-03-12",
        "kewarganegaraan": "WNI", "tanggal_lapor": TODAY.isoformat(),
    }  # fmt: skip
    client_for(operator_a).post(
        reverse("kependudukan:peristiwa_create", args=[started_a.pk, "PINDAH"]),
        {
            **common,
            "tanggal_peristiwa": days_ago(4),
            "alamat_asal_tujuan": "Lok Batung",
            "desa_asal_tujuan": started_b.pk,
        },
    )
    client_for(operator_b).post(
        reverse("kependudukan:peristiwa_create", args=[started_b.pk, "DATANG"]),
        {
            **common,
            "tanggal_peristiwa": days_ago(2),
            "alamat_asal_tujuan": "Balang",
            "desa_asal_tujuan": started_a.pk,
        },
    )
    pindah = Peristiwa.objects.get(jenis="PINDAH")
    assert pindah.pasangan == Peristiwa.objects.get(jenis="DATANG")


def test_editing_a_matched_move_rematches_it(client_for, operator_b, started_a, started_b):
    pindah, datang = move(started_a, started_b, make_nik(), days_ago(20), days_ago(12))
    datang.nik = make_nik()
    from kependudukan.services.peristiwa import peristiwa_amend

    peristiwa_amend(peristiwa=datang, user=operator_b)
    pindah.refresh_from_db()
    assert pindah.pasangan_id is None


def test_deleting_one_half_unmatches_the_other(client_for, operator_b, started_a, started_b):
    pindah, datang = move(started_a, started_b, make_nik(), days_ago(20), days_ago(12))
    client_for(operator_b).post(reverse("kependudukan:peristiwa_delete", args=[started_b.pk, datang.pk]))
    pindah.refresh_from_db()
    assert pindah.pasangan_id is None


def test_the_kasi_trantib_lists_moves_unmatched_after_30_days(client_for, kasi_trantib, started_a, started_b):
    old, _ = move(started_a, started_b, make_nik(), days_ago(45))
    make_peristiwa(
        started_a, "PINDAH", days_ago(10), nik=make_nik(), nama="Baru Pindah", desa_asal_tujuan=started_b
    )
    matched, _ = move(started_a, started_b, make_nik(), days_ago(60), days_ago(55))
    page = client_for(kasi_trantib).get(reverse("kependudukan:pindah_belum_cocok")).content.decode()
    assert old.nama in page
    assert "Baru Pindah" not in page
    assert matched.nama not in page
    assert "belum mencatat kedatangannya" in page


def test_the_list_shows_only_moves_of_the_users_scope(client_for, operator_luar, started_a, started_b):
    old, _ = move(started_a, started_b, make_nik(), days_ago(45))
    page = client_for(operator_luar).get(reverse("kependudukan:pindah_belum_cocok")).content.decode()
    assert old.nama not in page


def test_both_desa_see_an_unmatched_move_in_their_temuan(started_a, started_b):
    old, _ = move(started_a, started_b, make_nik(), recent(2).awal.replace(day=3))
    periode = old.periode
    asal = temuan_kependudukan([started_a], periode)
    tujuan = temuan_kependudukan([started_b], periode)
    assert [t.aturan for t in asal] == ["Pindah belum cocok"]
    # Lok Batung also recorded nothing that month: a finding of its own.
    assert [t.aturan for t in tujuan] == ["Pindah belum cocok", "Bulan tanpa peristiwa"]
    assert "kedatangannya belum dicatat di sini" in tujuan[0].detail
    assert tujuan[0].url == reverse("kependudukan:peristiwa_create", args=[started_b.pk, "DATANG"])

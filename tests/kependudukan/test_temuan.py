import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from desa.models import Desa
from desa.periode import Periode
from desa.temuan import Temuan
from kependudukan.temuan import temuan_kependudukan
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import day, make_data_awal, make_peristiwa, recent

pytestmark = pytest.mark.django_db


def test_each_finding_names_the_event_and_person(started_a):
    month = recent(1)
    warned = make_peristiwa(
        started_a, "DATANG", day(month, 5), nama="Rahmah", jenis_kelamin="L", nik=make_nik("P"),
        peringatan=["NIK menunjukkan perempuan, berbeda dengan jenis kelamin yang dicatat."],
    )  # fmt: skip
    late = make_peristiwa(started_a, "LAHIR", day(month, 1) - datetime.timedelta(days=70), day(month, 20))
    found = temuan_kependudukan([started_a], month)
    assert all(isinstance(item, Temuan) for item in found)
    by_rule = {item.aturan: item for item in found}
    assert by_rule["NIK tidak cocok"].nama == "Rahmah"
    assert by_rule["NIK tidak cocok"].nik == warned.nik
    assert by_rule["NIK tidak cocok"].url == warned.get_absolute_url()
    assert by_rule["Pelaporan terlambat"].nama == late.nama
    assert by_rule["Pelaporan terlambat"].informasi
    assert all(item.jenis == "kependudukan" and item.desa_kode == started_a.pk for item in found)


def test_a_registration_within_a_month_is_not_late(started_a):
    month = recent(1)
    make_peristiwa(started_a, "LAHIR", day(month, 1), day(month, 28))
    assert temuan_kependudukan([started_a], month) == []


def test_a_month_without_events_in_a_large_desa_is_a_finding(started_a, desa_b):
    make_data_awal(desa_b, recent(6), wni_l=300, wni_p=300, jumlah_kk=200)  # 600 people: too small to flag
    found = temuan_kependudukan([started_a, desa_b], recent(1))
    assert [(item.desa_kode, item.aturan) for item in found] == [(started_a.pk, "Bulan tanpa peristiwa")]
    assert "1.211 jiwa" in found[0].detail


def test_the_running_month_is_not_flagged_for_having_no_events_yet(started_a):
    assert temuan_kependudukan([started_a], Periode.current()) == []


def test_findings_take_a_fixed_number_of_queries(wilayah):
    paringin = list(Desa.objects.filter(kecamatan_id="63.11.06").select_related("kecamatan"))
    month = recent(1)
    counts = []
    for desa_list in (paringin[:2], paringin):
        for desa in desa_list:
            if not hasattr(desa, "_started"):
                make_data_awal(desa, recent(3), wni_l=900, wni_p=900)
                make_peristiwa(desa, "LAHIR", day(month, 1) - datetime.timedelta(days=60), day(month, 9))
                desa._started = True
        with CaptureQueriesContext(connection) as queries:
            found = temuan_kependudukan(desa_list, month)
        counts.append(len(queries))
        assert len(found) == len(desa_list)
    assert counts[0] == counts[1]

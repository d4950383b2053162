"""PeriodeField: one month type from the database to the template."""

import datetime

import pytest
from django.core import serializers
from django.core.exceptions import ValidationError

from desa.forms.periode import BulanField
from desa.models import LaporanBulanan
from desa.periode import Periode, PeriodeField
from kependudukan.ekonomi.models import PenerimaBantuan
from tests.factories.ledger import laporan

pytestmark = pytest.mark.django_db

AGUSTUS = Periode(2026, 8)


def test_a_stored_month_reads_back_as_a_periode(desa_a):
    laporan(desa_a, AGUSTUS)
    row = LaporanBulanan.objects.get()
    assert row.periode == AGUSTUS and isinstance(row.periode, Periode)
    assert LaporanBulanan.objects.values_list("periode", flat=True).get() == AGUSTUS


def test_the_column_keeps_the_first_day_of_the_month(desa_a):
    laporan(desa_a, AGUSTUS)
    # A date lookup sees the stored date: the first day, whatever was given.
    assert LaporanBulanan.objects.filter(periode=datetime.date(2026, 8, 1)).exists()
    assert not LaporanBulanan.objects.filter(periode__gt=datetime.date(2026, 8, 1)).exists()
    assert LaporanBulanan.objects.filter(periode__lt=datetime.date(2026, 8, 15)).exists()
    assert LaporanBulanan.objects.filter(periode__in=[AGUSTUS, AGUSTUS.next()]).count() == 1


@pytest.mark.parametrize(
    "given",
    [datetime.date(2026, 8, 17), datetime.datetime(2026, 8, 31, 23, 0), "2026-08", "2026-08-05", AGUSTUS],
)
def test_whatever_is_assigned_becomes_the_month(desa_a, given):
    row = LaporanBulanan(desa=desa_a, jenis="kependudukan", periode=given)
    assert row.periode == AGUSTUS
    row.save()
    assert LaporanBulanan.objects.filter(periode=datetime.date(2026, 8, 1)).count() == 1


def test_a_wrong_value_is_refused_in_indonesian():
    with pytest.raises(ValidationError, match="format tanggal yang tidak valid"):
        PeriodeField().to_python("kemarin")


def test_an_empty_month_stays_empty(desa_a):
    penerima = PenerimaBantuan(mulai="2026-01", selesai=None)
    assert (penerima.mulai, penerima.selesai) == (Periode(2026, 1), None)


def test_serialising_writes_the_month(desa_a):
    laporan(desa_a, AGUSTUS)
    text = serializers.serialize("json", LaporanBulanan.objects.all(), fields=["periode"])
    assert '"periode": "2026-08"' in text
    restored = next(serializers.deserialize("json", text)).object
    assert restored.periode == AGUSTUS


def test_a_model_form_gets_the_month_field():
    assert isinstance(PeriodeField("bulan").formfield(), BulanField)

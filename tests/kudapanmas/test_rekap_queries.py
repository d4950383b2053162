"""Each sheet runs the same number of queries for 2 desa as for the 157 desa of the kabupaten."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from desa.models import Kabupaten
from kudapanmas.rekap.scope import scope_kabupaten
from kudapanmas.rekap.workbook import SHEETS, write_rekap
from tests.kudapanmas.rekap_contoh import PERIODE, isi_semua

pytestmark = pytest.mark.django_db

# A few queries a sheet for a month; a year asks the monthly sources month by month (12 times),
# each source with one query for the snapshots of the verified months.
MAX_QUERIES = {"bulan": 40, "tahun": 380}
WHEN = {"bulan": {"periode": PERIODE}, "tahun": {"tahun": PERIODE.tahun}}


@pytest.fixture
def scopes(desa_a, desa_b, kecamatan, camat):
    isi_semua(desa_a, desa_b, kecamatan, camat)

    def make(when, *, two_desa):
        scope = scope_kabupaten(Kabupaten.objects.get(pk="63.11"), dibuat_oleh="uji", **WHEN[when])
        if two_desa:
            scope.desa_list = [desa for desa in scope.desa_list if desa.pk in (desa_a.pk, desa_b.pk)]
            scope.kecamatan_list = [kecamatan]
        return scope

    return make


def queries_per_sheet(scope):
    workbook = Workbook(write_only=True)
    counts = {}
    for module in SHEETS:
        with CaptureQueriesContext(connection) as context:
            module.write(workbook, scope)
        counts[module.NAMA] = len(context)
    workbook.save(io.BytesIO())
    return counts


@pytest.mark.parametrize("when", ["bulan", "tahun"])
def test_every_sheet_costs_the_same_queries_for_2_desa_and_for_157(scopes, when):
    two, all_desa = scopes(when, two_desa=True), scopes(when, two_desa=False)
    assert len(two.desa_list) == 2 and len(all_desa.desa_list) == 157
    assert queries_per_sheet(two) == queries_per_sheet(all_desa)


@pytest.mark.parametrize("when", ["bulan", "tahun"])
@pytest.mark.parametrize("two_desa", [True, False])
def test_the_whole_workbook_stays_under_a_fixed_number_of_queries(
    scopes, django_assert_max_num_queries, when, two_desa
):
    scope = scopes(when, two_desa=two_desa)
    with django_assert_max_num_queries(MAX_QUERIES[when]):
        write_rekap(scope, io.BytesIO())


def test_openpyxl_streams_through_lxml():
    """Without lxml openpyxl falls back to a pure-Python XML writer, a third slower on the
    kabupaten-wide yearly recap; requirements.txt pins it for that."""
    from openpyxl.xml import LXML

    assert LXML

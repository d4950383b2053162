"""Downloading the recap: who may download which workbook, and what arrives."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.akses import role_page_tests
from tests.factories.wilayah import KODE_DESA_A
from tests.kudapanmas.rekap_contoh import PERIODE, isi_semua
from tests.kudapanmas.tugas import unduh_lewat_tugas

pytestmark = pytest.mark.django_db

PARINGIN = "63.11.06"
JUAI = "63.11.01"
BALANGAN = "63.11"


def bulan(kode):
    return reverse("kudapanmas:rekap_kecamatan", args=[kode, PERIODE])


# url → {role: expected status}; a missing role expects 200. The year's and the kabupaten's
# workbooks are background tasks: a role that may have them is sent (302) to the task's page.
TUGAS = {"kasi_trantib": 302, "camat": 302, "kabupaten": 302, "admin": 302}
DOWNLOADS = {
    "rekap Paringin": (
        lambda: bulan(PARINGIN),
        {"operator_a": 403, "operator_b": 403, "operator_luar": 404},
    ),
    "rekap Juai": (
        lambda: bulan(JUAI),
        {"operator_a": 404, "operator_b": 404, "operator_luar": 403, "kasi_trantib": 404, "camat": 404},
    ),
    "rekap tahunan Paringin": (
        lambda: reverse("kudapanmas:rekap_kecamatan_tahun", args=[PARINGIN, PERIODE.tahun]),
        {**TUGAS, "operator_a": 403, "operator_b": 403, "operator_luar": 404},
    ),
    "rekap kabupaten": (
        lambda: reverse("kudapanmas:rekap_kabupaten", args=[BALANGAN, PERIODE]),
        {
            **TUGAS,
            "operator_a": 403,
            "operator_b": 403,
            "operator_luar": 403,
            "kasi_trantib": 403,
            "camat": 403,
        },
    ),
}
test_each_role_downloads_exactly_what_it_may, test_anonymous_users_are_sent_to_login = role_page_tests(
    DOWNLOADS
)


def test_a_post_is_refused(client_for, camat):
    assert client_for(camat).post(bulan(PARINGIN)).status_code == 405


def test_the_camat_gets_the_named_workbook_of_the_month(client_for, camat, desa_a, desa_b, kecamatan):
    isi_semua(desa_a, desa_b, kecamatan, camat)
    camat.first_name, camat.last_name = "Rahmadi", ""
    camat.save()
    response = client_for(camat).get(bulan(PARINGIN))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="Rekap-Paringin-2025-08.xlsx"'
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    ringkasan = {row[0]: row[1] for row in workbook["Ringkasan"].iter_rows(values_only=True) if row[0]}
    assert ringkasan["Dibuat oleh"] == "Rahmadi (Camat)"
    kode = [row[1] for row in workbook["Kependudukan"].iter_rows(min_row=6, max_row=21, values_only=True)]
    assert KODE_DESA_A in kode


@pytest.mark.django_db(transaction=True)  # the worker commits, as it does in production
def test_the_yearly_and_kabupaten_workbooks_are_named_by_year_and_kabupaten(client_for, kabupaten):
    client = client_for(kabupaten)
    yearly = unduh_lewat_tugas(client, reverse("kudapanmas:rekap_kecamatan_tahun", args=[PARINGIN, 2025]))
    assert yearly["Content-Disposition"] == 'attachment; filename="Rekap-Paringin-2025.xlsx"'
    wide = unduh_lewat_tugas(client, reverse("kudapanmas:rekap_kabupaten_tahun", args=[BALANGAN, 2025]))
    assert wide["Content-Disposition"] == 'attachment; filename="Rekap-Kabupaten-Balangan-2025.xlsx"'
    workbook = load_workbook(io.BytesIO(b"".join(wide.streaming_content)))
    kode = [row[1] for row in workbook["Kependudukan"].iter_rows(min_row=6, values_only=True)]
    assert sum(1 for value in kode if value and value.count(".") == 3) == 157


def test_a_year_not_begun_is_not_found(client_for, camat):
    response = client_for(camat).get(reverse("kudapanmas:rekap_kecamatan_tahun", args=[PARINGIN, 2999]))
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["kasi_trantib", "camat", "kabupaten"])
def test_the_kecamatan_dashboard_offers_the_downloads(cast, client_for, role):
    page = client_for(cast[role]).get(reverse("kudapanmas:dasbor_kecamatan", args=[PARINGIN, PERIODE]))
    assert bulan(PARINGIN) in page.text
    assert reverse("kudapanmas:rekap_kecamatan_tahun", args=[PARINGIN, 2025]) in page.text
    assert "beberapa menit" not in page.text and "diteruskan ke kabupaten" in page.text


def test_the_kabupaten_dashboard_offers_the_kabupaten_downloads(client_for, kabupaten):
    page = client_for(kabupaten).get(reverse("kudapanmas:dasbor_kabupaten", args=[BALANGAN, PERIODE]))
    assert reverse("kudapanmas:rekap_kabupaten", args=[BALANGAN, PERIODE]) in page.text
    assert reverse("kudapanmas:rekap_kabupaten_tahun", args=[BALANGAN, 2025]) in page.text
    assert "Rekap seluruh kabupaten disusun di latar (beberapa menit untuk setahun)" in page.text
    assert "satu blok per kecamatan" in page.text and "diteruskan ke kabupaten" not in page.text

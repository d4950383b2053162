"""Personal data in the recap (UU 27/2022): NIKs masked unless asked for, the choice said on the
Ringkasan sheet, and every download recorded per sheet in a log the admin cannot change."""

import io

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from openpyxl import load_workbook

from kependudukan.ekonomi.models import EksporData
from tests.factories.wilayah import KODE_DESA_A
from tests.kudapanmas.rekap_contoh import PERIODE, isi_semua

pytestmark = pytest.mark.django_db

NIK_MATI = "6311060505800004"  # a full NIK of the example's Rincian Peristiwa


@pytest.fixture
def contoh(desa_a, desa_b, kecamatan, kasi_trantib):
    isi_semua(desa_a, desa_b, kecamatan, kasi_trantib)


def download(client, kecamatan, query=""):
    response = client.get(reverse("kudapanmas:rekap_kecamatan", args=[kecamatan.pk, str(PERIODE)]) + query)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def identities(workbook):
    sheet = workbook["Rincian Peristiwa"]
    return [row[7] for row in sheet.iter_rows(min_row=5, values_only=True) if row[1:2] == (KODE_DESA_A,)]


def ringkasan_text(workbook):
    return " ".join(
        str(value) for row in workbook["Ringkasan"].iter_rows(values_only=True) for value in row if value
    )


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_a_read_only_role_gets_masked_niks_unless_it_asks(cast, client_for, contoh, kecamatan, role):
    client = client_for(cast[role])
    masked = download(client, kecamatan)
    niks = [value for value in identities(masked) if value]
    assert niks and all("********" in value for value in niks)
    assert NIK_MATI not in niks
    assert "NIK dan No. KK disamarkan" in ringkasan_text(masked)
    full = download(client, kecamatan, "?nik=lengkap")
    assert NIK_MATI in identities(full)
    assert "Berisi NIK dan No. KK lengkap" in ringkasan_text(full)
    first, second = EksporData.objects.order_by("pk")
    assert (first.dengan_nik, second.dengan_nik) == (False, True)


def test_the_kasi_trantib_gets_full_niks_and_may_mask_them(client_for, kasi_trantib, contoh, kecamatan):
    client = client_for(kasi_trantib)
    assert NIK_MATI in identities(download(client, kecamatan))
    assert NIK_MATI not in identities(download(client, kecamatan, "?nik=samar"))


def test_the_dashboard_offers_the_other_choice(client_for, camat, kasi_trantib, contoh, kecamatan):
    url = reverse("kudapanmas:dasbor_kecamatan", args=[kecamatan.pk, str(PERIODE)])
    assert "?nik=lengkap" in client_for(camat).get(url).content.decode()
    assert "?nik=samar" in client_for(kasi_trantib).get(url).content.decode()


def test_the_export_log_names_each_sheet_its_rows_and_personal_columns(client_for, camat, contoh, kecamatan):
    workbook = download(client_for(camat), kecamatan, "?nik=lengkap")
    record = EksporData.objects.get()
    sheets = {item["lembar"]: item for item in record.rincian}
    rincian_rows = len(identities(workbook)) + sum(
        1
        for row in workbook["Rincian Peristiwa"].iter_rows(min_row=5, values_only=True)
        if row[0] and isinstance(row[0], int) and row[1] != KODE_DESA_A
    )
    assert sheets["Rincian Peristiwa"]["baris"] == rincian_rows
    assert sheets["Rincian Peristiwa"]["kolom_pribadi"] == ["NIK", "No. KK", "Nama", "Tanggal Lahir"]
    assert record.jumlah_baris == sum(item["baris"] for item in record.rincian)
    assert "Kependudukan" not in sheets  # numbers only


def test_the_admin_may_read_the_export_log_but_never_change_it(admin_user):
    admin = site._registry[EksporData]
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    assert admin.has_view_permission(request)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)

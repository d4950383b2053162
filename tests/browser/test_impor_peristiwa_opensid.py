"""OpenSID's event log imported as an operator lives it on a phone: the link from our own import,
the downloaded Log_Penduduk_….xls uploaded as it is, its preview read, saved, and the same file
uploaded again adding nothing."""

import datetime

import pytest

from desa.periode import Periode
from kependudukan.models import DataAwal, Peristiwa
from tests.browser.conftest import PHONE, login, no_sideways_scrolling, screenshot
from tests.factories.identitas import make_nik
from tests.kependudukan import workbooks_peristiwa_opensid as wb

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONTH = Periode.current().previous()
DAY = MONTH.awal.replace(day=10)


def _log():
    return wb.log_html([
        wb.peristiwa(make_nik("P", DAY), "Bayi Aisyah", "Lahir", DAY),
        wb.peristiwa(make_nik("L", datetime.date(1950, 3, 2)), "Kakek Amat", "Mati", DAY),
        wb.peristiwa(make_nik("P", datetime.date(1991, 4, 5)), "Siti", "Pindah keluar Kabupaten/Kota", DAY),
        wb.peristiwa(make_nik("L", datetime.date(1988, 6, 7)), "Budi", "Pindah Masuk", DAY),
        wb.peristiwa(make_nik("L", datetime.date(1970, 1, 1)), "Usman", "Hilang", DAY),
    ])  # fmt: skip


def _upload(page, content):
    berkas = {
        "name": "Log_Penduduk_2026-12-05.xls",
        "mimeType": "application/vnd.ms-excel",
        "buffer": content,
    }
    page.set_input_files("input[name=berkas]", files=[berkas])


def test_an_operator_imports_the_opensid_event_log(page_for, operator_a, private_media):
    DataAwal.objects.create(
        desa_id=operator_a.desa_id, periode=MONTH, wni_l=9, wni_p=9, wna_l=0, wna_p=0, jumlah_kk=5
    )
    content = _log()
    page = page_for(PHONE)
    login(page, operator_a.username)
    page.goto(f"{page.base_url}/kependudukan/impor/")
    page.get_by_role("link", name="Impor peristiwa dari OpenSID").click()
    page.wait_for_load_state()
    assert page.get_by_label("Desa/kelurahan").is_disabled()
    _upload(page, content)
    screenshot(page, "impor-peristiwa-opensid-unggah")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Unggah dan periksa").click()

    assert "Berkas benar" in page.content() and "KAKEK AMAT" in page.content()
    assert "kode peristiwa 4" in page.content() and not Peristiwa.objects.exists()
    screenshot(page, "impor-peristiwa-opensid-pratinjau")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Simpan semua").click()

    assert "4 peristiwa dari log OpenSID disimpan" in page.content()
    assert sorted(Peristiwa.objects.values_list("jenis", flat=True)) == ["DATANG", "LAHIR", "MATI", "PINDAH"]
    screenshot(page, "impor-peristiwa-opensid-tersimpan")
    assert no_sideways_scrolling(page)

    page.goto(f"{page.base_url}/kependudukan/impor/penduduk/peristiwa-opensid/")
    _upload(page, content)
    page.get_by_role("button", name="Unggah dan periksa").click()
    assert "Tidak ada peristiwa baru: 4 peristiwa" in page.content() and Peristiwa.objects.count() == 4
    screenshot(page, "impor-peristiwa-opensid-ulang")
    assert no_sideways_scrolling(page)


def test_a_wrong_row_is_shown_with_its_cell_and_nothing_is_saved(page_for, operator_a, private_media):
    DataAwal.objects.create(
        desa_id=operator_a.desa_id, periode=MONTH, wni_l=9, wni_p=9, wna_l=0, wna_p=0, jumlah_kk=5
    )
    page = page_for(PHONE)
    login(page, operator_a.username)
    page.goto(f"{page.base_url}/kependudukan/impor/penduduk/peristiwa-opensid/")
    _upload(page, wb.log_html([wb.peristiwa(make_nik(), "Amat", "Mati", "31 Februari 2026")]))
    page.get_by_role("button", name="Unggah dan periksa").click()
    assert "1 kesalahan ditemukan" in page.content() and "bukan tanggal yang ada" in page.content()
    screenshot(page, "impor-peristiwa-opensid-kesalahan")
    assert no_sideways_scrolling(page)
    assert not Peristiwa.objects.exists()

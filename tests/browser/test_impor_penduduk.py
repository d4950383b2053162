"""The import of a desa's residents as an operator lives it on a phone: a SIAK export uploaded,
its preview read, the reference list saved, and the data awal it proposes confirmed."""

import pytest

from desa.periode import Periode
from kependudukan.models import DataAwal, PendudukRujukan
from tests.browser.conftest import PHONE, login, no_sideways_scrolling, screenshot
from tests.kependudukan import workbooks_penduduk as wb
from tests.kependudukan.test_impor_penduduk_tata_letak import keluarga

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def unggahan(private_media):
    return private_media


def test_an_operator_imports_a_siak_export_and_takes_its_data_awal(page_for, operator_a, unggahan):
    page = page_for(PHONE)
    login(page, operator_a.username)
    page.goto(f"{page.base_url}/kependudukan/{operator_a.desa_id}/")
    page.get_by_role("link", name="Impor data penduduk (SIAK/BIP/OpenSID)").click()
    page.wait_for_load_state()
    assert page.get_by_label("Desa/kelurahan").is_disabled()
    berkas = {
        "name": "siak-lasung-batu.xlsx",
        "mimeType": "application/octet-stream",
        "buffer": wb.siak(keluarga()),
    }
    page.set_input_files("input[name=berkas]", files=[berkas])
    screenshot(page, "impor-penduduk-unggah")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Unggah dan periksa").click()

    assert "Berkas benar" in page.content() and "SIAK (Dukcapil)" in page.content()
    assert "ACHMAD JULIANTONO" in page.content() and not PendudukRujukan.objects.exists()
    screenshot(page, "impor-penduduk-pratinjau")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Simpan semua").click()

    assert "Daftar penduduk rujukan" in page.content() and PendudukRujukan.objects.count() == 3
    bulan = Periode.current().previous()
    page.get_by_label("Bulan pertama").fill(str(bulan))
    screenshot(page, "impor-penduduk-tersimpan")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Pakai sebagai data awal").click()

    assert "Data awal" in page.content() and "disimpan dari berkas" in page.content()
    data_awal = DataAwal.objects.get(desa_id=operator_a.desa_id)
    assert (data_awal.wni_l, data_awal.wni_p, data_awal.jumlah_kk, data_awal.periode) == (1, 2, 2, bulan)
    screenshot(page, "impor-penduduk-data-awal")
    assert no_sideways_scrolling(page)

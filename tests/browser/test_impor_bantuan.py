"""The outside aid lists as an operator lives them on a phone: an OpenSID program bantuan workbook
found from the ekonomi import page, previewed and saved; then a SIKS-NG desil ranking whose
unmatched rows are reported by reason beside the households it updates."""

import datetime

import pytest
from django.utils import timezone

from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, ProgramBantuan, RiwayatKeluarga
from tests.browser.conftest import PHONE, login, no_sideways_scrolling, screenshot
from tests.factories.ekonomi import make_keluarga
from tests.factories.kependudukan import recent
from tests.kependudukan.ekonomi import workbooks_luar as wb

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def unggahan(private_media):
    return private_media


def _berkas(name, content):
    return {"name": name, "mimeType": "application/octet-stream", "buffer": content}


def test_an_operator_imports_an_opensid_aid_list_and_a_siks_ng_ranking(
    page_for, operator_a, desa_a, unggahan
):
    ProgramBantuan.objects.get_or_create(
        kode="PKH", kabupaten=None, defaults={"nama": "Program Keluarga Harapan"}
    )
    page = page_for(PHONE)
    login(page, operator_a.username)
    page.goto(f"{page.base_url}/kependudukan/ekonomi/impor/")
    page.get_by_role("link", name="Program bantuan dari OpenSID").click()
    page.wait_for_load_state()
    assert page.get_by_label("Desa/kelurahan").is_disabled()
    rows = [wb.peserta(nik, f"PENERIMA {nik[-4:]}", kartu=str(n)) for n, nik in enumerate(wb.NIK_CONTOH, 1)]
    program = {
        "Rentang Waktu (Awal)": recent(0).awal.isoformat(),
        "Rentang Waktu (Akhir)": recent(0).akhir.isoformat(),
    }
    page.set_input_files(
        "input[name=berkas]", files=[_berkas("pkh.xlsx", wb.program_bantuan(rows, program=program))]
    )
    screenshot(page, "impor-bantuan-unggah")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Unggah dan periksa").click()

    assert "Berkas benar" in page.content() and "4 baru" in page.content()
    screenshot(page, "impor-bantuan-pratinjau")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Simpan semua").click()
    assert "Penerima PKH" in page.content() and PenerimaBantuan.objects.count() == 4
    screenshot(page, "impor-bantuan-tersimpan")

    households = [make_keluarga(desa_a, recent(2).awal) for _ in range(2)]
    unknown = ("6311060101999999", "", "Y", 3)  # no such household: reported, not saved
    ranking = [(k.no_kk, "", "X", 2) for k in households] + [unknown, (households[0].no_kk, "", "Z", 12)]
    page.goto(f"{page.base_url}/kependudukan/ekonomi/impor/desil-siks-ng/")
    page.get_by_label("Desil per tanggal").fill(
        (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    )
    page.set_input_files("input[name=berkas]", files=[_berkas("desil.xlsx", wb.desil(ranking))])
    page.get_by_role("button", name="Unggah dan periksa").click()
    assert "Baris yang tidak cocok (2)" in page.content()
    screenshot(page, "impor-desil-pratinjau")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Simpan semua").click()
    assert "Desil 2 keluarga" in page.content()
    assert set(Keluarga.objects.values_list("desil", flat=True)) == {2}
    assert RiwayatKeluarga.objects.filter(sumber="SIKS-NG").count() == 2
    screenshot(page, "impor-desil-tersimpan")
    assert no_sideways_scrolling(page)

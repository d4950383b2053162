"""An operator on a phone finds a recipient flagged perlu verifikasi and keeps the benefit for an heir."""

import pytest

from kependudukan.ekonomi.models import Keputusan, ProgramBantuan, TindakLanjut
from tests.browser.conftest import PHONE, login, open_menu, screenshot
from tests.factories.ekonomi import make_keluarga, make_penerima
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import day, make_peristiwa, recent
from tests.kependudukan.workbooks_ekonomi import keluarga_row, penerima_row, workbook_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_an_operator_resolves_a_flag_on_a_phone(page_for, operator_a, desa_a):
    if not ProgramBantuan.objects.exists():  # an earlier transactional test flushed the migration's rows
        for kode in ("PKH", "BPNT", "PBI-JK", "BLT-DD"):
            ProgramBantuan.objects.create(kode=kode, nama=kode)
    keluarga = make_keluarga(desa_a, day(recent(1), 4), desil=2, nama_kepala="Rusdi Hidayat")
    nik = make_nik("P")
    make_penerima(
        desa_a, "PKH", recent(8), nik=nik, nama="Siti Hasanah", keluarga=keluarga, no_kk=keluarga.no_kk
    )
    make_peristiwa(desa_a, "MATI", day(recent(1), 3), nik=nik, nama="Siti Hasanah", jenis_kelamin="P")

    page = page_for(PHONE)
    login(page, "operator.a")
    open_menu(page)
    page.get_by_role("link", name="Ekonomi", exact=True).click()
    assert "Rusdi Hidayat" in page.content()
    no_sideways_scroll(page)
    screenshot(page, "ekonomi-keluarga")

    page.get_by_role("link", name="Penerima bantuan", exact=True).click()
    assert "Perlu verifikasi: 1 terbuka" in page.content()
    no_sideways_scroll(page)
    screenshot(page, "ekonomi-penerima")

    page.locator(".daftar-tanda a").first.click()
    assert "Penerima meninggal/pindah" in page.content()
    no_sideways_scroll(page)
    screenshot(page, "ekonomi-tanda")

    page.fill("textarea[name=tetap-alasan]", "PKH diteruskan kepada ahli waris, Aisyah (anak).")
    page.locator(".form-tetap button[type=submit]").click()
    page.wait_for_load_state()
    assert "Selesai: tetap menerima" in page.locator(".tanda-status").inner_text()
    assert "ahli waris, Aisyah" in page.content()
    no_sideways_scroll(page)
    screenshot(page, "ekonomi-tanda-selesai")
    assert TindakLanjut.objects.get().keputusan == Keputusan.TETAP


def test_an_operator_imports_households_after_fixing_the_errors(page_for, viewport, operator_a, desa_a):
    if not ProgramBantuan.objects.exists():
        for kode in ("PKH", "BPNT", "PBI-JK", "BLT-DD"):
            ProgramBantuan.objects.create(kode=kode, nama=kode)
    page = page_for(viewport)
    login(page, "operator.a")
    open_menu(page)
    page.get_by_role("link", name="Ekonomi", exact=True).click()
    page.get_by_role("link", name="Impor Excel").click()

    def upload(content):
        page.set_input_files(
            "input[name=berkas]",
            files=[{"name": "ekonomi.xlsx", "mimeType": "application/octet-stream", "buffer": content}],
        )
        page.get_by_role("button", name="Unggah dan periksa").click()

    upload(workbook_bytes([keluarga_row(no_kk="123")], [penerima_row(Mulai="1999-12")]))
    assert "2 kesalahan ditemukan; tidak ada yang disimpan." in page.content()
    assert "Bulan mulai terlalu lama (sebelum Januari 2000)." in page.content()
    no_sideways_scroll(page)
    screenshot(page, "ekonomi-impor-kesalahan")

    page.get_by_role("link", name="Unggah berkas yang sudah diperbaiki").click()
    upload(workbook_bytes([keluarga_row()], [penerima_row()]))
    assert "Berkas benar" in page.content()
    no_sideways_scroll(page)
    screenshot(page, "ekonomi-impor-pratinjau")
    page.get_by_role("button", name="Simpan semua").click()
    assert "Impor selesai: data keluarga dan penerima bantuan disimpan." in page.content()
    assert page.locator(".status-badge").inner_text() == "Disimpan"

"""The compliance pages on a phone and a desktop, filled with the demo's year of ledger history."""

import pytest

from desa.periode import Periode
from kudapanmas.demo import akun, ledger, sepi
from tests.browser.conftest import DESKTOP, PHONE, login, open_menu, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page, viewport):
    """Nothing wider than the window: readable on a phone without sideways scrolling."""
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def visit(page, name):
    """Follow a menu entry, opening its group (a native <details>) when it sits in one."""
    open_menu(page)
    link = page.locator("#nav-utama").get_by_role("link", name=name, exact=True)
    if not link.is_visible():
        page.locator("#nav-utama details", has_text=name).locator("summary").click()
    link.click()
    page.wait_for_load_state()


def test_the_kasi_trantib_pages(page_for, viewport, demo):
    page = page_for(viewport)
    login(page, "trantib.paringin", akun.PASSWORD)
    assert "Tingkat pelaporan" in page.content()
    screenshot(page, "trantib-beranda")
    assert fits(page, viewport)

    visit(page, "Antrean verifikasi")
    assert page.locator("tbody tr").count() > 0
    screenshot(page, "trantib-antrean")
    assert fits(page, viewport)

    visit(page, "Rapor desa")
    assert page.locator(".grafik-batang").count() == 12
    assert page.locator("tbody tr").count() == 16
    screenshot(page, "trantib-rapor")
    assert fits(page, viewport)

    visit(page, "Pengingat")
    assert (
        "Pesan untuk grup WhatsApp" in page.content() or "Tidak ada yang perlu diingatkan" in page.content()
    )
    screenshot(page, "trantib-pengingat")
    assert fits(page, viewport)

    visit(page, "Pengumuman")
    assert "Rapat koordinasi operator desa" in page.content()
    screenshot(page, "trantib-pengumuman")
    assert fits(page, viewport)

    visit(page, "Pengaturan")
    mulai = Periode.current().shift(-ledger.BULAN)  # the demo's first month, the kecamatan's start
    assert page.input_value("input[name=bulan_mulai]") == str(mulai)
    screenshot(page, "trantib-pengaturan")
    assert fits(page, viewport)

    page.goto(f"{page.base_url}/kecamatan/63.11.06/dasbor/{mulai.previous()}/")
    assert f"Laporan {mulai.previous().label} belum wajib" in page.content()
    assert page.locator(".saringan-item.keadaan-belum_wajib").inner_text().split() == ["Belum", "wajib", "64"]
    screenshot(page, "trantib-dasbor-belum-wajib")
    assert fits(page, viewport)


def test_the_operator_home_and_the_kabupaten_overview(page_for, viewport, demo):
    operator = page_for(viewport)
    login(operator, "operator.balang", akun.PASSWORD)
    assert "Yang perlu dikerjakan" in operator.content()
    assert "Rapat koordinasi operator desa" in operator.content()
    screenshot(operator, "operator-beranda-laporan")
    assert fits(operator, viewport)

    kabupaten = page_for(viewport)
    login(kabupaten, "kabupaten", akun.PASSWORD)
    visit(kabupaten, "Dasbor")
    assert kabupaten.locator("tbody tr").count() == 8
    screenshot(kabupaten, "kabupaten-ringkasan")
    assert fits(kabupaten, viewport)
    kabupaten.get_by_role("link", name="Paringin", exact=True).click()
    assert "Dasbor kepatuhan · Kecamatan Paringin" in kabupaten.content()
    assert fits(kabupaten, viewport)


def test_the_rapor_prints_on_a4(page_for, demo):
    page = page_for(DESKTOP)
    login(page, "trantib.paringin", akun.PASSWORD)
    visit(page, "Rapor desa")
    page.emulate_media(media="print")
    assert not page.locator("nav.navbar").is_visible()
    assert page.locator(".grafik-rapor svg").is_visible()
    screenshot(page, "trantib-rapor-cetak")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")


def test_a_phone_reads_the_dashboard_with_short_column_headings(page_for, demo):
    page = page_for(PHONE)
    login(page, "camat.paringin", akun.PASSWORD)
    visit(page, "Dasbor")
    headings = page.locator("thead abbr.label-singkat")
    assert headings.count() == 4 and headings.first.is_visible()
    assert not page.locator("thead .label-panjang").first.is_visible()
    assert fits(page, PHONE)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
def test_the_provinsi_overview_compares_its_kabupaten_and_opens_each(
    chromium, live_server, viewport, demo, javascript
):
    sepi.fill(demo)
    context = chromium.new_context(
        viewport=viewport, locale="id-ID", timezone_id="Asia/Makassar", java_script_enabled=javascript
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    try:
        login(page, "provinsi.kalsel", akun.PASSWORD)
        assert "Ringkasan kabupaten/kota" in page.content()
        page.locator("main .list-group a", has_text="Provinsi Kalimantan Selatan").click()
        page.wait_for_load_state()
        assert "Ringkasan Provinsi Kalimantan Selatan" in page.content()
        assert page.locator(".tabel-ringkasan tbody tr").count() == 2
        assert page.locator(".tabel-tren tbody tr").count() == 3  # two kabupaten and the provinsi
        assert page.locator(".tabel-tren thead th").count() == 13
        screenshot(page, f"provinsi-ringkasan{'' if javascript else '-tanpa-js'}")
        assert fits(page, viewport)
        page.get_by_role("link", name="Kabupaten Tabalong").click()
        page.wait_for_load_state()
        assert "Ringkasan Kabupaten Tabalong" in page.content()
        assert page.get_by_role("link", name="‹ Ringkasan Provinsi Kalimantan Selatan").is_visible()
        screenshot(page, f"provinsi-ke-kabupaten{'' if javascript else '-tanpa-js'}")
        assert fits(page, viewport)
    finally:
        context.close()

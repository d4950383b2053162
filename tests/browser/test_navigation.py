import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, open_menu, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_operator_walks_the_navigation(page_for, viewport, operator_a):
    page = page_for(viewport)
    login(page, "operator.a")
    assert page.locator("h1").first.inner_text() == "Desa Balang"
    screenshot(page, "operator-beranda")
    open_menu(page)
    page.get_by_role("link", name="Desa saya").click()
    assert "Daftar RT" in page.content()
    screenshot(page, "operator-desa")
    open_menu(page)
    page.get_by_role("link", name="Panduan").click()
    expect(page).to_have_title("Panduan · KUDAPANMAS")
    # Nothing wider than the window: the page is readable on a phone without sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_the_kasi_trantib_manages_operators(page_for, viewport, kasi_trantib, operator_a):
    page = page_for(viewport)
    login(page, "trantib")
    open_menu(page)
    page.locator("summary", has_text="Kelola").click()
    page.get_by_role("link", name="Operator", exact=True).click()
    assert "operator.a" in page.content()
    # The whole menu fits the window: no sideways scrolling on a phone or a 1366-px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    screenshot(page, "trantib-operator")
    page.get_by_role("link", name="Tambah operator").click()
    page.fill("input[name=username]", "operator.lokbatung")
    page.fill("input[name=first_name]", "Nor Aulia")
    page.select_option("select[name=desa]", "63.11.06.2014")
    page.fill("input[name=telepon]", "081255556666")
    page.fill("input[name=password1]", "Sandi-Panjang-2026")
    page.fill("input[name=password2]", "Sandi-Panjang-2026")
    page.click("main button[type=submit]")
    assert "Akun operator operator.lokbatung dibuat" in page.content()
    screenshot(page, "trantib-operator-dibuat")


def test_a_wrong_password_shows_an_indonesian_message(page_for, operator_a):
    from tests.browser.conftest import PHONE

    page = page_for(PHONE)
    login(page, "operator.a", "salah")
    assert "Nama pengguna atau kata sandi salah" in page.content()
    screenshot(page, "login-gagal")

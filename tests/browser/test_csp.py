"""Real Chromium under the Content-Security-Policy: no page breaks, the moved JavaScript still runs."""

import pytest

from desa.periode import Periode
from kudapanmas.demo import akun
from tests.browser.conftest import DESKTOP, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo")]


def watch_violations(page):
    """Every CSP violation the page reports, as the browser saw it."""
    violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(message.text),
    )
    page.on("pageerror", lambda error: violations.append(str(error)))
    return violations


def test_the_pages_raise_no_policy_violation_and_htmx_still_swaps(page_for):
    page = page_for(DESKTOP)
    violations = watch_violations(page)
    login(page, "trantib.paringin", akun.PASSWORD)
    periode = Periode.current().previous()
    page.goto(f"{page.base_url}/kecamatan/63.11.06/dasbor/{periode}/")
    grid = page.locator("#dasbor-grid")
    grid.wait_for()
    link = page.locator(".saringan a").last
    target = link.get_attribute("href")
    grid.evaluate("grid => { window.halamanLama = true; grid.dataset.lama = 1; }")
    link.click()  # htmx-boosted filter: swaps the grid in place and pushes the address
    page.wait_for_url(f"**{target}")
    page.locator("#dasbor-grid:not([data-lama])").wait_for()
    assert page.evaluate("() => window.halamanLama") is True  # a new grid in the same page, not a reload
    assert page.evaluate("document.querySelectorAll('head style').length") == 0  # htmx inserted none

    page.goto(f"{page.base_url}/kecamatan/63.11.06/rapor/{periode}/")
    assert page.get_by_role("button", name="Cetak (A4)").is_visible()  # shown by the static script
    assert page.locator(".batang-persen rect").count() == 16
    assert violations == []


def test_a_delete_asks_first_and_nothing_goes_without_a_yes(page_for):
    page = page_for(DESKTOP)
    violations = watch_violations(page)
    login(page, "operator.balang", akun.PASSWORD)
    page.goto(f"{page.base_url}/linmas/63.11.06.2005/{Periode.current().previous()}/")
    assert page.get_by_role("button", name="Cetak").is_visible()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.evaluate(
        """() => {
        const form = document.createElement('form');
        form.method = 'post';
        form.dataset.konfirmasi = 'Hapus peristiwa ini?';
        document.body.append(form);
        form.requestSubmit();
    }"""
    )
    assert asked == ["Hapus peristiwa ini?"]
    assert violations == []

"""Every form on a phone: a refused form says so at the top, and a post in flight goes once."""

import threading
import time

import pytest

from desa.periode import Periode
from kependudukan.views import data_awal as views_data_awal
from tests.browser.conftest import DESKTOP, PHONE, login, screenshot
from tests.factories.kependudukan import make_data_awal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_lahir(page, operator):
    make_data_awal(operator.desa, Periode.current().shift(-2))
    login(page, operator.username)
    page.goto(page.base_url + f"/kependudukan/{operator.desa_id}/peristiwa/tambah/LAHIR/")


def _focused_summary(page):
    return page.evaluate(
        """() => {
            const summary = document.querySelector("[data-ringkasan-galat]");
            const box = summary && summary.getBoundingClientRect();
            return {
                focused: !!summary && document.activeElement === summary,
                top: box ? box.top : null,
                text: summary ? summary.innerText : "",
            };
        }"""
    )


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["hp", "desktop"])
def test_a_refused_form_focuses_its_summary_and_each_link_reaches_its_field(page_for, operator_a, size):
    page = page_for(size)
    _open_lahir(page, operator_a)
    page.fill("input[name=nama]", "Aisyah Rahmah")
    page.click("main form button[type=submit]")
    summary = _focused_summary(page)
    assert summary["focused"], "focus did not move to the error summary"
    assert 0 <= summary["top"] < size["height"], "the summary is off-screen"
    assert "Tempat lahir" in summary["text"] and "Jenis kelamin" in summary["text"]
    screenshot(page, "formulir-ringkasan-galat")

    page.locator("[data-ringkasan-galat] a", has_text="Tempat lahir").click()
    assert page.evaluate("document.activeElement.id") == "id_tempat_lahir"
    page.locator("[data-ringkasan-galat] a", has_text="Jenis kelamin").click()
    assert page.evaluate("document.activeElement.id") == "id_jenis_kelamin_0"


def test_without_javascript_the_summary_is_in_the_page_and_takes_focus(chromium, live_server, operator_a):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False, locale="id-ID")
    try:
        page = context.new_page()
        page.base_url = live_server.url
        _open_lahir(page, operator_a)
        page.fill("input[name=nama]", "Aisyah Rahmah")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        summary = _focused_summary(page)
        assert summary["focused"] and 0 <= summary["top"] < PHONE["height"]
        # The links are plain anchors: following one scrolls to its field.
        page.locator("[data-ringkasan-galat] a", has_text="Tempat lahir").click()
        assert page.evaluate("location.hash") == "#id_tempat_lahir"
        screenshot(page, "formulir-ringkasan-galat-tanpa-js")
    finally:
        context.close()


def test_a_slow_post_is_sent_once_however_often_the_button_is_pressed(page_for, operator_a, monkeypatch):
    # The server holds the answer, as a slow link does: the post stays in flight until released.
    release, calls = threading.Event(), []
    real_save = views_data_awal.data_awal_save

    def slow_save(**kwargs):
        calls.append(kwargs)
        release.wait(timeout=30)
        return real_save(**kwargs)

    monkeypatch.setattr(views_data_awal, "data_awal_save", slow_save)
    page = page_for(PHONE)
    login(page, operator_a.username)
    url = f"/kependudukan/{operator_a.desa_id}/data-awal/"
    page.goto(page.base_url + url)
    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request.url))
    page.fill("input[name=bulan_pertama]", str(Periode.current().shift(-2)))
    jumlah = {"wni_l": "1204", "wni_p": "1187", "wna_l": "1", "wna_p": "0", "jumlah_kk": "712"}
    for name, value in jumlah.items():
        page.fill(f"input[name={name}]", value)
    # While the post is in flight the page still showing cannot be read from here, so the page
    # itself notes what it shows (in sessionStorage, which outlives it) and presses again.
    page.evaluate(
        """() => document.addEventListener("submit", (event) => setTimeout(() => {
            const form = event.target;
            const button = form.querySelector("button[type=submit]");
            const seen = {disabled: button.disabled, label: button.textContent};
            sessionStorage.setItem("dalam-perjalanan", JSON.stringify(seen));
            button.click();  // a second tap
            form.requestSubmit();  // and a submit by another path (Enter in a field)
        }, 100), {once: true})"""
    )
    page.locator("main form button[type=submit]").click(no_wait_after=True)
    time.sleep(1.5)
    release.set()
    page.wait_for_url(lambda current: url not in current)
    page.wait_for_load_state()
    assert "Data awal kependudukan disimpan" in page.content()
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('dalam-perjalanan'))")
    assert seen == {"disabled": True, "label": "Mengirim…"}
    assert len(posts) == 1 and len(calls) == 1

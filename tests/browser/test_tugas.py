"""The kabupaten's yearly recap as a person gets it: ask, watch the bar move, download, in real
Chromium with a worker process beside the live server; with JavaScript and without it."""

import pytest

from desa.models import StatusTugas, Tugas
from kudapanmas.demo import akun
from tests.browser.conftest import DESKTOP, PHONE, login, no_sideways_scrolling, screenshot
from tests.kudapanmas.tugas import pekerja_lambat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pekerja():
    worker = pekerja_lambat()
    yield worker
    worker.terminate()
    worker.wait(30)


def _values_seen(page, seconds, name):
    """The progress bar's values over `seconds`, read twice a second, until the file is ready;
    a screenshot once the bar is past a third."""
    seen = []
    for _ in range(seconds * 2):
        if page.locator("a", has_text="Unduh Rekap-Kabupaten").count():
            break
        bar = page.locator("progress.kemajuan")
        if bar.count():
            seen.append(int(bar.get_attribute("value")))
            if seen[-1] >= 33 and not any(value >= 33 for value in seen[:-1]):
                screenshot(page, name)
        page.wait_for_timeout(500)
    return seen


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["hp", "desktop"])
def test_the_kabupaten_asks_watches_and_downloads_the_yearly_recap(
    chromium, live_server, demo, pekerja, javascript, size
):
    context = chromium.new_context(
        viewport=size, locale="id-ID", timezone_id="Asia/Makassar", java_script_enabled=javascript,
        accept_downloads=True,
    )  # fmt: skip
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    try:
        login(page, "kabupaten", akun.PASSWORD)
        page.goto(live_server.url + "/dasbor/")
        page.get_by_role("link", name="Rekap tahun").first.click()
        page.wait_for_load_state()
        assert "/tugas/" in page.url and "Rekap Kabupaten Balangan" in page.content()
        name = f"tugas-rekap-{'js' if javascript else 'tanpa-js'}"
        seen = _values_seen(page, 60, name)
        assert no_sideways_scrolling(page)
        assert len(set(seen)) >= 3 and seen == sorted(seen), seen  # the bar moved forward
        link = page.get_by_role("link", name="Unduh Rekap-Kabupaten-Balangan")
        link.wait_for(timeout=30000)
        screenshot(page, name + "-selesai")
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename.startswith("Rekap-Kabupaten-Balangan-")
        assert Tugas.objects.get().status == StatusTugas.SELESAI
    finally:
        context.close()

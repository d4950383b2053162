"""Real Chromium, driven by Playwright, against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety
check must be told that the ORM calls made by fixtures there are fine.
"""

import os
import re
import shutil
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import sync_playwright  # noqa: E402

from kudapanmas.demo import akun, ledger  # noqa: E402
from tests.browser import axe  # noqa: E402
from tests.factories.pengguna import PASSWORD  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 768}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: `make test` installs the Debian package 'chromium'.")
    return path


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["hp", "desktop"])
def viewport(request):
    return request.param


@pytest.fixture
def page_for(chromium, live_server):
    """page_for(viewport) opens a fresh browser context at that size. Every page it loads is
    checked by axe-core; the test fails at teardown on any WCAG 2.1 A/AA violation."""
    contexts = []
    watches = []

    def open_page(size):
        context = chromium.new_context(viewport=size, locale="id-ID", timezone_id="Asia/Makassar")
        context.set_default_timeout(15000)
        contexts.append(context)
        page = context.new_page()
        if axe.enabled():
            page.axe = axe.AxeWatch(page, page.evaluate)
            watches.append(page.axe)
        page.base_url = live_server.url
        # A click that follows a link or submits a form returns once the next page has
        # *started* loading; read the page only when it has finished, as a person would.
        for name in ("content", "title", "evaluate"):
            setattr(page, name, _after_load(page, getattr(page, name)))
        return page

    yield open_page
    for watch in watches:
        watch.settle()
    for context in contexts:
        context.close()
    if found := axe.report_all(watches):
        pytest.fail(found, pytrace=False)


def _after_load(page, read):
    def read_loaded(*args, **kwargs):
        page.wait_for_load_state()
        return read(*args, **kwargs)

    return read_loaded


@pytest.fixture
def demo(wilayah):
    """The demo's accounts and its year of ledger history."""
    context = {"rng": akun.new_rng()}
    akun.fill(context)
    ledger.fill(context)
    return context


def login(page, username, password=PASSWORD):
    page.goto(page.base_url + "/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    width = page.viewport_size["width"]
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def open_menu(page):
    """On a phone the navigation is collapsed behind the menu button."""
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        page.locator("#nav-utama.show").wait_for()


def nav_to(page, name):
    """Follow a navigation entry, opening the phone menu and its group when it is inside one."""
    open_menu(page)
    label = re.compile(rf"^\s*{re.escape(name)}\s*$")
    link = page.locator("#nav-utama a.nav-link").filter(has_text=label)
    if not link.is_visible():
        inner = page.locator("a.nav-link").filter(has_text=label)
        page.locator("#nav-utama details").filter(has=inner).locator("summary").click()
    link.click()
    page.wait_for_load_state()


def photo(path, fmt, colour):
    image = Image.new("RGB", (1200, 900), colour)
    ImageDraw.Draw(image).rectangle([300, 200, 900, 700], fill=(240, 240, 240))
    buffer = BytesIO()
    image.save(buffer, format=fmt)
    path.write_bytes(buffer.getvalue())
    return str(path)


def no_sideways_scrolling(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def wait_until_true(page, expression, seconds=15):
    """Poll `expression` in the page from here until it is true. Playwright's wait_for_function
    polls a string predicate through eval(), which the Content-Security-Policy forbids: it only
    works when the first check already passes."""
    for _ in range(seconds * 10):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true within {seconds} s: {expression}")


def worker_in_control(page, seconds=60):
    """Wait until the service worker controls the page (polled from here: a string predicate
    would be evaluated in the page, which the Content-Security-Policy forbids).

    An install whose files did not all arrive (a loaded machine, a weak link) is tried again at
    the next page load, as on a phone: the page is loaded again every 15 seconds meanwhile."""
    for tick in range(1, seconds * 4 + 1):
        if page.evaluate("navigator.serviceWorker.controller !== null"):
            return
        if tick % 60 == 0:
            page.reload()
            page.wait_for_load_state()
        page.wait_for_timeout(250)
    state = page.evaluate(
        "navigator.serviceWorker.getRegistration().then(r => r ? [r.installing, r.waiting, r.active]"
        ".map(w => w && w.state) : 'no registration')"
    )
    raise AssertionError(f"the service worker never took control of the page: {state}")

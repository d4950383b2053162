"""A large import as the operator lives it: upload, watch the check, confirm, watch the save, in
real Chromium with a worker process beside the live server; with JavaScript and without it."""

import pytest

from kependudukan.models import ImporBerkas, Peristiwa
from tests.browser.conftest import DESKTOP, PHONE, login, no_sideways_scrolling, screenshot
from tests.factories.identitas import make_nik
from tests.kependudukan.test_impor_views import DAY, MONTH
from tests.kependudukan.workbooks import data_awal_row, event_row, workbook_bytes
from tests.kudapanmas.tugas import pekerja_lambat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BARIS = 40


@pytest.fixture
def pekerja(settings, private_media):
    """A worker whose steps take a second each; forty rows count as large here."""
    settings.IMPOR_LATAR_BARIS = 30
    worker = pekerja_lambat()
    yield worker
    worker.terminate()
    worker.wait(30)


def _workbook(kode):
    return workbook_bytes(
        data_awal=[data_awal_row(kode, str(MONTH), wni_l=700, wni_p=690, kk=410)],
        peristiwa=[
            event_row(kode, "DATANG", DAY, NIK=make_nik(), Nama=f"Warga Datang {nomor}")
            for nomor in range(BARIS)
        ],
    )


def _watch(page, until, name):
    """The bar's values, read twice a second until the selector `until` matches; a screenshot on the way."""
    seen = []
    for _ in range(120):
        if page.locator(until).count():
            return seen
        bar = page.locator("progress.kemajuan")
        if bar.count():
            seen.append(int(bar.get_attribute("value")))
            if seen[-1] > 0 and not any(seen[:-1]):
                screenshot(page, name)
        page.wait_for_timeout(500)
    raise AssertionError(f"'{until}' never came; the bar read {seen}")


@pytest.mark.parametrize(
    ("javascript", "size"), [(True, PHONE), (False, DESKTOP)], ids=["js-hp", "tanpa-js-desktop"]
)
def test_an_operator_imports_a_large_workbook_in_the_background(
    chromium, live_server, operator_a, pekerja, javascript, size
):
    context = chromium.new_context(
        viewport=size, locale="id-ID", timezone_id="Asia/Makassar", java_script_enabled=javascript
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    suffix = "js" if javascript else "tanpa-js"
    try:
        login(page, operator_a.username)
        page.goto(live_server.url + "/kependudukan/impor/")
        content = _workbook(operator_a.desa_id)
        berkas = {"name": "besar.xlsx", "mimeType": "application/octet-stream", "buffer": content}
        page.set_input_files("input[name=berkas]", files=[berkas])
        page.get_by_role("button", name="Unggah dan periksa").click()
        page.wait_for_load_state()
        assert "diperiksa di server" in page.content()
        seen = _watch(page, "text=Berkas benar", f"impor-latar-periksa-{suffix}")
        assert any(0 < value < 100 for value in seen) and seen == sorted(seen), seen  # the bar moved
        assert f"{BARIS} baru" in page.content() and not Peristiwa.objects.exists()
        assert no_sideways_scrolling(page)

        page.get_by_role("button", name="Simpan semua").click()
        page.wait_for_load_state()
        assert "disimpan di server" in page.content()
        # SQLite has one writer at a time: while the save holds it, the bar cannot move there.
        seen = _watch(page, ".alert-success", f"impor-latar-simpan-{suffix}")
        assert seen == sorted(seen), seen
        screenshot(page, f"impor-latar-selesai-{suffix}")
        assert Peristiwa.objects.count() == BARIS and ImporBerkas.objects.get().status == "disimpan"
    finally:
        context.close()

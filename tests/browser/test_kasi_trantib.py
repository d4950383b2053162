"""The Kasi Trantib's day in Chromium, on the demo's year of ledger history: the queue filtered,
several reports verified after one confirmation (one of them returned meanwhile), the compact
dashboard on a phone, and a report's panel with its one timeline."""

import pytest

from desa import ledger as desa_ledger
from desa.models import Desa, LaporanBulanan, Pengguna, RiwayatLaporan
from desa.models.laporan import Status
from desa.periode import Periode
from kudapanmas.demo import akun
from tests.browser.conftest import DESKTOP, PHONE, login, screenshot
from tests.factories.ledger import laporan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARINGIN = "63.11.06"
# At 360 px a phone shows about 740 px at a time: "about two screens" for sixteen desa.
TINGGI_DASBOR_HP = 2 * PHONE["height"] + 200


def height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def fits(page, viewport):
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def waiting_last_month():
    last = Periode.current().previous()
    return list(
        LaporanBulanan.objects.filter(
            desa__kecamatan_id=PARINGIN, status=Status.DIKIRIM, jenis="kependudukan", periode=last
        ).order_by("dikirim_at", "pk")
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1366"])
def test_the_queue_filtered_chosen_confirmed_and_verified(page_for, demo, viewport):
    last = Periode.current().previous()
    for desa in Desa.objects.filter(kecamatan_id=PARINGIN).order_by("pk")[:3]:  # whatever the draw
        laporan(desa, last, Status.DIKIRIM)
    page = page_for(viewport)
    login(page, "trantib.paringin", akun.PASSWORD)
    page.goto(f"{page.base_url}/kecamatan/{PARINGIN}/antrean/")
    semua = page.locator("#form-pilih tbody tr").count()
    screenshot(page, "kasi-antrean")
    print(f"antrean {viewport['width']} px: {height(page)} px for {semua} rows")
    assert fits(page, viewport)

    page.select_option("#saring-jenis", "kependudukan")
    page.select_option("#saring-periode", str(last))
    page.get_by_role("button", name="Saring").click()
    page.wait_for_url(f"**periode={last}**")
    page.locator("#jumlah-antrean", has_text="dengan saringan ini").wait_for()
    waiting = waiting_last_month()
    rows = page.locator("#form-pilih tbody tr")
    assert rows.count() == len(waiting) < semua
    assert f"Kependudukan · {last.label}" in rows.first.inner_text()
    screenshot(page, "kasi-antrean-saringan")

    chosen = waiting[:3]
    for row in chosen:
        page.check(f"#pilih-{row.pk}")
    assert page.locator("#verifikasi-terpilih").inner_text() == "Verifikasi 3 laporan yang dipilih"
    page.locator("#verifikasi-terpilih").click()
    page.wait_for_url("**/antrean/verifikasi/**")
    assert "Verifikasi 3 laporan?" in page.content()
    assert page.locator("#akan-diverifikasi li").count() == 3
    screenshot(page, "kasi-antrean-konfirmasi")
    assert fits(page, viewport)

    # Someone returns the second report from its own page while the confirmation is open.
    kasi = Pengguna.objects.get(username="trantib.paringin")
    desa_ledger.kembalikan(laporan=chosen[1], user=kasi, catatan="KK ganda di RT 2.")
    page.get_by_role("button", name="Verifikasi 3 laporan").click()
    page.wait_for_load_state()
    assert "/antrean/verifikasi/" in page.url  # the browser asks for the tick first, no JS needed
    page.check("#id_diperiksa")
    page.get_by_role("button", name="Verifikasi 3 laporan").click()
    page.wait_for_url(f"**/antrean/?jenis=kependudukan&periode={last}")
    alerts = page.locator("main .alert").all_inner_texts()
    assert any(text.startswith("2 laporan terverifikasi dan terkunci") for text in alerts)
    assert any(
        f"Tidak diverifikasi: {chosen[1].desa.nama}" in text and "Dikembalikan" in text for text in alerts
    )
    screenshot(page, "kasi-antrean-hasil")
    states = [LaporanBulanan.objects.get(pk=row.pk).status for row in chosen]
    assert states == [Status.DIVERIFIKASI, Status.DIKEMBALIKAN, Status.DIVERIFIKASI]
    assert RiwayatLaporan.objects.filter(laporan__in=chosen, aksi="verifikasi", oleh=kasi).count() == 2


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1366"])
def test_the_dashboard_is_one_line_per_desa_on_a_phone(page_for, demo, viewport):
    page = page_for(viewport)
    login(page, "trantib.paringin", akun.PASSWORD)
    page.goto(f"{page.base_url}/dasbor/")
    page.wait_for_load_state()
    assert page.locator(".tabel-kepatuhan tbody tr").count() == 16
    screenshot(page, "kasi-dasbor")
    print(f"dasbor {viewport['width']} px: {height(page)} px")
    assert fits(page, viewport)
    first_row = page.locator(".tabel-kepatuhan tbody tr").first
    if viewport == PHONE:
        assert height(page) <= TINGGI_DASBOR_HP
        assert first_row.bounding_box()["height"] < 48  # one line of short badges
        assert page.locator("#legenda-grid").is_visible()
        assert page.locator(".sel-singkat").first.is_visible()
    else:
        assert not page.locator("#legenda-grid").is_visible()
        assert page.locator(".sel-keadaan").first.is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1366"])
def test_a_returned_report_shows_one_timeline_and_the_verify_button_asks_first(page_for, demo, viewport):
    returned = LaporanBulanan.objects.filter(
        desa__kecamatan_id=PARINGIN, status=Status.DIKEMBALIKAN, komentar__isnull=False
    ).first()
    page = page_for(viewport)
    login(page, "trantib.paringin", akun.PASSWORD)
    page.goto(f"{page.base_url}/kependudukan/{returned.desa_id}/{returned.periode}/")
    timeline = page.locator("#linimasa-laporan")
    entries = timeline.locator("li").all_inner_texts()
    assert entries[0].startswith("Kirim oleh") and entries[1].startswith("Kembalikan oleh")
    assert returned.catatan_kembali in entries[1]
    assert all(entry.startswith("Komentar oleh") for entry in entries[2:4])
    timeline.scroll_into_view_if_needed()
    screenshot(page, "kasi-panel-linimasa")
    assert fits(page, viewport)

    waiting = waiting_last_month()[0]
    page.goto(f"{page.base_url}/kependudukan/{waiting.desa_id}/{waiting.periode}/")
    assert "Menunggu verifikasi Anda." in page.locator("#spanduk-laporan").inner_text()
    page.locator("#form-verifikasi").scroll_into_view_if_needed()
    screenshot(page, "kasi-panel-verifikasi")
    page.get_by_role("button", name="Verifikasi", exact=True).click()
    assert LaporanBulanan.objects.get(pk=waiting.pk).status == Status.DIKIRIM  # not ticked yet
    page.check("#id_diperiksa")
    page.get_by_role("button", name="Verifikasi", exact=True).click()
    page.wait_for_load_state()
    assert "terverifikasi dan terkunci" in page.content()
    assert LaporanBulanan.objects.get(pk=waiting.pk).status == Status.DIVERIFIKASI


def test_the_queue_verifies_without_javascript(chromium, live_server, demo):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False, locale="id-ID")
    try:
        page = context.new_page()
        page.base_url = live_server.url
        login(page, "trantib.paringin", akun.PASSWORD)
        page.goto(f"{page.base_url}/kecamatan/{PARINGIN}/antrean/")
        first = page.locator("#form-pilih input[name=laporan]").first
        pk = int(first.get_attribute("value"))
        first.check()
        page.get_by_role("button", name="Verifikasi yang dipilih").click()
        page.wait_for_load_state()
        assert "Verifikasi laporan ini?" in page.content()
        page.check("#id_diperiksa")
        page.get_by_role("button", name="Verifikasi", exact=True).click()
        page.wait_for_load_state()
        assert "terverifikasi dan terkunci" in page.content()
        assert LaporanBulanan.objects.get(pk=pk).status == Status.DIVERIFIKASI
    finally:
        context.close()

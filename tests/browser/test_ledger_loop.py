"""The whole monthly loop in Chromium: the operator sends, the Kasi Trantib returns it with a
comment, the operator reads it and sends again, the Kasi Trantib verifies, the dashboard shows it."""

import pytest

from desa.models import LaporanBulanan
from desa.models.laporan import Status
from desa.periode import Periode
from tests.browser.conftest import DESKTOP, PHONE, login, open_menu, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CATATAN = "Jumlah KK awal belum sesuai buku induk; mohon dicek lagi."


@pytest.fixture
def bulan_lalu(desa_a):
    """Balang keeps Kependudukan: its population at the start of last month, with no events since."""
    from kependudukan.models.data_awal import DataAwal

    periode = Periode.current().previous()
    DataAwal.objects.create(desa=desa_a, periode=periode, wni_l=812, wni_p=798, jumlah_kk=472)
    return periode


def status(desa):
    return LaporanBulanan.objects.get(desa=desa, jenis="kependudukan").status


def open_report_from_home(page, periode):
    page.goto(page.base_url + "/")
    page.locator("#tugas a", has_text=f"Kependudukan · {periode.label}").click()
    page.wait_for_load_state()


def review_from_queue(page, button, catatan=""):
    open_menu(page)
    page.get_by_role("link", name="Antrean verifikasi", exact=True).click()
    page.get_by_role("link", name="Periksa").first.click()
    if catatan:
        page.fill("textarea[name=catatan]", catatan)
    if button == "Verifikasi":
        page.check("#id_diperiksa")  # the verification asks to confirm
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_the_monthly_loop_from_send_to_verified(page_for, desa_a, operator_a, kasi_trantib, bulan_lalu):
    operator = page_for(PHONE)
    login(operator, "operator.a")
    open_report_from_home(operator, bulan_lalu)
    operator.get_by_role("button", name="Kirim laporan").click()
    assert f"Laporan {bulan_lalu.label} terkirim ke kecamatan." in operator.content()
    assert status(desa_a) == Status.DIKIRIM

    trantib = page_for(DESKTOP)
    login(trantib, "trantib")
    review_from_queue(trantib, "Kembalikan", CATATAN)
    assert "dikembalikan dengan catatan" in trantib.content()
    assert status(desa_a) == Status.DIKEMBALIKAN

    operator.goto(operator.base_url + "/")
    assert CATATAN in operator.locator("#tugas").inner_text()
    screenshot(operator, "loop-operator-dikembalikan")
    open_report_from_home(operator, bulan_lalu)
    assert CATATAN in operator.locator("#panel-laporan").inner_text()
    operator.get_by_role("button", name="Kirim ulang laporan").click()
    assert status(desa_a) == Status.DIKIRIM

    review_from_queue(trantib, "Verifikasi")
    assert "terverifikasi dan terkunci" in trantib.content()
    assert status(desa_a) == Status.DIVERIFIKASI
    history = trantib.locator("#panel-laporan").inner_text()
    for step in ["Kirim oleh", "Kembalikan oleh", "Kirim ulang oleh", "Verifikasi oleh"]:
        assert step in history

    for viewport in (PHONE, DESKTOP):
        page = page_for(viewport)
        login(page, "trantib")
        open_menu(page)
        page.get_by_role("link", name="Dasbor", exact=True).click()
        row = page.locator("tbody tr", has_text="Balang")
        assert "Terverifikasi" in row.inner_text()
        assert "Tepat waktu" not in row.inner_text()  # a verified cell says verified, with its send date
        assert f"Laporan {bulan_lalu.label}" in page.content()
        screenshot(page, "dasbor-kecamatan")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.fixture
def dikembalikan(desa_a, bulan_lalu):
    from django.utils import timezone

    now = timezone.now()
    return LaporanBulanan.objects.create(
        desa=desa_a,
        jenis="kependudukan",
        periode=bulan_lalu,
        status=Status.DIKEMBALIKAN,
        pertama_dikirim_at=now,
        dikirim_at=now,
        catatan_kembali=CATATAN,
    )


def filter_returned(page, periode):
    login(page, "trantib")
    page.goto(page.base_url + f"/kecamatan/63.11.06/dasbor/{periode}/")
    assert page.locator("tbody tr").count() == 16
    page.locator(".saringan a", has_text="Dikembalikan").click()
    page.wait_for_url("**keadaan=dikembalikan")
    page.locator("tbody tr").first.wait_for()
    assert page.locator("tbody tr").count() == 1
    assert "Balang" in page.locator("tbody").inner_text()


def test_the_state_filter_works_without_javascript(
    chromium, live_server, kasi_trantib, dikembalikan, bulan_lalu
):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False, locale="id-ID")
    try:
        page = context.new_page()
        page.base_url = live_server.url
        filter_returned(page, bulan_lalu)
    finally:
        context.close()


def test_the_state_filter_swaps_the_grid_in_place_with_htmx(page_for, kasi_trantib, dikembalikan, bulan_lalu):
    page = page_for(DESKTOP)
    filter_returned(page, bulan_lalu)
    assert page.locator(".saringan-item.aktif").inner_text().startswith("Dikembalikan")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1366"])
def test_reopening_a_month_returns_the_later_months_and_the_operator_resends_in_order(
    page_for, desa_a, operator_a, kasi_trantib, viewport
):
    from kependudukan.models.data_awal import DataAwal
    from tests.factories.ledger import laporan

    lalu = Periode.current().previous()
    dua_lalu = lalu.previous()
    DataAwal.objects.create(desa=desa_a, periode=dua_lalu, wni_l=812, wni_p=798, jumlah_kk=472)
    laporan(desa_a, dua_lalu, Status.DIVERIFIKASI)
    laporan(desa_a, lalu, Status.DIVERIFIKASI)

    trantib = page_for(viewport)
    login(trantib, "trantib")
    trantib.goto(trantib.base_url + f"/kependudukan/{desa_a.pk}/{dua_lalu}/")
    warning = trantib.locator("#ikut-kembali")
    assert f"Laporan {lalu.label}" in warning.inner_text() and "ikut dikembalikan" in warning.inner_text()
    trantib.fill("textarea[name=alasan]", "Satu kelahiran belum tercatat.")
    warning.scroll_into_view_if_needed()
    screenshot(trantib, "ledger-buka-kembali-berantai")
    trantib.get_by_role("button", name="Buka kembali").click()
    assert "dibuka kembali" in trantib.content()
    states = dict(LaporanBulanan.objects.filter(desa=desa_a).values_list("periode", "status"))
    assert states == {dua_lalu: Status.DIKEMBALIKAN, lalu: Status.DIKEMBALIKAN}

    operator = page_for(viewport)
    login(operator, "operator.a")
    operator.goto(operator.base_url + f"/kependudukan/{desa_a.pk}/{lalu}/")
    assert f"Kirim dulu laporan {dua_lalu.label}" in operator.locator("#belum-bisa-dikirim").inner_text()
    assert operator.get_by_role("button", name="Kirim ulang laporan").count() == 0
    assert "ikut dikembalikan karena laporan" in operator.locator("#panel-laporan").inner_text().lower()
    screenshot(operator, "ledger-kirim-berurutan")
    operator.goto(operator.base_url + f"/kependudukan/{desa_a.pk}/{dua_lalu}/")
    operator.get_by_role("button", name="Kirim ulang laporan").click()
    operator.goto(operator.base_url + f"/kependudukan/{desa_a.pk}/{lalu}/")
    operator.get_by_role("button", name="Kirim ulang laporan").click()
    assert f"Laporan {lalu.label} terkirim ke kecamatan." in operator.content()
    assert set(LaporanBulanan.objects.filter(desa=desa_a).values_list("status", flat=True)) == {
        Status.DIKIRIM
    }

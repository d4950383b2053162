"""Linmas on a 360 px phone: participants picked by regu, the month's page with its send first."""

import datetime

import pytest

from desa.models import LaporanBulanan
from desa.models.laporan import Status
from desa.periode import Periode
from linmas.models import Kegiatan, Regu
from tests.browser.conftest import DESKTOP, PHONE, login, no_sideways_scrolling, photo, screenshot
from tests.factories.linmas import make_kegiatan, make_satlinmas, set_program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Two screens of a 360 × 740 phone.
DUA_LAYAR = 2 * PHONE["height"]


@pytest.fixture
def satlinmas(desa_a):
    return make_satlinmas(desa_a)


def page_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def regu(page, label):
    return page.locator("details[data-regu]").filter(has=page.locator("summary", has_text=label))


def open_form(page, desa):
    periode = Periode.current().previous()
    page.goto(f"{page.base_url}/linmas/{desa.kode}/kegiatan/tambah/?periode={periode}")
    return periode


def test_an_operator_picks_one_regu_with_pilih_semua(
    page_for, operator_a, satlinmas, private_media, tmp_path, record_property
):
    page = page_for(PHONE)
    login(page, "operator.a")
    periode = open_form(page, operator_a.desa)
    # Folded: one line per regu, each saying how many of its members are ticked.
    assert page.locator("details[data-regu][open]").count() == 0
    assert page.locator("details[data-regu] summary").count() == 6
    assert regu(page, "Pengamanan").locator("[data-regu-jumlah]").inner_text() == "0 dari 4"

    pengamanan = regu(page, "Pengamanan")
    pengamanan.locator("summary").click()
    pengamanan.get_by_label("Pilih semua").check()
    assert pengamanan.locator("[data-anggota] input:checked").count() == 4
    assert pengamanan.locator("[data-regu-jumlah]").inner_text() == "4 dari 4"
    assert page.locator("[data-jumlah-peserta]").inner_text() == "4 dipilih"
    # One member stays home: "pilih semua" shows that not all are ticked any more.
    pengamanan.get_by_label("Joko Susilo").uncheck()
    assert pengamanan.get_by_label("Pilih semua").evaluate("box => box.indeterminate")
    pengamanan.get_by_label("Joko Susilo").check()
    assert pengamanan.get_by_label("Pilih semua").is_checked()

    page.fill("input[name=tempat]", "Pasar Paringin")
    page.select_option("select[name=jenis]", "pengamanan_kegiatan")
    page.fill("textarea[name=uraian]", "Pengamanan pasar malam, situasi aman dan tertib.")
    page.set_input_files(
        "input[name=foto]",
        [
            photo(tmp_path / "pasar-1.jpg", "JPEG", (30, 90, 60)),
            photo(tmp_path / "pasar-2.jpg", "JPEG", (90, 40, 30)),
        ],
    )
    page.locator("[data-foto-daftar] li", has_text="→").nth(1).wait_for()
    page.locator("textarea[name=uraian]").focus()  # no focus ring left on the file input
    screenshot(page, "linmas-kegiatan-form-regu")
    height = page_height(page)
    record_property("form_height", height)
    assert height <= DUA_LAYAR, f"the form is {height} px high at 360 px"
    assert no_sideways_scrolling(page)

    page.get_by_role("button", name="Simpan kegiatan").click()
    page.get_by_text("disimpan dengan 2 foto").wait_for()
    kegiatan = Kegiatan.objects.get()
    assert sorted(anggota.nama for anggota in kegiatan.peserta.all()) == sorted(
        anggota.nama for anggota in satlinmas if anggota.regu == Regu.PENGAMANAN
    )
    assert kegiatan.periode == periode


def test_the_search_box_finds_a_member_in_a_folded_regu(page_for, operator_a, satlinmas):
    page = page_for(PHONE)
    login(page, "operator.a")
    open_form(page, operator_a.desa)
    page.fill("[data-cari-peserta]", "siti")
    visible = page.locator("[data-anggota]:visible")
    assert visible.count() == 1 and visible.inner_text() == "Siti Aminah"
    assert page.locator("details[data-regu]:visible").count() == 1
    visible.get_by_label("Siti Aminah").check()
    page.keyboard.press("Enter")  # a search, not a submit
    page.fill("[data-cari-peserta]", "")
    assert page.locator("[data-anggota]:visible").count() > 1
    assert page.get_by_label("Siti Aminah").is_checked()
    assert not Kegiatan.objects.exists()


def test_without_javascript_every_regu_can_still_be_ticked(chromium, live_server, operator_a, satlinmas):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False, locale="id-ID")
    try:
        page = context.new_page()
        page.base_url = live_server.url
        login(page, "operator.a")
        open_form(page, operator_a.desa)
        assert not page.locator("[data-cari-peserta]").is_visible()
        assert not page.get_by_label("Pilih semua").first.is_visible()
        regu(page, "Dapur Umum").locator("summary").click()
        page.get_by_label("Yusuf Maulana").check()
        page.fill("input[name=tempat]", "Balai desa")
        page.fill("textarea[name=uraian]", "Latihan dapur umum.")
        page.select_option("select[name=jenis]", "latihan")
        page.get_by_role("button", name="Simpan kegiatan").click()
        page.wait_for_load_state()
        assert "Kegiatan Latihan/pelatihan disimpan." in page.content()
        assert [anggota.nama for anggota in Kegiatan.objects.get().peserta.all()] == ["Yusuf Maulana"]
    finally:
        context.close()


def month_with_activities(desa, members, **program):
    periode = Periode.current().previous()
    set_program(desa.kecamatan, periode, **program)
    for day in (3, 10, 17):
        make_kegiatan(desa, periode.awal + datetime.timedelta(days=day), peserta=members[2:6])
    return periode


def month_url(page, desa, periode):
    return f"{page.base_url}/linmas/{desa.kode}/{periode}/"


def bottom(locator):
    box = locator.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["hp", "desktop"])
def test_the_month_page_puts_its_status_and_send_first(
    page_for, size, operator_a, satlinmas, record_property
):
    periode = month_with_activities(operator_a.desa, satlinmas, ronda=3)
    page = page_for(size)
    login(page, "operator.a")
    page.goto(month_url(page, operator_a.desa, periode))
    screenshot(page, "linmas-bulan-kirim")
    assert no_sideways_scrolling(page)
    # The month has entries: no "Nihil" to tick; status, programme check and send on the first screen.
    assert page.locator("input[name=nihil]").count() == 0
    send = page.get_by_role("button", name="Kirim laporan")
    assert bottom(page.locator("#status-laporan")) < bottom(send) <= size["height"]
    assert page.get_by_text("Program kegiatan wajib bulan ini sudah terpenuhi.").is_visible()
    # The lists are folded under their headings, below the send.
    lists = page.locator("details.linmas-lipat")
    assert lists.count() == 4 and lists.first.bounding_box()["y"] > bottom(send)
    assert not page.get_by_text("Ronda malam.").first.is_visible()
    if size == PHONE:
        height = page_height(page)
        record_property("month_height", height)
        assert height <= DUA_LAYAR, f"the month page is {height} px high at 360 px"
    # Printed, the folded lists show in full.
    page.emulate_media(media="print")
    assert page.get_by_text("Ronda malam.").first.is_visible()
    page.emulate_media(media="screen")
    page.locator("details.linmas-lipat summary", has_text="Kegiatan (3)").click()
    assert page.get_by_text("Ronda malam.").first.is_visible()

    send.click()
    page.get_by_text(f"Laporan {periode.label} terkirim ke kecamatan.").wait_for()
    assert LaporanBulanan.objects.get(jenis="linmas").status == Status.DIKIRIM


def test_an_unmet_programme_asks_for_its_explanation_before_the_send(page_for, operator_a, satlinmas):
    periode = month_with_activities(operator_a.desa, satlinmas, ronda=4, apel=1)
    page = page_for(PHONE)
    login(page, "operator.a")
    page.goto(month_url(page, operator_a.desa, periode))
    screenshot(page, "linmas-bulan-kurang")
    shortfall = page.get_by_text("Program kegiatan wajib belum terpenuhi:")
    explanation = page.get_by_label("Penjelasan program wajib")
    send = page.get_by_role("button", name="Kirim laporan")
    assert bottom(shortfall) < bottom(explanation) < bottom(send)
    assert bottom(send) < page.locator("details.linmas-lipat").first.bounding_box()["y"]
    assert page.locator("input[name=nihil]").count() == 0
    explanation.fill("Anggota sedang panen.")
    send.click()
    page.get_by_text(f"Laporan {periode.label} terkirim ke kecamatan.").wait_for()
    assert "Anggota sedang panen." in LaporanBulanan.objects.get(jenis="linmas").keterangan


def test_an_empty_month_offers_nihil(page_for, operator_a):
    page = page_for(PHONE)
    login(page, "operator.a")
    periode = Periode.current().previous()
    page.goto(f"{page.base_url}/linmas/{operator_a.desa.kode}/{periode}/")
    screenshot(page, "linmas-bulan-nihil")
    page.get_by_role("checkbox", name="Nihil").check()
    page.get_by_label("Keterangan").fill("Anggota mengungsi karena banjir.")
    page.get_by_role("button", name="Kirim laporan").click()
    page.get_by_text(f"Laporan {periode.label} terkirim ke kecamatan.").wait_for()
    assert LaporanBulanan.objects.get(jenis="linmas").nihil


def test_the_activity_form_on_a_desktop(page_for, operator_a, satlinmas):
    page = page_for(DESKTOP)
    login(page, "operator.a")
    open_form(page, operator_a.desa)
    regu(page, "Kesiapsiagaan").locator("summary").click()
    screenshot(page, "linmas-kegiatan-form-regu")
    assert no_sideways_scrolling(page)

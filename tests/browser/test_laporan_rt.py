"""A Ketua RT fills its RT's report on a phone; the operator sends the desa's month of RT reports."""

import datetime

import pytest

from desa.models import RT
from desa.models.laporan import LaporanBulanan, Status
from desa.periode import Periode
from desa.scoping import Peran
from kependudukan.models import Peristiwa
from laporan_rt.models import LaporanRT
from tests.browser.conftest import DESKTOP, PHONE, login, open_menu, screenshot
from tests.factories.pengguna import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERIODE = Periode.current().previous()


@pytest.fixture
def rt_list(desa_a):
    return [
        RT.objects.create(desa=desa_a, nomor=1, rw="Dusun 1", nama_ketua="Rusdi Anwar"),
        RT.objects.create(desa=desa_a, nomor=2, rw="Dusun 1", nama_ketua="Siti Aminah"),
    ]


@pytest.fixture
def ketua_rt(rt_list):
    return make_user("ketua.rt1", peran=Peran.KETUA_RT, rt=rt_list[0], first_name="Rusdi Anwar")


def _birth(desa):
    day = PERIODE.awal + datetime.timedelta(days=6)
    Peristiwa(
        desa=desa, jenis="LAHIR", nomor_rt=1, jenis_kelamin="P", nama="Bayi Nor Aulia",
        tanggal_peristiwa=day, tanggal_lapor=day,
    ).save()  # fmt: skip


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_a_ketua_rt_fills_its_report_and_the_operator_sends_the_month(page_for, desa_a, ketua_rt, operator_a):
    _birth(desa_a)
    page = page_for(PHONE)
    login(page, "ketua.rt1")
    open_menu(page)
    page.get_by_role("link", name="Laporan RT saya").click()
    assert page.locator("h1").inner_text() == "Laporan RT 001"
    screenshot(page, "ketua-rt-beranda")
    page.get_by_role("link", name=PERIODE.label).click()

    # The birth the desa recorded is already filled in; the first month's start is counted by hand.
    assert page.input_value("input[name=lahir_p]") == "1"
    page.fill("input[name=awal_kk]", "32")
    page.fill("input[name=awal_l]", "61")
    page.fill("input[name=awal_p]", "58")
    page.fill("input[name=akhir_kk]", "32")
    page.locator("#bagian-kegiatan summary").click()
    page.fill("input[name=kegiatan_ronda]", "4")
    page.locator("#bagian-tamu summary").click()
    page.fill("input[name=tamu-0-nama]", "Muhammad Fahmi")
    page.fill("input[name=tamu-0-nomor_identitas]", "6371051203900004")
    page.fill("input[name=tamu-0-asal]", "Banjarmasin")
    page.fill("input[name=tamu-0-keperluan]", "Mengunjungi keluarga")
    page.fill("input[name=tamu-0-tanggal_datang]", PERIODE.awal.replace(day=10).isoformat())
    page.fill("input[name=tamu-0-tanggal_pergi]", PERIODE.awal.replace(day=13).isoformat())
    page.fill("textarea[name=masalah]", "Lampu jalan di ujung gang padam.")
    _no_sideways_scroll(page)
    screenshot(page, "ketua-rt-isi")

    # A birth the desa has not recorded needs a note.
    page.fill("input[name=lahir_l]", "1")
    page.get_by_role("button", name="Kirim ke desa").click()
    assert "Periksa isian yang ditandai merah" in page.content()
    screenshot(page, "ketua-rt-isi-salah")
    page.fill(
        "textarea[name=catatan_perbedaan]",
        "Bayi laki-laki Pak Basri lahir tanggal 20, belum dilapor ke desa.",
    )
    page.get_by_role("button", name="Kirim ke desa").click()
    assert f"Laporan RT 001 {PERIODE.label} terkirim ke desa" in page.content()
    _no_sideways_scroll(page)
    screenshot(page, "ketua-rt-terkirim")
    laporan = LaporanRT.objects.get()
    assert (laporan.lahir_l, laporan.lahir_p, laporan.akhir_l, laporan.akhir_p) == (1, 1, 62, 59)
    assert laporan.tamu.get().nama == "Muhammad Fahmi"

    for size in (PHONE, DESKTOP):
        page = page_for(size)
        login(page, "operator.a")
        open_menu(page)
        page.get_by_role("link", name="Laporan RT", exact=True).click()
        assert page.locator("#cakupan-rt").inner_text() == "1 dari 2 RT"
        assert "Laporan RT berbeda dengan peristiwa" in page.content()
        _no_sideways_scroll(page)
        screenshot(page, "operator-laporan-rt")

    # Sending without a word about the missing RT 002 is refused; with it, the month goes.
    page.get_by_role("button", name="Kirim laporan").click()
    assert "RT 002 belum melapor" in page.content()
    page.fill("input[name=penjelasan_rt_2]", "Ketua RT 002 sedang dirawat di rumah sakit.")
    page.get_by_role("button", name="Kirim laporan").click()
    assert f"Laporan {PERIODE.label} terkirim ke kecamatan" in page.content()
    screenshot(page, "operator-laporan-rt-terkirim")
    ledger = LaporanBulanan.objects.get(desa=desa_a, jenis="laporan_rt")
    assert ledger.status == Status.DIKIRIM
    assert "RT 002: Ketua RT 002 sedang dirawat" in ledger.keterangan


def test_the_operator_creates_a_ketua_rt_account_on_a_phone(page_for, desa_a, rt_list, operator_a):
    page = page_for(PHONE)
    login(page, "operator.a")
    open_menu(page)
    page.get_by_role("link", name="Laporan RT", exact=True).click()
    page.get_by_role("link", name="Akun Ketua RT").click()
    page.get_by_role("link", name="Tambah akun Ketua RT").click()
    page.fill("input[name=username]", "ketua.rt2.balang")
    page.fill("input[name=first_name]", "Siti Aminah")
    page.select_option("select[name=rt]", str(rt_list[1].pk))
    page.fill("input[name=telepon]", "081355551234")
    page.fill("input[name=password1]", "Sandi-RT-Panjang-2026")
    page.fill("input[name=password2]", "Sandi-RT-Panjang-2026")
    _no_sideways_scroll(page)
    screenshot(page, "operator-akun-rt-tambah")
    page.click("main button[type=submit]")
    assert "Akun Ketua RT 002 (ketua.rt2.balang) dibuat" in page.content()
    _no_sideways_scroll(page)
    screenshot(page, "operator-akun-rt")

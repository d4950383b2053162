"""The kecamatan's population per month in Chromium: Balang's Agustus 2025 verified by the Kasi
Trantib from its report page, one of its events then deleted through a side door, and the Kasi
Trantib and the camat reading the month from the B.3 recap's link, on a phone and a desktop and
without JavaScript: Balang keeps the figures that were verified, the other desa are provisional."""

import pytest

from desa import ledger
from desa.models import CuplikanAngka, LaporanBulanan
from desa.models.laporan import JenisLaporan, Status
from desa.templatetags.format_id import waktu as format_waktu
from kependudukan.models import Peristiwa
from tests.browser.conftest import DESKTOP, PHONE, login, no_sideways_scrolling, screenshot
from tests.factories.waktu import clock
from tests.kudapanmas.rekap_contoh import PERIODE, isi_kependudukan, waktu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JULI = PERIODE.previous()
PARINGIN = "63.11.06"
# Balang at the end of Agustus 2025 as verified (worked out in tests/kependudukan/test_b3.py).
JIWA_BEKU, KK_BEKU = "1.013", "301"


@pytest.fixture
def verified(desa_a, desa_b, operator_a, kasi_trantib, camat):
    """Balang's Juli verified earlier, its Agustus sent and verified in the browser, then the
    departing head of family of Agustus deleted behind the app's back: now 1,014 jiwa, 302 KK."""
    isi_kependudukan(desa_a, desa_b)
    with clock(waktu(2025, 8, 3, 9)):
        juli = ledger.kirim(desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=JULI, user=operator_a)
    with clock(waktu(2025, 8, 5, 9)):
        ledger.verifikasi(laporan=juli, user=kasi_trantib)
    with clock(waktu(2025, 9, 2, 9)):
        ledger.kirim(desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=PERIODE, user=operator_a)
    return desa_a


def verify_in_the_browser(page, desa):
    page.goto(f"{page.base_url}/kependudukan/{desa.pk}/{PERIODE}/")
    assert "Menunggu verifikasi Anda." in page.locator("#spanduk-laporan").inner_text()
    page.check("#id_diperiksa")
    page.get_by_role("button", name="Verifikasi", exact=True).click()
    assert "terverifikasi dan terkunci" in page.content()
    laporan = LaporanBulanan.objects.get(desa=desa, jenis=JenisLaporan.KEPENDUDUKAN, periode=PERIODE)
    assert laporan.status == Status.DIVERIFIKASI
    departed = Peristiwa.objects.filter(desa=desa, periode=PERIODE, jenis="PINDAH", kepala_keluarga=True)
    assert departed.delete()[0] == 1  # a side door
    return format_waktu(CuplikanAngka.objects.get(laporan=laporan, dicabut_at__isnull=True).dibuat_at)


def row_of(page, nama):
    return page.locator(".tabel-per-bulan tbody tr", has_text=nama)


def keadaan(page, nama):
    """The state of a desa's month as shown: under its name on a phone, in its column on a desktop."""
    return row_of(page, nama).locator(".keadaan:visible").inner_text().strip()


def figures(row):
    return [row.locator(".jiwa").inner_text(), row.locator(".kk").inner_text()]


def choose(page, periode):
    page.select_option("#pilih-periode", str(periode))
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url(f"**periode={periode}")
    assert f"Penduduk per bulan: akhir {periode.label}" in page.locator("h1").inner_text()


def read_the_month(page, name, waktu_beku, kecamatan_kode=PARINGIN):
    """From the B.3 recap to the per-month page, Juli then Agustus; Balang's Agustus is frozen."""
    page.goto(f"{page.base_url}/kependudukan/kecamatan/{kecamatan_kode}/{PERIODE}/")
    page.get_by_role("link", name="Penduduk per bulan").click()
    page.wait_for_load_state()
    assert page.locator("#pilih-periode option").all_inner_texts() == [PERIODE.label, JULI.label]
    screenshot(page, f"{name}-awal")
    choose(page, JULI)
    assert keadaan(page, "Balang") == "Terverifikasi 5 Agustus 2025 09.00 WITA"
    assert keadaan(page, "Lok Batung") == f"Data kependudukan desa ini baru dimulai {PERIODE.label}."
    assert page.locator(".jumlah-sementara").count() == 0  # every desa with figures is verified
    screenshot(page, f"{name}-juli")
    choose(page, PERIODE)
    assert keadaan(page, "Balang") == f"Terverifikasi {waktu_beku}"
    assert figures(row_of(page, "Balang")) == [JIWA_BEKU, KK_BEKU]  # not the 1.014 and 302 recorded now
    assert keadaan(page, "Lok Batung") == "Belum terverifikasi: angka sementara"
    assert figures(row_of(page, "Lok Batung")) == ["621", "200"]
    assert keadaan(page, "Paringin Kota") == "Data awal kependudukan belum diisi."
    assert figures(page.locator(".jumlah-terverifikasi")) == [JIWA_BEKU, KK_BEKU]
    assert figures(page.locator(".jumlah-sementara")) == ["1.634", "501"]
    assert "1 dari 16 desa/kelurahan terverifikasi" in page.content()
    assert no_sideways_scrolling(page)
    screenshot(page, f"{name}-agustus")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1366"])
def test_the_kasi_trantib_and_the_camat_read_the_verified_figures_of_a_month(page_for, verified, viewport):
    trantib = page_for(viewport)
    login(trantib, "trantib")
    waktu_beku = verify_in_the_browser(trantib, verified)
    read_the_month(trantib, "per-bulan-kasi", waktu_beku)

    trantib.goto(f"{trantib.base_url}/kependudukan/{verified.pk}/{PERIODE}/")
    note = trantib.locator(".angka-beku").inner_text()
    assert f"Angka bulan ini disimpan saat verifikasi {waktu_beku}" in note
    assert JIWA_BEKU in trantib.locator(".tabel-b3").inner_text()
    screenshot(trantib, "per-bulan-laporan-desa")

    camat = page_for(viewport)
    login(camat, "camat")
    read_the_month(camat, "per-bulan-camat", waktu_beku)
    assert camat.get_by_role("button", name="Verifikasi").count() == 0


def test_the_month_is_chosen_without_javascript(chromium, page_for, live_server, verified):
    trantib = page_for(DESKTOP)
    login(trantib, "trantib")
    waktu_beku = verify_in_the_browser(trantib, verified)
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False, locale="id-ID")
    try:
        page = context.new_page()
        page.base_url = live_server.url
        login(page, "camat")
        read_the_month(page, "per-bulan-tanpa-js", waktu_beku)
    finally:
        context.close()

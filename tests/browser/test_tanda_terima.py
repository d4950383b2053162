"""The receipts in Chromium: the operator sends a month and opens its receipt from the report's
panel on a phone and on a desktop, prints it on one A4 sheet, the Kasi Trantib verifies and gets
the receipt of the verification, and anyone without an account checks the code its QR holds."""

import re

import pytest
import segno

from desa.models.bukti import AksiTandaTerima, TandaTerima
from desa.periode import Periode, format_waktu
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, login, no_sideways_scrolling, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMA_OPERATOR = ("Siti", "Rahmawati")
NAMA_KASI = ("Ahmad", "Fauzi")
# A 16-digit run is what a NIK or a KK number looks like on a page.
NIK = re.compile(r"\d{16}")
# At 96 px per inch, the 40 mm a phone camera reads from a sheet held at arm's length.
QR_CETAK_PX = 40 / 25.4 * 96
A4_PX = {"width": 794, "height": 1123}


@pytest.fixture
def bulan_lalu(desa_a, operator_a, kasi_trantib):
    """Balang's population at the start of last month, and the people who sign its receipts."""
    from kependudukan.models.data_awal import DataAwal

    for user, (first, last) in [(operator_a, NAMA_OPERATOR), (kasi_trantib, NAMA_KASI)]:
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
    periode = Periode.current().previous()
    DataAwal.objects.create(desa=desa_a, periode=periode, wni_l=812, wni_p=798, jumlah_kk=472)
    return periode


def open_report(page, desa, periode):
    page.goto(f"{page.base_url}/kependudukan/{desa.pk}/{periode}/")


def open_receipt_from_panel(page, desa, periode, aksi):
    open_report(page, desa, periode)
    page.locator("#tautan-tanda-terima").click()
    page.wait_for_load_state()
    screenshot(page, f"tanda-terima-daftar-{aksi.lower()}")
    page.locator("#daftar-tanda-terima a", has_text=aksi).click()
    page.wait_for_load_state()


def qr_modules(svg):
    """The dark modules of segno's inline SVG: its stroked path of horizontal runs, read back."""
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for command, numbers in re.findall(r"([Mmh])([^Mmh]*)", path):
        values = [float(v) for v in re.findall(r"-?[\d.]+", numbers)]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        elif command == "h":
            dark.update((int(x + i), int(y)) for i in range(int(values[0])))
            x += values[0]
    return dark


def expected_modules(url):
    """The dark modules of the QR code of `url` at the receipts' error correction level (M)."""
    matrix = segno.make(url, error="m").matrix
    border = 4  # segno's quiet zone, drawn as an offset of the first move
    return {
        (col + border, row + border) for row, line in enumerate(matrix) for col, v in enumerate(line) if v
    }


def test_the_receipts_of_a_send_and_a_verification_and_their_public_check(
    page_for, chromium, live_server, desa_a, bulan_lalu
):
    operator = page_for(PHONE)
    login(operator, "operator.a")
    open_report(operator, desa_a, bulan_lalu)
    operator.get_by_role("button", name="Kirim laporan").click()
    assert f"Laporan {bulan_lalu.label} terkirim ke kecamatan." in operator.content()
    kirim = TandaTerima.objects.get(aksi=AksiTandaTerima.KIRIM)

    for viewport in (PHONE, DESKTOP):
        page = operator if viewport is PHONE else page_for(DESKTOP)
        if viewport is DESKTOP:
            login(page, "operator.a")
        open_receipt_from_panel(page, desa_a, bulan_lalu, "Pengiriman")
        kop = page.locator(".kop").inner_text()
        assert f"PEMERINTAH {desa_a.kecamatan.kabupaten}".upper() in kop
        assert desa_a.kecamatan.nama.upper() in kop and desa_a.nama.upper() in kop
        assert page.locator("#tt-jenis").inner_text() == "Kependudukan (nihil)"  # no event that month
        assert page.locator("#tt-bulan").inner_text() == bulan_lalu.label
        assert page.locator("#tt-oleh").inner_text() == " ".join(NAMA_OPERATOR)
        assert page.locator("#tt-pertama").inner_text() == format_waktu(kirim.pertama_dikirim_at)
        assert page.locator("#tt-verifikasi").inner_text() == "belum"
        ringkasan = page.locator("#tt-ringkasan data")
        assert ringkasan.get_attribute("value") == kirim.ringkasan_isi
        assert ringkasan.inner_text().split() == re.findall(".{8}", kirim.ringkasan_isi)
        screenshot(page, "tanda-terima-kirim")
        assert no_sideways_scrolling(page)

    operator.get_by_role("link", name="Cetak (A4)").click()
    operator.wait_for_load_state()
    assert operator.get_by_role("button", name="Cetak sekarang").is_visible()  # shown by its script
    assert no_sideways_scrolling(operator)
    screenshot(operator, "tanda-terima-cetak-layar")

    page.get_by_role("link", name="Cetak (A4)").click()
    page.wait_for_load_state()
    page.set_viewport_size(A4_PX)  # the printed sheet's width, so the screenshot shows the paper
    page.emulate_media(media="print")
    assert not page.locator(".cetak-petunjuk").is_visible()
    assert page.locator(".tanda-terima-qr svg").bounding_box()["width"] == pytest.approx(QR_CETAK_PX, abs=1)
    screenshot(page, "tanda-terima-cetak")
    pdf = page.pdf(format="A4", print_background=True)
    (SCREENSHOTS / "tanda-terima-cetak.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1  # one sheet, not a second one for a line
    assert re.search(rb"/MediaBox\s*\[0 0 595\.9\d* 842\.8\d*\]", pdf)  # A4, 210 x 297 mm in points

    trantib = page_for(DESKTOP)
    login(trantib, "trantib")
    open_report(trantib, desa_a, bulan_lalu)
    trantib.check("#id_diperiksa")
    trantib.get_by_role("button", name="Verifikasi").click()
    assert "terverifikasi dan terkunci" in trantib.content()
    verifikasi = TandaTerima.objects.get(aksi=AksiTandaTerima.VERIFIKASI)
    open_receipt_from_panel(trantib, desa_a, bulan_lalu, "Verifikasi")
    assert trantib.locator("#judul-tanda-terima").inner_text() == "TANDA TERIMA VERIFIKASI LAPORAN"
    assert trantib.locator("#tt-verifikasi").inner_text() == format_waktu(verifikasi.diverifikasi_at)
    assert trantib.locator("#tt-pertama").inner_text() == format_waktu(kirim.pertama_dikirim_at)
    assert trantib.locator("#tt-oleh").inner_text() == " ".join(NAMA_KASI)
    screenshot(trantib, "tanda-terima-verifikasi")

    url_cek = trantib.locator("#tt-url-cek").get_attribute("href")
    kode = trantib.locator("#tt-kode").inner_text()
    assert url_cek == f"{live_server.url}/cek/{kode}/"
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){5}", kode)
    svg = trantib.locator(".tanda-terima-qr svg").evaluate("svg => svg.outerHTML")
    assert qr_modules(svg) == expected_modules(url_cek)

    fakta = [
        "Kode sah",
        desa_a.nama,
        "Kependudukan",
        bulan_lalu.label,
        "Terverifikasi",
        format_waktu(kirim.pertama_dikirim_at),
        format_waktu(verifikasi.diverifikasi_at),
    ]
    for viewport in (PHONE, DESKTOP):
        context = chromium.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Makassar")
        try:
            publik = context.new_page()
            if viewport is PHONE:  # the phone scans the QR and opens its link
                assert publik.goto(url_cek).status == 200
            else:  # the desktop types the code from paper, carelessly
                publik.goto(f"{live_server.url}/cek/")
                publik.fill("#id_kode", kode.replace("-", " ").lower())
                publik.get_by_role("button", name="Periksa").click()
                publik.wait_for_url(f"{live_server.url}/cek/{kode.replace('-', '')}/")
            shows_only_what_the_receipt_proves(publik, fakta)
            screenshot(publik, "tanda-terima-cek-sah")
            assert no_sideways_scrolling(publik)

            response = publik.goto(f"{live_server.url}/cek/{tampered(kode)}/")
            assert response.status == 404
            assert "Kode tidak sah" in publik.locator("#hasil-cek").inner_text()
            assert publik.locator("#kode-diperiksa").inner_text() == tampered(kode)
            assert publik.input_value("#id_kode") == tampered(kode)  # to correct a typing slip
            assert desa_a.nama not in publik.locator("main").inner_text()
            screenshot(publik, "tanda-terima-cek-palsu")
        finally:
            context.close()


def shows_only_what_the_receipt_proves(page, fakta):
    hasil = page.locator("#hasil-cek").inner_text()
    for teks in fakta:
        assert teks in hasil
    text = page.locator("body").inner_text()
    for orang in [*NAMA_OPERATOR, *NAMA_KASI, "operator.a", "trantib"]:
        assert orang not in text
    assert not NIK.search(text)


def tampered(kode):
    """The code with its last letter changed: every letter carries bits of the signature."""
    return kode[:-1] + ("A" if kode[-1] != "A" else "B")

import pytest

from desa.models import LaporanBulanan
from desa.models.laporan import Status
from desa.periode import Periode, format_tanggal
from linmas.models import AnggotaLinmas, Kegiatan
from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    login,
    nav_to,
    no_sideways_scrolling,
    open_menu,
    photo,
    screenshot,
    wait_until_true,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_operator_records_a_linmas_month_on_a_phone(page_for, operator_a, private_media, tmp_path):
    page = page_for(PHONE)
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": -2.3305123, "longitude": 115.4701456})
    login(page, "operator.a")
    open_menu(page)
    page.get_by_role("link", name="Linmas", exact=True).click()
    bulan_ini = Periode.current()
    assert page.locator("h1").inner_text() == f"Laporan Linmas {bulan_ini.label}"
    # The running month is sent once it is over; the page says from when.
    assert f"baru dapat dikirim mulai {format_tanggal(bulan_ini.next().awal)}" in page.content()
    screenshot(page, "linmas-bulan-kosong")
    periode = bulan_ini.previous()  # the activity below was done last month

    # Add a member to the roster.
    page.get_by_role("link", name="Anggota Satlinmas").click()
    page.get_by_role("link", name="Tambah anggota").click()
    page.fill("input[name=nik]", "6311061205900007")
    page.fill("input[name=nama]", "Hendra Saputra")
    page.check("input[name=jenis_kelamin][value=L]")
    page.fill("input[name=tanggal_lahir]", "1990-05-12")
    page.fill("input[name=alamat]", "Jl. Desa Balang No. 4")
    page.select_option("select[name=jabatan]", "kepala_satuan_tugas")
    page.fill("input[name=nomor_sk]", "188/07/SK-LINMAS/2024")
    page.fill("input[name=tanggal_sk]", "2024-01-15")
    screenshot(page, "linmas-anggota-form")
    page.get_by_role("button", name="Simpan").click()
    assert "Data anggota Hendra Saputra disimpan." in page.content()
    assert "Satlinmas desa paling sedikit 10 anggota" in page.content()
    screenshot(page, "linmas-anggota")
    assert no_sideways_scrolling(page)

    # Record an activity with two photos and the phone's location.
    page.get_by_role("link", name=f"Laporan Linmas {bulan_ini.label}").click()
    page.get_by_role("link", name="Catat kegiatan").click()
    page.fill("input[name=tanggal]", periode.awal.replace(day=20).isoformat())
    page.select_option("select[name=jenis]", "ronda")
    page.fill("input[name=tempat]", "Pos kamling RT 002")
    page.locator("summary", has_text="RT dan titik lokasi").click()
    page.get_by_role("button", name="Ambil lokasi dari HP").click()
    wait_until_true(page, "document.querySelector('input[name=latitude]').value !== ''")
    assert page.input_value("input[name=latitude]") == "-2.330512"
    page.fill("textarea[name=uraian]", "Ronda malam bergilir, situasi aman.")
    page.get_by_label("Hendra Saputra").check()
    page.set_input_files(
        "input[name=foto]",
        [
            photo(tmp_path / "ronda-1.jpg", "JPEG", (30, 90, 60)),
            photo(tmp_path / "ronda-2.png", "PNG", (90, 40, 30)),
        ],
    )
    screenshot(page, "linmas-kegiatan-form")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Simpan kegiatan").click()
    # The photos go in the background; the month's page replaces the form once they are in.
    page.get_by_text("Kegiatan Ronda/siskamling disimpan dengan 2 foto.").wait_for()
    gallery = page.locator(".linmas-galeri img")
    assert gallery.count() == 2
    # The lists are folded on the operator's page: open the photos and the activities.
    page.locator("summary", has_text="Foto kegiatan (2)").click()
    page.locator("summary", has_text="Kegiatan (1)").click()
    gallery.last.scroll_into_view_if_needed()
    wait_until_true(
        page,
        "[...document.querySelectorAll('.linmas-galeri img')]"
        ".every(img => img.complete && img.naturalWidth > 0)",
    )
    screenshot(page, "linmas-bulan-terisi")
    page.locator("details", has=page.locator("#judul-kegiatan")).get_by_role("link").first.click()
    assert "Hendra Saputra" in page.content()
    screenshot(page, "linmas-kegiatan")
    assert no_sideways_scrolling(page)
    page.get_by_role("link", name=f"‹ Laporan Linmas {periode.label}").click()

    # Send the month.
    page.get_by_role("button", name="Kirim laporan").click()
    assert f"Laporan {periode.label} terkirim ke kecamatan." in page.content()
    screenshot(page, "linmas-terkirim")
    assert no_sideways_scrolling(page)

    anggota = AnggotaLinmas.objects.get()
    kegiatan = Kegiatan.objects.get()
    assert list(kegiatan.peserta.all()) == [anggota]
    assert kegiatan.foto_set.count() == 2
    assert str(kegiatan.latitude) == "-2.330512"
    assert LaporanBulanan.objects.get(jenis="linmas").status == Status.DIKIRIM


def test_the_kasi_trantib_sets_the_programme_and_reads_a_desa(page_for, kasi_trantib, operator_a):
    page = page_for(DESKTOP)
    login(page, "trantib")
    nav_to(page, "Program Linmas")
    page.fill("input[name=berlaku_mulai]", str(Periode.current()))
    page.fill("input[name=minimum_ronda]", "4")
    page.fill("input[name=minimum_apel]", "1")
    page.get_by_role("button", name="Simpan program").click()
    assert f"berlaku mulai {Periode.current().label}" in page.content()
    screenshot(page, "linmas-program")
    page.get_by_role("link", name=f"Linmas desa {Periode.current().label}").click()
    assert "Desa Balang" in page.content()
    screenshot(page, "linmas-kecamatan")
    page.get_by_role("link", name="Desa Balang").click()
    assert "Belum terpenuhi" in page.content()
    page.emulate_media(media="print")
    screenshot(page, "linmas-cetak")


def test_the_programme_page_reads_well_on_a_phone(page_for, kasi_trantib):
    page = page_for(PHONE)
    login(page, "trantib")
    nav_to(page, "Program Linmas")
    screenshot(page, "linmas-program")
    assert no_sideways_scrolling(page)

"""An operator on a phone: data awal, one event of each kind, an Excel import, then the send."""

import datetime

import pytest

from desa.periode import Periode
from kependudukan.models import Peristiwa
from tests.browser.conftest import PHONE, login, nav_to, no_sideways_scrolling, open_menu, screenshot
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import make_data_awal, make_peristiwa
from tests.kependudukan.workbooks import event_row, workbook_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_person(page, nik, nama, jenis_kelamin, lahir):
    page.fill("input[name=nik]", nik)
    page.fill("input[name=nama]", nama)
    page.check(f"input[name=jenis_kelamin][value={jenis_kelamin}]")
    page.fill("input[name=tanggal_lahir]", lahir)


def record(page, label):
    page.goto(page.base_url + f"/kependudukan/{page.kode}/")
    page.locator(".tombol-peristiwa").get_by_role("link", name=label, exact=True).click()


def test_an_operator_records_imports_and_sends_on_a_phone(page_for, operator_a, desa_b):
    # Everything happened and was recorded last month: the running month is sent once it is over.
    bulan_lalu = Periode.current().previous()
    earlier = bulan_lalu.awal.replace(day=20).isoformat()
    page = page_for(PHONE)
    page.kode = operator_a.desa_id
    login(page, "operator.a")
    open_menu(page)
    page.get_by_role("link", name="Kependudukan", exact=True).click()
    assert "Isi data awal" in page.content()
    screenshot(page, "kependudukan-beranda-kosong")

    page.get_by_role("link", name="Isi data awal").first.click()
    page.fill("input[name=bulan_pertama]", str(Periode.current().shift(-2)))
    page.fill("input[name=wni_l]", "1204")
    page.fill("input[name=wni_p]", "1187")
    page.fill("input[name=wna_l]", "1")
    page.fill("input[name=wna_p]", "0")
    page.fill("input[name=jumlah_kk]", "712")
    screenshot(page, "kependudukan-data-awal")
    page.click("main button[type=submit]")
    assert "Data awal kependudukan disimpan" in page.content()

    record(page, "Lahir")
    page.fill("input[name=nama]", "Aisyah Rahmah")
    page.check("input[name=jenis_kelamin][value=P]")
    page.fill("input[name=tanggal_peristiwa]", earlier)
    page.fill("input[name=tanggal_lapor]", earlier)
    page.fill("input[name=tempat_lahir]", "Puskesmas Paringin")
    page.fill("input[name=nama_ayah]", "Rusdi Hidayat")
    page.fill("input[name=nama_ibu]", "Halimah")
    screenshot(page, "kependudukan-form-lahir")
    page.get_by_role("button", name="Simpan", exact=True).click()
    assert "Lahir Aisyah Rahmah dicatat" in page.content()

    record(page, "Meninggal")
    fill_person(page, make_nik("P", datetime.date(1950, 7, 4)), "Siti Hasanah", "P", "1950-07-04")
    page.fill("input[name=tanggal_peristiwa]", earlier)
    page.fill("input[name=tanggal_lapor]", earlier)
    page.select_option("select[name=sebab_kematian]", "sakit")
    page.get_by_role("button", name="Simpan", exact=True).click()
    assert "Meninggal Siti Hasanah dicatat" in page.content()

    record(page, "Datang")
    fill_person(page, make_nik("L", datetime.date(1990, 5, 15), "637101"), "Rusdi Saputra", "L", "1990-05-15")
    page.check("input[name=kepala_keluarga]")
    page.fill("input[name=tanggal_peristiwa]", earlier)
    page.fill("input[name=tanggal_lapor]", earlier)
    page.fill("input[name=alamat_asal_tujuan]", "Jl. A. Yani Km 5, Banjarmasin")
    page.get_by_role("button", name="Simpan", exact=True).click()
    assert "Datang Rusdi Saputra dicatat" in page.content()

    record(page, "Pindah")
    fill_person(page, make_nik("L", datetime.date(1988, 8, 22)), "Ahmad Fauzi", "L", "1988-08-22")
    page.fill("input[name=tanggal_peristiwa]", earlier)
    page.fill("input[name=tanggal_lapor]", earlier)
    page.fill("input[name=alamat_asal_tujuan]", "Lok Batung RT 2")
    page.select_option("select[name=desa_asal_tujuan]", desa_b.pk)
    screenshot(page, "kependudukan-form-pindah")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Simpan", exact=True).click()
    assert "Pindah Ahmad Fauzi dicatat" in page.content()
    assert Peristiwa.objects.get(jenis="PINDAH").tingkat_pindah == "antar_desa"

    content = workbook_bytes(
        peristiwa=[
            event_row(page.kode, "LAHIR", earlier, Nama="Muhammad Rizky", RT=1, **{"Tanggal Lapor": earlier}),
            event_row(
                page.kode,
                "DATANG",
                earlier,
                NIK=make_nik("P"),
                Nama="Nor Aulia",
                **{"Jenis Kelamin": "P", "Tanggal Lapor": earlier},
            ),  # fmt: skip
        ]
    )
    open_menu(page)
    page.get_by_role("link", name="Kependudukan", exact=True).click()
    page.get_by_role("link", name="Impor Excel").first.click()
    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "peristiwa.xlsx", "mimeType": "application/octet-stream", "buffer": content}],
    )
    page.get_by_role("button", name="Unggah dan periksa").click()
    assert "Berkas benar" in page.content()
    screenshot(page, "kependudukan-impor-pratinjau")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Simpan semua").click()
    assert "Impor selesai: 2 peristiwa" in page.content()
    assert Peristiwa.objects.count() == 6

    page.goto(page.base_url + f"/kependudukan/{page.kode}/{bulan_lalu}/")
    table = page.locator(".tabel-b3").inner_text()
    assert "Akhir bulan\t1\t0\t1.205\t1.188\t2.394\t713" in table  # 2.392 + 2 + 2 - 1 - 1; KK +1
    screenshot(page, "kependudukan-laporan")
    assert no_sideways_scrolling(page)
    page.get_by_role("button", name="Kirim laporan").click()
    assert "terkirim ke kecamatan" in page.content()
    # On time until the deadline day, late after it: the test may run on any day of the month.
    assert page.locator("#status-laporan").inner_text().startswith(("Tepat waktu", "Terlambat"))
    screenshot(page, "kependudukan-terkirim")

    page.get_by_role("link", name="Rincian nama").click()
    assert "Aisyah Rahmah" in page.content()
    screenshot(page, "kependudukan-rincian")
    assert no_sideways_scrolling(page)
    page.get_by_role("link", name="Ahmad Fauzi").click()
    assert "Riwayat perubahan" in page.content()
    screenshot(page, "kependudukan-detail")
    assert no_sideways_scrolling(page)
    page.goto(page.base_url + f"/kependudukan/{page.kode}/")
    screenshot(page, "kependudukan-beranda")
    assert no_sideways_scrolling(page)


def test_the_kasi_trantib_reviews_the_kecamatan(page_for, viewport, kasi_trantib, desa_a, desa_b):
    last = Periode.current().previous()
    make_data_awal(desa_a, last.shift(-3), wni_l=1500, wni_p=1490, jumlah_kk=900)
    make_data_awal(desa_b, last.shift(-3), wni_l=800, wni_p=790, jumlah_kk=480)
    make_peristiwa(desa_a, "PINDAH", last.awal.replace(day=2), nama="Basri Effendi", desa_asal_tujuan=desa_b)
    make_peristiwa(desa_a, "LAHIR", last.shift(-3).awal, last.awal.replace(day=12), nama="Bayi Terlambat")
    page = page_for(viewport)
    login(page, "trantib")
    nav_to(page, "Pindah belum cocok")
    assert "Basri Effendi" in page.content()
    screenshot(page, "kependudukan-pindah-belum-cocok")
    page.goto(page.base_url + f"/kependudukan/kecamatan/63.11.06/{last}/")
    assert "JUMLAH" in page.content()
    screenshot(page, "kependudukan-kecamatan")
    page.get_by_role("link", name="Balang", exact=True).click()
    assert "Temuan" in page.content() and "Pelaporan terlambat" in page.content()
    screenshot(page, "kependudukan-laporan-trantib")
    if viewport == PHONE:
        assert no_sideways_scrolling(page)
    else:
        page.goto(page.base_url + f"/kependudukan/{desa_a.pk}/{last}/cetak/")
        screenshot(page, "kependudukan-cetak")
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 1123, "height": 794})  # A4 landscape at 96 dpi
        assert not page.locator("nav.navbar").is_visible()
        screenshot(page, "kependudukan-cetak-kertas")

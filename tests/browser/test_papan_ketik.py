"""Every kind of form can be filled and sent with the keyboard alone (Tab, Shift+Tab, typing, Space,
Enter, the arrow keys), and each field the keyboard reaches shows where the focus is."""

import datetime

import pytest

from desa.models import RT, LaporanBulanan
from desa.models.laporan import Status
from desa.periode import Periode
from desa.scoping import Peran
from kependudukan.ekonomi.models import PenerimaBantuan, ProgramBantuan
from kependudukan.models import DataAwal, Peristiwa
from kudapanmas.demo import akun
from laporan_rt.models import LaporanRT
from linmas.models import AnggotaLinmas
from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.factories.kependudukan import make_data_awal
from tests.factories.pengguna import PASSWORD, make_user
from tests.kependudukan.workbooks_ekonomi import keluarga_row, penerima_row, workbook_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_SHOWN = """() => {
    const element = document.activeElement, style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return element.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
}"""


def tab_to(page, selector, back=False):
    """Press Tab (or Shift+Tab) until the focus is on `selector`; the focus must show each time."""
    for _ in range(120):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            assert page.evaluate(FOCUS_SHOWN), f"no visible focus on {selector}"
            return
    raise AssertionError(f"the keyboard never reached {selector}")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def type_date(page, selector, date):
    """Chromium lays a date field out in its own language (en-US here), not the page's: month, day, year."""
    tab_to(page, selector)
    page.keyboard.type(f"{date:%m%d%Y}")
    assert page.evaluate("document.activeElement.value") == date.isoformat()


def send(page, button):
    tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state()


def go(page, path):
    page.goto(page.base_url + path)
    page.wait_for_load_state()


def login_by_keyboard(page, username, password=PASSWORD):
    go(page, "/akun/masuk/")
    type_into(page, "input[name=username]", username)
    type_into(page, "input[name=password]", password)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in a field sends its form
    page.wait_for_load_state()


def test_the_skip_link_comes_first_and_leads_to_the_content(page_for, viewport, operator_a):
    page = page_for(viewport)
    login_by_keyboard(page, "operator.a")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Lewati ke konten"
    assert page.evaluate(FOCUS_SHOWN)
    assert page.locator(".lewati-konten").is_visible()
    screenshot(page, "papan-ketik-lewati")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "konten"
    page.keyboard.press("Tab")  # the next stop is inside the page's own content, past the menu
    assert page.evaluate("document.getElementById('konten').contains(document.activeElement)")


def test_login_and_a_birth_by_keyboard(page_for, viewport, operator_a):
    make_data_awal(operator_a.desa, Periode.current().shift(-2))
    page = page_for(viewport)
    login_by_keyboard(page, "operator.a")
    assert page.locator("#nav-utama").count() == 1  # logged in
    go(page, f"/kependudukan/{operator_a.desa_id}/peristiwa/tambah/LAHIR/")
    born = datetime.date.today() - datetime.timedelta(days=3)
    type_into(page, "input[name=nama]", "Aisyah Rahmah")
    tab_to(page, "input[name=jenis_kelamin]")
    page.keyboard.press("ArrowDown")  # the second choice of the radio group: perempuan
    type_date(page, "input[name=tanggal_peristiwa]", born)
    type_into(page, "input[name=tempat_lahir]", "Paringin")
    type_into(page, "input[name=nama_ibu]", "Siti Hasanah")
    tab_to(page, "input[name=tempat_lahir]", back=True)  # back to correct a typo
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.type("n, Balangan")
    send(page, "main form button[type=submit]")
    peristiwa = Peristiwa.objects.get(desa=operator_a.desa)
    assert (peristiwa.nama, peristiwa.jenis_kelamin) == ("Aisyah Rahmah", "P")
    assert peristiwa.tanggal_peristiwa == born
    assert peristiwa.tempat_lahir == "Paringin, Balangan"


def test_data_awal_by_keyboard(page_for, operator_a):
    page = page_for(PHONE)
    login_by_keyboard(page, "operator.a")
    go(page, f"/kependudukan/{operator_a.desa_id}/data-awal/")
    first = Periode.current().shift(-2)
    tab_to(page, "input[name=bulan_pertama]")
    for _ in range(first.bulan):  # an empty month part starts at January
        page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")  # on to the year part
    page.keyboard.type(str(first.tahun))
    assert page.evaluate("document.activeElement.value") == str(first)
    jumlah = {"wni_l": "1204", "wni_p": "1187", "wna_l": "1", "wna_p": "0", "jumlah_kk": "712"}
    for name, value in jumlah.items():
        type_into(page, f"input[name={name}]", value)
    send(page, "main form button[type=submit]")
    assert "Data awal kependudukan disimpan" in page.content(), page.locator("main").inner_text()
    data_awal = DataAwal.objects.get(desa=operator_a.desa)
    assert (data_awal.periode, data_awal.wni_l, data_awal.jumlah_kk) == (first, 1204, 712)


def test_a_recipient_of_aid_by_keyboard(page_for, operator_a, desa_a):
    if not ProgramBantuan.objects.exists():  # an earlier transactional test flushed the migration's rows
        for kode in ("PKH", "BPNT", "PBI-JK", "BLT-DD"):
            ProgramBantuan.objects.create(kode=kode, nama=kode)
    page = page_for(DESKTOP)
    login_by_keyboard(page, "operator.a")
    go(page, f"/kependudukan/ekonomi/{desa_a.kode}/penerima/tambah/")
    tab_to(page, "select[name=program]")
    page.keyboard.press("ArrowDown")  # from "Pilih program" to the first programme
    chosen = page.evaluate("document.activeElement.selectedOptions[0].textContent.trim()")
    type_into(page, "input[name=nik]", "6311064107900003")
    type_into(page, "input[name=nama]", "Siti Hasanah")
    send(page, "main form button[type=submit]")
    penerima = PenerimaBantuan.objects.get(desa=desa_a)
    assert (penerima.nama, penerima.nik) == ("Siti Hasanah", "6311064107900003")
    assert str(penerima.program) == chosen


def test_a_linmas_member_by_keyboard(page_for, operator_a, desa_a):
    page = page_for(PHONE)
    login_by_keyboard(page, "operator.a")
    go(page, f"/linmas/{desa_a.kode}/anggota/tambah/")
    type_into(page, "input[name=nik]", "6311061205900007")
    type_into(page, "input[name=nama]", "Hendra Saputra")
    tab_to(page, "input[name=jenis_kelamin]")
    page.keyboard.press("Space")  # the first choice: laki-laki
    type_date(page, "input[name=tanggal_lahir]", datetime.date(1990, 5, 12))
    type_into(page, "input[name=alamat]", "Jl. Desa Balang No. 4")
    tab_to(page, "select[name=jabatan]")
    page.keyboard.type("Kepala")  # a closed select jumps to the first option the typed letters begin
    jabatan = page.evaluate("document.activeElement.value")
    type_into(page, "input[name=nomor_sk]", "188/07/SK-LINMAS/2024")
    type_date(page, "input[name=tanggal_sk]", datetime.date(2024, 1, 15))
    send(page, "main form button[type=submit]")
    anggota = AnggotaLinmas.objects.get(desa=desa_a)
    assert (anggota.nama, anggota.jenis_kelamin, anggota.tanggal_lahir) == (
        "Hendra Saputra",
        "L",
        datetime.date(1990, 5, 12),
    )
    assert anggota.jabatan == jabatan and jabatan.startswith("kepala")
    assert anggota.tanggal_sk == datetime.date(2024, 1, 15)


def test_an_rt_report_by_keyboard(page_for, desa_a):
    rt = RT.objects.create(desa=desa_a, nomor=1, rw="Dusun 1", nama_ketua="Rusdi Anwar")
    make_user("ketua.rt1", peran=Peran.KETUA_RT, rt=rt, first_name="Rusdi Anwar")
    periode = Periode.current().previous()
    page = page_for(PHONE)
    login_by_keyboard(page, "ketua.rt1")
    go(page, f"/laporan-rt/{desa_a.kode}/{periode}/rt/1/isi/")
    for name, value in {"awal_kk": "32", "awal_l": "61", "awal_p": "58", "akhir_kk": "32"}.items():
        tab_to(page, f"input[name={name}]")
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
    tab_to(page, "#bagian-kegiatan summary")
    page.keyboard.press("Enter")  # opens the section
    tab_to(page, "input[name=kegiatan_ronda]")
    page.keyboard.press("Control+A")
    page.keyboard.type("4")
    type_into(page, "textarea[name=masalah]", "Lampu jalan di ujung gang padam.")
    send(page, "main form button[type=submit]")
    assert f"Laporan RT 001 {periode.label} terkirim ke desa" in page.content()
    laporan = LaporanRT.objects.get()
    assert (laporan.awal_kk, laporan.awal_l, laporan.kegiatan_ronda) == (32, 61, 4)
    assert laporan.masalah == "Lampu jalan di ujung gang padam."


def test_an_import_upload_by_keyboard(page_for, operator_a, desa_a):
    if not ProgramBantuan.objects.exists():
        for kode in ("PKH", "BPNT", "PBI-JK", "BLT-DD"):
            ProgramBantuan.objects.create(kode=kode, nama=kode)
    page = page_for(DESKTOP)
    login_by_keyboard(page, "operator.a")
    go(page, "/kependudukan/ekonomi/impor/")
    tab_to(page, "input[name=berkas]")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")  # the file picker opens from the keyboard
    content = workbook_bytes([keluarga_row()], [penerima_row()])
    berkas = {"name": "ekonomi.xlsx", "mimeType": "application/octet-stream", "buffer": content}
    chooser.value.set_files(files=[berkas])
    send(page, "main form button[type=submit]")
    assert "kesalahan" not in page.locator("main").inner_text().lower()
    assert "/impor/" in page.url and page.url.rstrip("/").split("/")[-1].isdigit()  # the preview step


@pytest.fixture
def kasi_pages(page_for, demo):
    page = page_for(DESKTOP)
    login_by_keyboard(page, "trantib.paringin", akun.PASSWORD)
    return page


def waiting(position):
    return LaporanBulanan.objects.filter(
        desa__kecamatan_id="63.11.06", status=Status.DIKIRIM, jenis="kependudukan"
    ).order_by("periode", "desa")[position]


def test_the_kasi_trantib_verifies_and_returns_by_keyboard(kasi_pages):
    page = kasi_pages
    first, second = waiting(0), waiting(1)
    go(page, f"/kependudukan/{first.desa_id}/{first.periode}/")
    tab_to(page, "#id_diperiksa")
    page.keyboard.press("Space")
    send(page, "#form-verifikasi button[type=submit]")
    assert LaporanBulanan.objects.get(pk=first.pk).status == Status.DIVERIFIKASI

    go(page, f"/kependudukan/{second.desa_id}/{second.periode}/")
    type_into(page, "#id_catatan", "Jumlah KK akhir bulan tidak cocok dengan B.3.")
    send(page, "form:has(#id_catatan) button[type=submit]")
    returned = LaporanBulanan.objects.get(pk=second.pk)
    assert returned.status == Status.DIKEMBALIKAN
    assert returned.catatan_kembali == "Jumlah KK akhir bulan tidak cocok dengan B.3."

"""The desa's list of residents in the event forms, as an operator lives it on a phone: a SIAK
export uploaded and its data awal confirmed, then a death recorded by typing only the NIK, a birth
whose NIK already lives in the desa saved only when confirmed; without JavaScript the "Cari"
button fills the form, and Enter in a field saves instead of searching again."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from desa.periode import Periode
from kependudukan.models import Peristiwa
from tests.browser.conftest import PHONE, login, no_sideways_scrolling, screenshot
from tests.browser.test_luring import _signed_in_and_ready
from tests.factories.kependudukan import make_data_awal, recent
from tests.factories.rujukan import make_rujukan, penduduk
from tests.kependudukan import workbooks_penduduk as wb
from tests.kependudukan.test_impor_penduduk_tata_letak import IBU, KK2, NENEK, keluarga

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEMARIN = timezone.localdate() - datetime.timedelta(days=1)
KATA_CARI = "Cari di daftar penduduk"


def _phone(chromium, **options):
    context = chromium.new_context(viewport=PHONE, locale="id-ID", timezone_id="Asia/Makassar", **options)
    context.set_default_timeout(20000)
    return context


@pytest.fixture
def tanpa_js(chromium, live_server):
    """A phone's browser with JavaScript off: the forms must work as plain HTML."""
    context = _phone(chromium, java_script_enabled=False)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def hp(chromium, live_server):
    """A phone's browser whose service worker keeps the desa's forms for when the signal goes."""
    context = _phone(chromium)
    yield context
    context.close()


@pytest.fixture
def siti(operator_a):
    """Desa A has its data awal and a list of residents holding Siti Hasanah."""
    make_data_awal(operator_a.desa, recent(6), wni_l=600, wni_p=610, jumlah_kk=370)
    return make_rujukan(operator_a.desa, penduduk(nomor_rt=None))[0]


def _import_siak(page, kode):
    """Upload a SIAK export, read its preview, keep the list and take the data awal it proposes."""
    page.goto(f"{page.base_url}/kependudukan/{kode}/")
    page.get_by_role("link", name="Impor data penduduk (SIAK/BIP/OpenSID)").click()
    page.wait_for_load_state()
    berkas = {"name": "siak.xlsx", "mimeType": "application/octet-stream", "buffer": wb.siak(keluarga())}
    page.set_input_files("input[name=berkas]", files=[berkas])
    page.get_by_role("button", name="Unggah dan periksa").click()
    assert "Berkas benar" in page.content() and "KASTURI" in page.content()
    screenshot(page, "rujukan-peristiwa-1-pratinjau")
    page.get_by_role("button", name="Simpan semua").click()
    page.get_by_label("Bulan pertama").fill(str(Periode.current().previous()))
    page.get_by_role("button", name="Pakai sebagai data awal").click()
    assert "disimpan dari berkas" in page.content()
    screenshot(page, "rujukan-peristiwa-2-data-awal")


def _open_form(page, kode, jenis):
    page.goto(f"{page.base_url}/kependudukan/{kode}/peristiwa/tambah/{jenis}/")
    page.wait_for_load_state()


def test_a_death_is_recorded_from_the_nik_alone_and_a_resident_s_birth_needs_a_confirmation(
    page_for, operator_a, private_media
):
    page = page_for(PHONE)
    login(page, operator_a.username)
    kode = operator_a.desa_id
    _import_siak(page, kode)

    page.get_by_role("link", name="Meninggal", exact=True).click()
    page.wait_for_load_state()
    page.locator("input[name=nik]").press_sequentially(NENEK)
    expect(page.locator("input[name=nama]")).to_have_value("KASTURI")
    expect(page.locator("[data-rujukan-status]")).to_contain_text("Diisi dari daftar penduduk (SIAK")
    assert page.input_value("input[name=tanggal_lahir]") == "1950-07-01"
    assert page.input_value("input[name=no_kk]") == KK2
    assert page.input_value("[name=nomor_rt]") == "4"
    assert page.is_checked("input[name=jenis_kelamin][value=P]")
    assert page.is_checked("input[name=kewarganegaraan][value=WNI]")
    screenshot(page, "rujukan-peristiwa-3-mati-terisi")
    assert no_sideways_scrolling(page)
    page.fill("input[name=nama]", "")
    page.get_by_role("button", name=KATA_CARI).click()  # answered by the script: nothing is posted
    expect(page.locator("input[name=nama]")).to_have_value("KASTURI")
    assert page.url.endswith("/peristiwa/tambah/MATI/") and not Peristiwa.objects.exists()
    page.fill("input[name=tanggal_peristiwa]", KEMARIN.isoformat())
    page.select_option("select[name=sebab_kematian]", "sakit")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()

    assert "Meninggal KASTURI dicatat" in page.content()
    mati = Peristiwa.objects.get(jenis="MATI")
    assert (mati.nik, mati.nama, mati.jenis_kelamin, mati.no_kk, mati.nomor_rt) == (
        NENEK,
        "KASTURI",
        "P",
        KK2,
        4,
    )
    assert (mati.tanggal_lahir, mati.tanggal_peristiwa) == (datetime.date(1950, 7, 1), KEMARIN)
    assert (mati.dicatat_oleh, mati.sebab_kematian) == (operator_a, "sakit")
    screenshot(page, "rujukan-peristiwa-4-mati-tersimpan")

    _open_form(page, kode, "LAHIR")
    confirm = page.get_by_label("Tetap simpan: NIK sudah saya periksa")
    assert confirm.is_hidden()
    page.fill("input[name=nama]", "Nur Aisyah")
    page.check("input[name=jenis_kelamin][value=P]")
    page.fill("input[name=tanggal_peristiwa]", KEMARIN.isoformat())
    page.fill("input[name=tempat_lahir]", "Puskesmas Paringin")
    page.fill("input[name=nama_ibu]", "Sumini")
    page.locator("input[name=nik]").press_sequentially(IBU)
    expect(page.locator("[data-rujukan-status]")).to_contain_text("sudah tercatat sebagai penduduk desa")
    assert "nama SUMINI" in page.locator("[data-rujukan-status]").inner_text() and confirm.is_visible()
    screenshot(page, "rujukan-peristiwa-5-lahir-peringatan")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback", has_text="centang 'Tetap simpan'").is_visible()
    assert not Peristiwa.objects.filter(jenis="LAHIR").exists()
    screenshot(page, "rujukan-peristiwa-6-lahir-ditahan")
    confirm.check()
    page.fill("input[name=nama_ibu]", "")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    # Refused for another field: the confirmation given stays given.
    assert page.locator("input[name=nama_ibu].is-invalid").is_visible() and confirm.is_checked()
    assert not page.locator(".invalid-feedback", has_text="Tetap simpan").is_visible()
    page.fill("input[name=nama_ibu]", "Sumini")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    assert "Lahir Nur Aisyah dicatat" in page.content()
    assert Peristiwa.objects.get(jenis="LAHIR").nik == IBU


def test_without_javascript_cari_fills_the_form_and_enter_saves_it(tanpa_js, operator_a, siti):
    page = tanpa_js
    login(page, operator_a.username)
    _open_form(page, siti.desa_id, "MATI")
    page.fill("input[name=nik]", siti.nik)
    page.select_option("select[name=sebab_kematian]", "sakit")
    page.get_by_role("button", name=KATA_CARI).click()
    page.wait_for_load_state()

    assert "Diisi dari daftar penduduk (SIAK, 12 Mei 2026)" in page.content()
    assert page.input_value("input[name=nama]") == "SITI HASANAH"
    assert page.input_value("input[name=tanggal_lahir]") == "1950-07-04"
    assert page.is_checked("input[name=jenis_kelamin][value=P]")
    assert page.input_value("select[name=sebab_kematian]") == "sakit"  # what was chosen stays
    assert not Peristiwa.objects.exists()
    screenshot(page, "rujukan-peristiwa-7-tanpa-js-cari")
    assert no_sideways_scrolling(page)
    page.fill("input[name=tanggal_peristiwa]", KEMARIN.isoformat())
    page.locator("input[name=tempat_meninggal]").fill("Rumah")
    page.locator("input[name=tempat_meninggal]").press("Enter")  # the default button: Simpan
    page.wait_for_load_state()

    assert "Meninggal SITI HASANAH dicatat" in page.content()
    assert Peristiwa.objects.get().tempat_meninggal == "Rumah"


def test_a_search_pressed_with_no_signal_is_told_and_never_queued(hp, live_server, operator_a, siti):
    page = _signed_in_and_ready(hp, live_server, siti.desa)
    hp.set_offline(True)
    _open_form(page, siti.desa_id, "MATI")
    page.fill("input[name=nik]", siti.nik)
    page.get_by_role("button", name=KATA_CARI).click()
    expect(page.locator("[data-rujukan-status]")).to_have_text(
        "Tidak ada sinyal: daftar penduduk tidak bisa dicari sekarang. Isi data secara manual."
    )
    assert page.url.endswith("/peristiwa/tambah/MATI/") and page.input_value("input[name=nama]") == ""
    screenshot(page, "rujukan-peristiwa-8-luring-cari")

    # A phone whose page script did not run: the search it posts is not kept by the worker either.
    page.evaluate(
        """() => {
            const form = document.querySelector("form[data-rujukan-nik]");
            const cari = Object.assign(document.createElement("input"), {type: "hidden", name: "cari_nik"});
            form.append(cari);
            form.submit();
        }"""
    )
    page.wait_for_timeout(1500)
    assert page.url.endswith("/peristiwa/tambah/MATI/") and page.input_value("input[name=nik]") == siti.nik
    assert (
        page.evaluate("pengguna => KdpDB.milik(pengguna).then(entries => entries.length)", operator_a.pk) == 0
    )

    # Simpan with no signal still keeps the entry, and it saves once the signal returns.
    page.evaluate("document.querySelector('input[name=cari_nik]').remove()")
    for name, value in {
        "nama": "SITI HASANAH",
        "tanggal_lahir": "1950-07-04",
        "tanggal_peristiwa": KEMARIN,
    }.items():
        page.fill(f"input[name={name}]", str(value))
    page.check("input[name=jenis_kelamin][value=P]")
    page.select_option("select[name=sebab_kematian]", "sakit")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_text("Tersimpan di HP.").wait_for()
    assert page.locator("[data-entri]").count() == 1
    hp.set_offline(False)
    page.locator(".keadaan-terkirim").wait_for(timeout=60000)
    assert Peristiwa.objects.get().nama == "SITI HASANAH"

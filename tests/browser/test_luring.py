"""Entries made with no signal, in real Chromium with its service worker: kept on the phone, sent
by themselves when the signal returns, each stored once; refused ones fixed; cleared at sign-out."""

import pytest

from desa.periode import Periode
from kependudukan.models import Peristiwa
from linmas.models import Kegiatan
from tests.browser.conftest import PHONE, login, no_sideways_scrolling, screenshot
from tests.browser.test_linmas_foto import phone_photo
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import make_data_awal, recent
from tests.factories.linmas import make_anggota

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BULAN = Periode.current().previous()
HARI = BULAN.awal.replace(day=20).isoformat()


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kamera-luring")
    return [phone_photo(folder / "IMG_0101.jpg", 5), phone_photo(folder / "IMG_0102.jpg", 6)]


@pytest.fixture
def desa(operator_a, private_media):
    make_data_awal(operator_a.desa, recent(6), wni_l=600, wni_p=610, jumlah_kk=370)
    make_anggota(operator_a.desa, nama="Basri Anwar")
    return operator_a.desa


@pytest.fixture
def phone(chromium, live_server):
    context = chromium.new_context(viewport=PHONE, locale="id-ID", timezone_id="Asia/Makassar")
    context.set_default_timeout(20000)
    yield context
    context.close()


def _open(context, url):
    page = context.new_page()
    page.base_url = context.base_url
    page.goto(context.base_url + url)
    page.wait_for_load_state()
    return page


def _signed_in_and_ready(context, live_server, desa):
    """Sign in online, as the operator did at the office: the worker keeps the desa's forms."""
    context.base_url = live_server.url
    page = _open(context, "/akun/masuk/")
    login(page, "operator.a")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    for _ in range(60):
        kept = page.evaluate(
            "caches.open('kdp-halaman').then(cache => cache.keys()).then(keys => keys.length)"
        )
        if kept >= 7:  # the queue page and the six forms
            break
        page.wait_for_timeout(500)
    else:
        raise AssertionError(f"the worker kept {kept} pages")
    return page


def _record_birth(page, kode, nama, ibu="Halimah"):
    page.goto(f"{page.base_url}/kependudukan/{kode}/peristiwa/tambah/LAHIR/")
    page.fill("input[name=nama]", nama)
    page.check("input[name=jenis_kelamin][value=P]")
    page.fill("input[name=tanggal_peristiwa]", HARI)
    page.fill("input[name=tanggal_lapor]", HARI)
    page.fill("input[name=tempat_lahir]", "Puskesmas Paringin")
    page.fill("input[name=nama_ayah]", "Rusdi Hidayat")
    page.fill("input[name=nama_ibu]", ibu)
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()


def _record_arrival(page, kode, nama, nik):
    page.goto(f"{page.base_url}/kependudukan/{kode}/peristiwa/tambah/DATANG/")
    page.fill("input[name=nik]", nik)
    page.fill("input[name=nama]", nama)
    page.check("input[name=jenis_kelamin][value=L]")
    page.fill("input[name=tanggal_lahir]", "1990-05-15")
    page.fill("input[name=tanggal_peristiwa]", HARI)
    page.fill("input[name=tanggal_lapor]", HARI)
    page.fill("input[name=alamat_asal_tujuan]", "Jl. A. Yani Km 5, Banjarmasin")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()


def _record_activity(page, kode, photos):
    page.goto(f"{page.base_url}/linmas/{kode}/kegiatan/tambah/?periode={BULAN}")
    page.select_option("select[name=jenis]", "patroli")
    page.fill("input[name=tempat]", "Poskamling RT 003")
    page.fill("textarea[name=uraian]", "Patroli malam keliling desa.")
    page.get_by_label("Basri Anwar").check()
    page.set_input_files("input[name=foto]", photos)
    page.locator("[data-foto-daftar] li", has_text="→").nth(len(photos) - 1).wait_for(timeout=60000)
    page.get_by_role("button", name="Simpan kegiatan").click()
    page.get_by_text("Tersimpan di HP.").wait_for()


def test_entries_made_offline_are_sent_once_when_the_signal_returns(phone, live_server, desa, photos):
    page = _signed_in_and_ready(phone, live_server, desa)
    phone.set_offline(True)
    _record_birth(page, desa.kode, "Aisyah Rahmah")
    assert "Tersimpan di HP." in page.content() and "/luring/" in page.url
    _record_birth(page, desa.kode, "Nur Hidayah")
    _record_arrival(page, desa.kode, "Rusdi Saputra", make_nik("L"))
    _record_activity(page, desa.kode, photos)
    page.locator("[data-entri]").nth(3).wait_for()
    assert page.locator("#antrean-luring").inner_text().startswith("4 entri belum terkirim")
    screenshot(page, "luring-antrean")
    assert no_sideways_scrolling(page)
    page.close()
    assert not Peristiwa.objects.exists() and not Kegiatan.objects.exists()

    # The page is closed and opened again, still without signal: the entries are still there.
    page = _open(phone, "/luring/")
    page.locator("[data-entri]").nth(3).wait_for()
    assert page.locator("[data-entri]").count() == 4
    assert page.locator(".keadaan-menunggu").count() == 4
    phone.set_offline(False)
    page.locator(".keadaan-terkirim").nth(3).wait_for(timeout=60000)
    screenshot(page, "luring-terkirim")
    assert sorted(Peristiwa.objects.values_list("nama", flat=True)) == [
        "Aisyah Rahmah",
        "Nur Hidayah",
        "Rusdi Saputra",
    ]
    assert Kegiatan.objects.get().foto_set.count() == 2

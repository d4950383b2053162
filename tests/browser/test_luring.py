"""Entries made with no signal, in real Chromium with its service worker: kept on the phone, sent
by themselves when the signal returns, each stored once; refused ones fixed; cleared at sign-out."""

import time

import pytest

from desa.periode import Periode
from desa.scoping import Peran
from kependudukan.models import Peristiwa
from kudapanmas import luring
from laporan_rt.models import LaporanRT
from linmas.models import Kegiatan
from tests.browser.conftest import PHONE, login, no_sideways_scrolling, screenshot, worker_in_control
from tests.browser.test_linmas_foto import phone_photo
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import make_data_awal, recent
from tests.factories.linmas import make_anggota
from tests.factories.pengguna import make_user
from tests.factories.wilayah import RTFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BULAN = Periode.current().previous()
# The queue as its first version kept it: one store, the account under `user` (static/js/luring-db.js).
SEED_V1 = """entry => new Promise((resolve, reject) => {
  const request = indexedDB.open("kudapanmas-luring", 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore("entri", {keyPath: "id"});
    request.result.createObjectStore("meta");
  };
  request.onsuccess = () => {
    const tx = request.result.transaction("entri", "readwrite");
    tx.objectStore("entri").put(entry);
    tx.oncomplete = () => { request.result.close(); resolve(); };
  };
  request.onerror = () => reject(request.error);
})"""
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
    worker_in_control(page)
    _wait_until_kept(page, 7)  # the queue page and the six forms
    return page


def _wait_until_kept(page, pages):
    for _ in range(60):
        kept = page.evaluate("caches.open('kdp-halaman').then(cache => cache.keys()).then(k => k.length)")
        if kept >= pages:
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"the worker kept {kept} pages")


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


def _refused_birth(phone, live_server, desa, then_arrival=False):
    """A birth typed with no signal and without the mother's name: the server refuses it.
    `then_arrival`: a correct arrival is typed after it, and sent although the birth before it fails."""
    page = _signed_in_and_ready(phone, live_server, desa)
    phone.set_offline(True)
    _record_birth(page, desa.kode, "Siti Aminah", ibu="")
    if then_arrival:
        _record_arrival(page, desa.kode, "Rusdi Saputra", make_nik("L"))
    phone.set_offline(False)
    page.locator(".keadaan-ditolak").wait_for(timeout=60000)
    if then_arrival:
        page.locator(".keadaan-terkirim").wait_for(timeout=60000)
    return page


def test_a_refused_entry_shows_the_server_s_reason_and_is_fixed_in_its_form(phone, live_server, desa):
    page = _refused_birth(phone, live_server, desa, then_arrival=True)
    item = page.locator("[data-entri]", has_text="Siti Aminah")
    assert "Nama ibu" in item.inner_text()
    assert list(Peristiwa.objects.values_list("nama", flat=True)) == ["Rusdi Saputra"]  # not held by it
    assert "1 ditolak, perlu diperbaiki" in page.locator("#antrean-luring").inner_text()
    screenshot(page, "luring-ditolak")
    page.get_by_role("link", name="Perbaiki").click()
    page.wait_for_load_state()
    assert page.input_value("input[name=nama]") == "Siti Aminah"  # what was typed, with the messages
    assert "Nama ibu" in page.locator("[data-ringkasan-galat]").inner_text()
    page.fill("input[name=nama_ibu]", "Halimah")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    assert "Siti Aminah dicatat" in page.content()
    assert Peristiwa.objects.get(nama="Siti Aminah").nama_ibu == "Halimah"
    page.goto(live_server.url + "/luring/")
    page.locator("[data-entri]").first.wait_for()
    # The fixed entry left the phone once saved; the arrival stays listed as sent for a day.
    assert page.locator("[data-entri]").count() == 1 and page.locator(".keadaan-terkirim").count() == 1
    assert page.locator("#antrean-luring").is_hidden()


def test_the_monthly_send_waits_for_the_entries_of_its_month(phone, live_server, desa):
    page = _refused_birth(phone, live_server, desa)
    page.goto(f"{live_server.url}/kependudukan/{desa.kode}/{BULAN}/")
    note = page.locator("[data-luring-tahan]")
    note.wait_for()
    assert note.inner_text().startswith("1 entri bulan ini masih tersimpan di HP")
    assert page.get_by_role("button", name="Kirim laporan").is_disabled()
    screenshot(page, "luring-kirim-ditahan")
    page.goto(live_server.url + "/luring/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hapus").click()
    page.get_by_text("Tidak ada entri di HP ini.").wait_for()
    page.goto(f"{live_server.url}/kependudukan/{desa.kode}/{BULAN}/")
    page.wait_for_timeout(500)
    assert page.get_by_role("button", name="Kirim laporan").is_enabled()


def test_signing_out_asks_then_clears_the_account_s_entries(phone, live_server, desa, operator_a):
    page = _refused_birth(phone, live_server, desa)
    pengguna = operator_a.pk
    messages = []

    def answer(dialog, accept):
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    page.locator("form[data-keluar] button").dispatch_event("click")
    page.wait_for_timeout(500)
    assert messages == ["1 entri belum terkirim akan dihapus dari HP ini. Tetap keluar?"]
    assert "/luring/" in page.url and page.locator("[data-entri]").count() == 1  # still signed in

    page.once("dialog", lambda dialog: answer(dialog, True))
    page.locator("form[data-keluar] button").dispatch_event("click")
    page.wait_for_url("**/akun/masuk/**")
    assert page.evaluate("pengguna => KdpDB.milik(pengguna).then(entries => entries.length)", pengguna) == 0
    assert not page.evaluate("caches.has('kdp-halaman')")


def test_toggling_the_signal_during_the_sends_stores_each_entry_once(phone, live_server, desa):
    page = _signed_in_and_ready(phone, live_server, desa)
    phone.set_offline(True)
    for nama in ("Aisyah Rahmah", "Nur Hidayah", "Siti Aminah"):
        _record_birth(page, desa.kode, nama)
    for _ in range(10):
        phone.set_offline(False)
        page.wait_for_timeout(150)
        phone.set_offline(True)
        page.wait_for_timeout(100)
    phone.set_offline(False)
    page.reload()
    page.locator(".keadaan-terkirim").nth(2).wait_for(timeout=60000)
    assert sorted(Peristiwa.objects.values_list("nama", flat=True)) == [
        "Aisyah Rahmah",
        "Nur Hidayah",
        "Siti Aminah",
    ]


def test_a_link_that_is_not_up_yet_when_the_phone_says_online_is_tried_again(phone, live_server, desa):
    """A phone says it is online a moment before its link carries anything: the rounds the page
    and the browser's background sync ask for then fail too, and the worker tries again by itself."""
    page = _signed_in_and_ready(phone, live_server, desa)
    phone.set_offline(True)
    _record_birth(page, desa.kode, "Aisyah Rahmah")
    refused = []
    up_at = time.monotonic() + 2

    def not_up_yet(route):
        if time.monotonic() < up_at:
            refused.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.fallback()

    phone.route("**/luring/sesi/", not_up_yet)
    phone.set_offline(False)
    page.locator(".keadaan-terkirim").wait_for(timeout=30000)
    assert refused, "the link was never down when the worker asked"
    assert Peristiwa.objects.get().nama == "Aisyah Rahmah"


def test_a_new_release_replaces_the_shell_and_keeps_the_queue_of_the_older_schema(
    phone, live_server, desa, operator_a, monkeypatch
):
    phone.base_url = live_server.url
    # A phone that queued an entry under the first version of the queue (its account was `user`).
    page = _open(phone, "/static/img/favicon.svg")
    token = "7d0f7d4e-9a53-4b8e-9c1e-2f64f1d3a001"
    fields = {
        "csrfmiddlewaretoken": "lama", "token_formulir": token, "nama": "Aisyah Rahmah", "jenis_kelamin": "P",
        "tanggal_peristiwa": HARI, "tanggal_lapor": HARI, "tempat_lahir": "Puskesmas Paringin",
        "nama_ayah": "Rusdi Hidayat", "nama_ibu": "Halimah", "kewarganegaraan": "WNI",
    }  # fmt: skip
    entry = {
        "id": token, "user": operator_a.pk, "formulir": "peristiwa", "judul": "Lahir",
        "url": f"{live_server.url}/kependudukan/{desa.kode}/peristiwa/tambah/LAHIR/",
        "ringkasan": "Aisyah Rahmah", "desa": desa.kode, "bulan": str(BULAN), "state": "menunggu",
        "dibuat": 1, "fields": [[name, value] for name, value in fields.items()],
    }  # fmt: skip
    page.evaluate(SEED_V1, entry)
    page.close()
    page = _signed_in_and_ready(phone, live_server, desa)
    old_shell = page.evaluate("caches.keys()")
    page.goto(live_server.url + "/luring/")
    page.locator(".keadaan-terkirim").wait_for(timeout=60000)
    assert Peristiwa.objects.get().nama == "Aisyah Rahmah"

    # A release: the worker's script changes; the new one replaces the shell and the queue stays.
    phone.set_offline(True)
    _record_birth(page, desa.kode, "Nur Hidayah")
    phone.set_offline(False)
    monkeypatch.setattr(luring, "versi", lambda: "rilis-baru")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    for _ in range(40):  # installed, then activated: the old shell is removed
        shells = [name for name in page.evaluate("caches.keys()") if name.startswith("kdp-shell-")]
        if shells == ["kdp-shell-rilis-baru"]:
            break
        page.wait_for_timeout(500)
    assert shells == ["kdp-shell-rilis-baru"] and shells[0] not in old_shell, shells
    assert page.evaluate("caches.has('kdp-halaman')")  # the kept forms stay too
    page.goto(live_server.url + "/luring/")
    page.locator(".keadaan-terkirim").nth(1).wait_for(timeout=60000)
    assert Peristiwa.objects.count() == 2


def test_a_ketua_rt_sends_the_month_s_report_made_with_no_signal(phone, live_server, desa_a):
    rt = RTFactory(desa=desa_a, nomor=1)
    make_user("ketua.rt1", peran=Peran.KETUA_RT, rt=rt)
    phone.base_url = live_server.url
    page = _open(phone, "/akun/masuk/")
    login(page, "ketua.rt1")
    worker_in_control(page)
    _wait_until_kept(page, 3)  # the queue page and two months of the RT's report
    phone.set_offline(True)
    isi = f"/laporan-rt/{desa_a.pk}/{BULAN}/rt/1/isi/"
    page.goto(live_server.url + isi)
    for name, value in {"awal_kk": "32", "awal_l": "61", "awal_p": "58", "akhir_kk": "32"}.items():
        page.fill(f"input[name={name}]", value)
    page.fill("textarea[name=masalah]", "Lampu jalan di ujung gang padam.")
    page.get_by_role("button", name="Kirim ke desa").click()
    page.get_by_text("Tersimpan di HP.").wait_for()
    # Opened again while it waits, the form says that saving again replaces the kept report.
    page.goto(live_server.url + isi)
    page.locator("[data-luring-ganti]").wait_for()  # drawn once the queue is read
    page.fill("textarea[name=masalah]", "Lampu jalan di ujung gang padam sejak tanggal 3.")
    page.get_by_role("button", name="Kirim ke desa").click()
    page.get_by_text("Tersimpan di HP.").wait_for()
    page.locator("[data-entri]").wait_for()
    assert page.locator("[data-entri]").count() == 1  # the newer entry replaced the older

    phone.set_offline(False)
    page.locator(".keadaan-terkirim").wait_for(timeout=60000)
    laporan = LaporanRT.objects.get()
    assert laporan.is_sent and laporan.masalah == "Lampu jalan di ujung gang padam sejak tanggal 3."

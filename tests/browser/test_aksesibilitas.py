"""Every role's main pages pass axe-core's WCAG 2.1 A/AA rules at 360 and 1366 px, whatever the
other browser tests happen to visit: each menu entry of the role, and the forms behind them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from desa.models import RT, LaporanBulanan
from desa.models.laporan import Keadaan, Status
from desa.periode import Periode
from desa.scoping import Peran
from kudapanmas.dasbor import SINGKAT
from kudapanmas.demo import akun
from tests.browser.conftest import PHONE, login
from tests.factories.pengguna import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo")]

PARINGIN = "63.11.06"
BALANG = "63.11.06.2005"


@pytest.fixture(autouse=True)
def axe_on(monkeypatch):
    """This module checks with axe-core even when the rest of the browser suite does not."""
    monkeypatch.setenv("KUDAPANMAS_AXE", "1")


def menu_links(page):
    hrefs = page.locator("#nav-utama a.nav-link[href]").evaluate_all("links => links.map(a => a.href)")
    return [href for href in hrefs if "/admin/" not in href]


def visit_all(page, username, extra_paths=()):
    login(page, username, akun.PASSWORD)
    urls = menu_links(page) + [page.base_url + path for path in extra_paths]
    landed = []
    for url in dict.fromkeys(urls):
        response = page.goto(url)
        assert response.status == 200, url
        landed.append(page.url)
    page.axe.settle()
    # A check a busy machine did not finish in time is given one more visit, never skipped.
    for url in [url for url in landed if url not in page.axe.checked_urls]:
        page.goto(url)
    page.axe.settle()
    assert set(landed) <= page.axe.checked_urls, set(landed) - page.axe.checked_urls
    return urls


def test_the_pages_of_an_operator_desa(page_for, viewport):
    periode = Periode.current().previous()
    rt = RT.objects.filter(desa_id=BALANG).order_by("nomor").first()
    visit_all(
        page_for(viewport),
        "operator.balang",
        [
            reverse("desa:detail", args=[BALANG]),
            reverse("desa:akun_rt_list", args=[BALANG]),
            reverse("desa:rt_update", args=[BALANG, rt.pk]),
            reverse("kependudukan:data_awal_update", args=[BALANG]),
            reverse("kependudukan:laporan_bulanan", args=[BALANG, periode]),
            reverse("kependudukan:laporan_cetak", args=[BALANG, periode]),
            reverse("kependudukan:peristiwa_list", args=[BALANG, periode]),
            reverse("ekonomi:keluarga_list", args=[BALANG]),
            reverse("ekonomi:keluarga_create", args=[BALANG]),
            reverse("ekonomi:penerima_list", args=[BALANG]),
            reverse("ekonomi:laporan_bulanan", args=[BALANG, periode]),
            reverse("ekonomi:impor_unggah"),
            reverse("linmas:laporan_bulanan", args=[BALANG, periode]),
            reverse("linmas:anggota_list", args=[BALANG]),
            reverse("linmas:anggota_create", args=[BALANG]),
            reverse("linmas:kegiatan_create", args=[BALANG]),
            reverse("linmas:kejadian_create", args=[BALANG]),
            reverse("laporan_rt:laporan_bulanan", args=[BALANG, periode]),
            reverse("laporan_rt:isi", args=[BALANG, periode, rt.nomor]),
            reverse("password_change"),
            reverse("kudapanmas:luring"),
        ],
    )


def test_the_pages_of_the_kasi_trantib(page_for, viewport):
    periode = Periode.current().previous()
    waiting = LaporanBulanan.objects.filter(
        desa__kecamatan_id=PARINGIN, status=Status.DIKIRIM, jenis="kependudukan"
    ).first()
    visit_all(
        page_for(viewport),
        "trantib.paringin",
        [
            reverse("kependudukan:laporan_bulanan", args=[waiting.desa_id, waiting.periode]),
            reverse("kependudukan:laporan_kecamatan", args=[PARINGIN, periode]),
            reverse("ekonomi:laporan_kecamatan", args=[PARINGIN, periode]),
            reverse("linmas:laporan_kecamatan", args=[PARINGIN, periode]),
            reverse("desa:operator_create"),
        ],
    )


@pytest.mark.parametrize("username", ["camat.paringin", "kabupaten"])
def test_the_pages_of_a_read_only_role(page_for, viewport, username):
    visit_all(page_for(viewport), username)


def test_the_pages_of_the_provinsi_and_the_ketua_rt(page_for, viewport):
    make_user("provinsi.kalsel", peran=Peran.PROVINSI, provinsi_id="63", password=akun.PASSWORD)
    rt = RT.objects.filter(desa_id=BALANG).order_by("nomor").first()
    make_user("ketua.rt", peran=Peran.KETUA_RT, rt=rt, password=akun.PASSWORD)
    visit_all(page_for(viewport), "provinsi.kalsel")
    visit_all(page_for(viewport), "ketua.rt")


def test_the_pages_anyone_may_open(page_for, viewport):
    page = page_for(viewport)
    for path in (reverse("login"), reverse("password_reset"), "/cek/"):
        assert page.goto(page.base_url + path).status == 200
    page.axe.settle()
    assert page.axe.checked == 3


def dashboard_cells(page):
    return page.locator("#dasbor-grid a.sel").evaluate_all(
        """cells => cells.map(cell => ({
            keadaan: [...cell.classList].find(name => name.startsWith('keadaan-')).slice(8),
            shown: cell.innerText.trim(),
            spoken: cell.querySelector('.sel-keadaan').textContent.trim(),
        }))"""
    )


def test_each_state_of_the_dashboard_is_written_not_only_coloured(page_for, viewport):
    # The demo's late sends were all verified since: one, two months back, still waits.
    late = LaporanBulanan.objects.filter(desa__kecamatan_id=PARINGIN, periode=Periode.current().shift(-2))
    late.filter(pk=late.first().pk).update(
        status=Status.DIKIRIM, pertama_dikirim_at=timezone.now() - datetime.timedelta(days=1)
    )
    page = page_for(viewport)
    login(page, "trantib.paringin", akun.PASSWORD)
    phone = viewport == PHONE
    every = {"tepat_waktu", "terlambat", "belum_dikirim", "dikembalikan", "diverifikasi"}
    cells, periode = [], Periode.current()
    while not every <= {cell["keadaan"] for cell in cells} and periode > Periode.current().shift(-12):
        periode = periode.previous()
        page.goto(f"{page.base_url}/kecamatan/{PARINGIN}/dasbor/{periode}/")
        shown = dashboard_cells(page)
        if phone:  # the short words are spelt out under the grid
            legend = page.locator("#legenda-grid").inner_text()
            for state in {cell["keadaan"] for cell in shown}:
                assert f"{SINGKAT[state]} {Keadaan(state).label}" in legend
        cells += shown
    assert every <= {cell["keadaan"] for cell in cells}
    looks = {}
    for cell in cells:
        keadaan = Keadaan(cell["keadaan"])
        assert cell["spoken"] == keadaan.label  # what a screen reader says, at every size
        first_line = cell["shown"].splitlines()[0]
        assert first_line == (SINGKAT[keadaan] if phone else keadaan.label), cell
        looks.setdefault(first_line, set()).add(keadaan)
    assert all(len(states) == 1 for states in looks.values())  # no two states read alike

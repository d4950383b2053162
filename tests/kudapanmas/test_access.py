"""Each role gets exactly what it may: one table of role × page."""

import pytest
from django.urls import reverse

from tests.akses import role_page_tests
from tests.factories.wilayah import KODE_DESA_A

pytestmark = pytest.mark.django_db

# page name → (url builder, {role: expected status}); a missing role expects 200.
PAGES = {
    "beranda": (lambda: reverse("kudapanmas:beranda"), {}),
    "panduan": (lambda: reverse("kudapanmas:panduan"), {}),
    "desa A": (
        lambda: reverse("desa:detail", args=[KODE_DESA_A]),
        {"operator_b": 404, "operator_luar": 404},
    ),
    "tambah RT desa A": (
        lambda: reverse("desa:rt_create", args=[KODE_DESA_A]),
        {"operator_b": 404, "operator_luar": 404, "camat": 403, "kabupaten": 403},
    ),
    "daftar operator": (
        lambda: reverse("desa:operator_list"),
        {
            "operator_a": 403,
            "operator_b": 403,
            "operator_luar": 403,
            "camat": 403,
            "kabupaten": 403,
            "admin": 403,
        },
    ),
    "tambah operator": (
        lambda: reverse("desa:operator_create"),
        {
            "operator_a": 403,
            "operator_b": 403,
            "operator_luar": 403,
            "camat": 403,
            "kabupaten": 403,
            "admin": 403,
        },
    ),
}
test_each_role_gets_exactly_what_it_may, test_anonymous_users_are_sent_to_login = role_page_tests(PAGES)


def test_the_navigation_shows_only_what_the_role_may_use(cast, client_for):
    operator_page = client_for(cast["operator_a"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert "Desa saya" in operator_page
    assert reverse("desa:operator_list") not in operator_page
    trantib_page = client_for(cast["kasi_trantib"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert reverse("desa:operator_list") in trantib_page


def test_out_of_scope_pages_use_our_404_in_indonesian(cast, client_for):
    response = client_for(cast["operator_b"]).get(reverse("desa:detail", args=[KODE_DESA_A]))
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_the_403_page_explains_in_indonesian(cast, client_for):
    response = client_for(cast["camat"]).get(reverse("desa:rt_create", args=[KODE_DESA_A]))
    assert "tidak diizinkan" in response.content.decode()


def test_a_ketua_rt_starts_on_its_own_rt_report(client_for, desa_a):
    from desa.models import RT
    from desa.scoping import Peran
    from tests.factories.pengguna import make_user

    rt = RT.objects.create(desa=desa_a, nomor=3)
    ketua = make_user("ketua.rt3", peran=Peran.KETUA_RT, rt=rt)
    response = client_for(ketua).get(reverse("kudapanmas:beranda"))
    assert response.status_code == 302
    assert response.url == reverse("laporan_rt:beranda_rt")


def _active(response):
    """Labels of the menu entries marked as the current page's (groups included)."""
    entries = [child for item in response.context["nav_items"] for child in [item, *item.get("children", [])]]
    return [entry["label"] for entry in entries if entry["active"]]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (lambda: reverse("kependudukan:index"), ["Kependudukan"]),
        (lambda: reverse("kependudukan:peristiwa_list", args=[KODE_DESA_A, "2026-01"]), ["Kependudukan"]),
        (lambda: reverse("kependudukan:impor_unggah"), ["Kependudukan"]),
        (lambda: reverse("ekonomi:index"), ["Ekonomi"]),
        (lambda: reverse("ekonomi:impor_unggah"), ["Ekonomi"]),
        (lambda: reverse("ekonomi:penerima_list", args=[KODE_DESA_A]), ["Ekonomi"]),
        (lambda: reverse("desa:saya"), ["Desa saya"]),
        (lambda: reverse("laporan_rt:saya"), ["Laporan RT"]),
        (lambda: reverse("kudapanmas:panduan"), ["Panduan"]),
    ],
)
def test_the_menu_marks_the_section_of_the_page(cast, client_for, url, expected):
    response = client_for(cast["operator_a"]).get(url(), follow=True)
    assert _active(response) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (lambda: reverse("kependudukan:impor_unggah"), ["Data desa", "Impor kependudukan"]),
        (lambda: reverse("desa:operator_create"), ["Kelola", "Operator"]),
        (lambda: reverse("kudapanmas:dasbor_saya"), ["Dasbor"]),
        (lambda: reverse("kudapanmas:rapor_saya"), ["Rapor desa"]),
    ],
)
def test_the_kasi_trantib_menu_marks_the_page_behind_a_shortcut(cast, client_for, url, expected):
    response = client_for(cast["kasi_trantib"]).get(url(), follow=True)
    assert _active(response) == expected

"""Scoping of every compliance page: one table of role × page, like tests/kudapanmas/test_access.py."""

import pytest
from django.urls import reverse

from desa.periode import Periode
from tests.akses import role_page_tests

pytestmark = pytest.mark.django_db

PARINGIN = "63.11.06"
JUAI = "63.11.01"
PERIODE = Periode.current().previous()
CLOSED = Periode.current().shift(-2)

# Whole-kecamatan reading: operators see only their desa (403 in their kecamatan, 404 elsewhere).
READ_PARINGIN = {"operator_a": 403, "operator_b": 403, "operator_luar": 404}
READ_JUAI = {"operator_a": 404, "operator_b": 404, "operator_luar": 403, "kasi_trantib": 404, "camat": 404}
# The Kasi Trantib's own tools: everyone else in the kecamatan 403, outsiders 404.
MANAGE_PARINGIN = {
    "operator_a": 403,
    "operator_b": 403,
    "operator_luar": 404,
    "camat": 403,
    "kabupaten": 403,
    # The administrator may do what a kecamatan's Kasi Trantib may (desa.scoping's policy); the
    # "…/saya/" shortcuts below still refuse it, as it has no kecamatan of its own.
}
ONLY_KABUPATEN = dict.fromkeys(["operator_a", "operator_b", "operator_luar", "kasi_trantib", "camat"], 403)

PAGES = {
    "dasbor Paringin": (
        lambda: reverse("kudapanmas:dasbor_kecamatan", args=[PARINGIN, str(PERIODE)]),
        READ_PARINGIN,
    ),
    "dasbor Juai": (lambda: reverse("kudapanmas:dasbor_kecamatan", args=[JUAI, str(PERIODE)]), READ_JUAI),
    "ringkasan kabupaten": (
        lambda: reverse("kudapanmas:dasbor_kabupaten", args=["63.11", str(PERIODE)]),
        ONLY_KABUPATEN,
    ),
    "antrean Paringin": (lambda: reverse("kudapanmas:antrean_kecamatan", args=[PARINGIN]), READ_PARINGIN),
    "antrean Juai": (lambda: reverse("kudapanmas:antrean_kecamatan", args=[JUAI]), READ_JUAI),
    "rapor Paringin": (
        lambda: reverse("kudapanmas:rapor_kecamatan", args=[PARINGIN, str(CLOSED)]),
        READ_PARINGIN,
    ),
    "rapor Juai": (lambda: reverse("kudapanmas:rapor_kecamatan", args=[JUAI, str(CLOSED)]), READ_JUAI),
    "pengingat Paringin": (
        lambda: reverse("kudapanmas:pengingat_kecamatan", args=[PARINGIN, str(PERIODE)]),
        MANAGE_PARINGIN,
    ),
    "pengumuman Paringin": (lambda: reverse("kudapanmas:pengumuman", args=[PARINGIN]), MANAGE_PARINGIN),
    "pengaturan Paringin": (lambda: reverse("desa:kecamatan_pengaturan", args=[PARINGIN]), MANAGE_PARINGIN),
}


test_each_role_gets_exactly_what_it_may, test_anonymous_users_are_sent_to_login = role_page_tests(PAGES)


SHORTCUTS = {
    "dasbor_saya": {"operator_a": 403, "operator_luar": 403},
    "antrean_saya": {"operator_a": 403, "operator_luar": 403, "kabupaten": 403, "admin": 403},
    "rapor_saya": {"operator_a": 403, "operator_luar": 403, "kabupaten": 403, "admin": 403},
    "pengingat_saya": {"operator_a": 403, "operator_luar": 403, "camat": 403, "kabupaten": 403, "admin": 403},
    "pengumuman_saya": {
        "operator_a": 403,
        "operator_luar": 403,
        "camat": 403,
        "kabupaten": 403,
        "admin": 403,
    },
    "desa:kecamatan_pengaturan_saya": {
        "operator_a": 403,
        "operator_luar": 403,
        "camat": 403,
        "kabupaten": 403,
        "admin": 403,
    },
}


@pytest.mark.parametrize(
    "role", ["operator_a", "operator_luar", "kasi_trantib", "camat", "kabupaten", "admin"]
)
@pytest.mark.parametrize("name", SHORTCUTS)
def test_the_navigation_shortcuts_lead_to_the_users_own_area(cast, client_for, role, name):
    response = client_for(cast[role]).get(reverse(name if ":" in name else f"kudapanmas:{name}"))
    assert response.status_code == SHORTCUTS[name].get(role, 302)
    if response.status_code == 302:
        assert client_for(cast[role]).get(response.url).status_code == 200


def test_the_dashboard_shortcut_opens_the_kecamatan_of_the_kasi_trantib(cast, client_for):
    response = client_for(cast["kasi_trantib"]).get(reverse("kudapanmas:dasbor_saya"))
    assert response.url == reverse("kudapanmas:dasbor_kecamatan", args=[PARINGIN, str(PERIODE)])


def test_the_dashboard_shortcut_opens_the_kabupaten_overview_for_the_kabupaten(cast, client_for):
    response = client_for(cast["kabupaten"]).get(reverse("kudapanmas:dasbor_saya"))
    assert response.url == reverse("kudapanmas:dasbor_kabupaten", args=["63.11", str(PERIODE)])


@pytest.mark.parametrize("name", ["dasbor_kecamatan", "rapor_kecamatan", "pengingat_kecamatan"])
@pytest.mark.parametrize("periode", ["1999-12", "9999-12"])
def test_a_month_out_of_range_is_404_not_a_crash(cast, client_for, name, periode):
    response = client_for(cast["kasi_trantib"]).get(reverse(f"kudapanmas:{name}", args=[PARINGIN, periode]))
    assert response.status_code == 404


def test_an_impossible_month_in_the_address_is_404(cast, client_for):
    response = client_for(cast["kasi_trantib"]).get(f"/kecamatan/{PARINGIN}/dasbor/2026-13/")
    assert response.status_code == 404


def test_a_rapor_for_a_month_not_yet_closed_goes_to_the_last_closed_one(cast, client_for):
    from desa.kepatuhan import last_closed_periode
    from desa.models import Kecamatan

    response = client_for(cast["camat"]).get(
        reverse("kudapanmas:rapor_kecamatan", args=[PARINGIN, str(Periode.current())])
    )
    closed = last_closed_periode(Kecamatan.objects.get(pk=PARINGIN))
    assert response.status_code == 302
    assert response.url == reverse("kudapanmas:rapor_kecamatan", args=[PARINGIN, str(closed)])


def test_the_navigation_offers_each_role_its_compliance_pages(cast, client_for):
    trantib = client_for(cast["kasi_trantib"]).get(reverse("kudapanmas:beranda")).content.decode()
    for label in ["Dasbor", "Antrean verifikasi", "Rapor desa", "Pengingat", "Pengumuman", "Pengaturan"]:
        assert f">{label}</a>" in trantib
    camat = client_for(cast["camat"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert ">Rapor desa</a>" in camat and ">Pengingat</a>" not in camat
    operator = client_for(cast["operator_a"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert ">Dasbor</a>" not in operator

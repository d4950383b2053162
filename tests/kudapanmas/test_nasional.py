"""One server, several kabupaten of two provinsi: every role stays inside its own area.

The wilayah are the real ones of the national file: Balangan and Tabalong (Kalimantan Selatan,
63) and Paser (Kalimantan Timur, 64), each with its own accounts and ledger rows.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from desa import kepatuhan
from desa.models import Desa, Kabupaten, Kecamatan, Pengguna, Provinsi
from desa.models.laporan import Status
from desa.periode import Periode
from desa.registry import required_kinds
from desa.scoping import Peran
from tests.factories.ledger import laporan
from tests.factories.pengguna import make_user
from tests.factories.waktu import wita
from tests.factories.wilayah import muat_kabupaten
from tests.kudapanmas.jelajah import jelajahi
from tests.kudapanmas.tugas import kerjakan_antrean

pytestmark = pytest.mark.django_db

PERIODE = Periode.current().previous()
TABALONG, PASER = "63.09", "64.01"
# What must never show on the pages of a role of Kabupaten Balangan.
LUAR_BALANGAN = [TABALONG + ".", PASER + ".", "Tabalong", "Paser", "Kalimantan Timur"]
LUAR_PROVINSI_63 = [PASER + ".", "Paser", "Kalimantan Timur"]


@pytest.fixture
def negeri(cast):
    """The cast of Balangan, and the accounts and reports of Tabalong and Paser."""
    muat_kabupaten(TABALONG, PASER)
    accounts = dict(cast)
    for kode in (TABALONG, PASER):
        kecamatan = Kecamatan.objects.filter(kabupaten_id=kode).order_by("kode").first()
        desa = Desa.objects.filter(kecamatan=kecamatan).order_by("kode").first()
        accounts[f"operator {kode}"] = make_user(f"operator.{kode}", peran=Peran.OPERATOR_DESA, desa=desa)
        accounts[f"trantib {kode}"] = make_user(
            f"trantib.{kode}", peran=Peran.KASI_TRANTIB, kecamatan=kecamatan
        )
        accounts[f"kabupaten {kode}"] = make_user(f"kab.{kode}", peran=Peran.KABUPATEN, kabupaten_id=kode)
        laporan(desa, PERIODE, Status.DIKIRIM, sent=wita(2030, 1, 1, 9))  # late
    for kode in ("63", "64"):
        accounts[f"provinsi {kode}"] = make_user(f"provinsi.{kode}", peran=Peran.PROVINSI, provinsi_id=kode)
    laporan(cast["operator_a"].desa, PERIODE, Status.DIVERIFIKASI)  # on time
    return accounts


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "luar"),
    [
        ("operator_a", LUAR_BALANGAN),
        ("kasi_trantib", LUAR_BALANGAN),
        ("camat", LUAR_BALANGAN),
        ("kabupaten", LUAR_BALANGAN),
        ("provinsi 63", LUAR_PROVINSI_63),
        ("trantib 64.01", ["63.11", "63.09", "Balangan", "Tabalong", "Kalimantan Selatan"]),
    ],
)
def test_no_page_a_role_reaches_shows_another_area(negeri, role, luar):
    """Every page a role reaches by clicking, and every form on it, stays inside its area."""
    client = _client(negeri[role])
    found = jelajahi(client, maks=150)
    assert len(found.pages) >= 5
    for path in found.pages:
        text = client.get(path).content.decode()
        leaked = [marker for marker in luar if marker in path or marker in text]
        assert not leaked, (path, leaked)
    for action, _ in [*found.forms.values(), *found.filters.values()]:
        assert not any(marker in action for marker in luar), action


def _desa_of(kode):
    return Desa.objects.filter(kecamatan__kabupaten_id=kode).order_by("kode").first().pk


def _kecamatan_of(kode):
    return Kecamatan.objects.filter(kabupaten_id=kode).order_by("kode").first().pk


# page → (url builder, {role: status}); a role left out expects 404: the area is not theirs.
PROBES = {
    "desa Tabalong": (
        lambda: reverse("desa:detail", args=[_desa_of(TABALONG)]),
        {
            "provinsi 63": 200,
            "kabupaten 63.09": 200,
            "trantib 63.09": 200,
            "operator 63.09": 200,
            "admin": 200,
        },
    ),
    "dasbor kecamatan Paser": (
        lambda: reverse("kudapanmas:dasbor_kecamatan", args=[_kecamatan_of(PASER), PERIODE]),
        {
            "provinsi 64": 200,
            "kabupaten 64.01": 200,
            "trantib 64.01": 200,
            "operator 64.01": 403,
            "admin": 200,
        },
    ),
    "rekap kecamatan Tabalong": (
        lambda: reverse("kudapanmas:rekap_kecamatan", args=[_kecamatan_of(TABALONG), PERIODE]),
        {
            "provinsi 63": 200,
            "kabupaten 63.09": 200,
            "trantib 63.09": 200,
            "operator 63.09": 403,
            "admin": 200,
        },
    ),
    "ringkasan Tabalong": (
        lambda: reverse("kudapanmas:dasbor_kabupaten", args=[TABALONG, PERIODE]),
        {
            "provinsi 63": 200,
            "kabupaten 63.09": 200,
            "trantib 63.09": 403,
            "operator 63.09": 403,
            "admin": 200,
        },
    ),
    "ringkasan Kalimantan Timur": (
        lambda: reverse("kudapanmas:dasbor_provinsi", args=["64", PERIODE]),
        {
            "provinsi 64": 200,
            "kabupaten 64.01": 403,
            "trantib 64.01": 403,
            "operator 64.01": 403,
            "admin": 200,
        },
    ),
    "pengingat kecamatan Paser": (
        lambda: reverse("kudapanmas:pengingat_kecamatan", args=[_kecamatan_of(PASER), PERIODE]),
        {
            "trantib 64.01": 200,
            "admin": 200,
            "provinsi 64": 403,
            "kabupaten 64.01": 403,
            "operator 64.01": 403,
        },
    ),
}
PROBE_ROLES = [
    "operator_a",
    "kasi_trantib",
    "camat",
    "kabupaten",
    "admin",
    "provinsi 63",
    "provinsi 64",
    "operator 63.09",
    "trantib 63.09",
    "kabupaten 63.09",
    "operator 64.01",
    "trantib 64.01",
    "kabupaten 64.01",
]


@pytest.mark.parametrize("role", PROBE_ROLES)
@pytest.mark.parametrize("page", PROBES)
def test_each_role_opens_only_the_areas_of_its_own(negeri, page, role):
    url_of, expected = PROBES[page]
    assert _client(negeri[role]).get(url_of()).status_code == expected.get(role, 404)


def test_the_provinsi_overview_rates_each_kabupaten_and_drills_down(negeri):
    client = _client(negeri["provinsi 63"])
    page = client.get(reverse("kudapanmas:dasbor_saya"), follow=True)
    assert page.redirect_chain[-1][0] == reverse("kudapanmas:dasbor_provinsi", args=["63", PERIODE])
    rows = {row.kabupaten.pk: row for row in page.context["data"].rows}
    assert set(rows) == {"63.09", "63.11"}  # Paser is another provinsi's
    for kode, on_time in (("63.11", 1), ("63.09", 0)):
        desa = list(Desa.objects.filter(kecamatan__kabupaten_id=kode).select_related("kecamatan"))
        grid = kepatuhan.rekap(kepatuhan.grid_required(desa, PERIODE))
        assert (rows[kode].rekap.expected, rows[kode].rekap.sent, rows[kode].rekap.on_time) == (
            grid.expected,
            1,
            on_time,
        )
        assert rows[kode].jumlah_desa == len(desa)
        assert len(rows[kode].tren) == 12
    text = page.content.decode()
    assert "Ringkasan Provinsi Kalimantan Selatan" in text and "Kabupaten Tabalong" in text
    assert reverse("kudapanmas:dasbor_kabupaten", args=[TABALONG, PERIODE]) in text
    # Down to the kabupaten, whose page leads back up.
    kabupaten = client.get(reverse("kudapanmas:dasbor_kabupaten", args=[TABALONG, PERIODE])).content.decode()
    assert reverse("kudapanmas:dasbor_provinsi", args=["63", PERIODE]) in kabupaten


@pytest.mark.django_db(transaction=True)  # the worker commits, as it does in production
def test_the_provinsi_recap_is_written_in_the_background_with_every_kecamatan(negeri, private_media):
    client = _client(negeri["provinsi 63"])
    asked = client.get(reverse("kudapanmas:rekap_provinsi", args=["63", PERIODE]))
    assert asked.status_code == 302
    kerjakan_antrean()
    assert "Rekap Provinsi Kalimantan Selatan" in client.get(asked.url).content.decode()
    download = client.get(asked.url + "unduh/")
    assert download.status_code == 200
    assert f"Rekap-Provinsi-Kalimantan-Selatan-{PERIODE}" in download["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    values = [cell for row in workbook["Ringkasan"].iter_rows(values_only=True) for cell in row if cell]
    kecamatan = Kecamatan.objects.filter(kabupaten__provinsi_id="63")
    assert kecamatan.count() == 8 + Kecamatan.objects.filter(kabupaten_id=TABALONG).count()
    assert all(k.nama in values for k in kecamatan)
    assert "Provinsi" in values
    # The task is the asker's: another provinsi's account does not see it.
    assert _client(negeri["provinsi 64"]).get(asked.url).status_code == 404


def test_the_home_page_lists_the_overviews_above_the_kecamatan(negeri):
    admin = _client(negeri["admin"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert "Provinsi Kalimantan Selatan" in admin and "Provinsi Kalimantan Timur" in admin
    assert "Dasbor kecamatan" not in admin  # 15 kecamatan here, 7,285 in the whole country
    provinsi = _client(negeri["provinsi 63"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert "Kabupaten Balangan" in provinsi and "Kabupaten Tabalong" in provinsi and "Paser" not in provinsi
    kabupaten = _client(negeri["kabupaten"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert "Kecamatan Paringin" in kabupaten and "Tabalong" not in kabupaten


def test_siapkan_kabupaten_makes_its_accounts_once_with_password_pages():
    muat_kabupaten(TABALONG)
    kecamatan = list(Kecamatan.objects.filter(kabupaten_id=TABALONG))
    out = io.StringIO()
    call_command("siapkan_kabupaten", TABALONG, "--admin-email", "pemkab@tabalong.go.id", stdout=out)
    made = Pengguna.objects.filter(username__in=_names(kecamatan))
    assert made.count() == 1 + 2 * len(kecamatan)
    assert f"Kabupaten Tabalong: {1 + 2 * len(kecamatan)} akun baru, 0 sudah ada." in out.getvalue()
    kabupaten = made.get(peran=Peran.KABUPATEN)
    assert kabupaten.kabupaten_id == TABALONG and kabupaten.email == "pemkab@tabalong.go.id"
    assert not kabupaten.has_usable_password()
    assert set(made.filter(peran=Peran.CAMAT).values_list("kecamatan", flat=True)) == {
        k.pk for k in kecamatan
    }

    # The printed page sets the password.
    line = next(line for line in out.getvalue().splitlines() if line.strip().startswith("kabupaten.6309"))
    path = line.split("atur sandi di http://localhost:8000", 1)[1]
    client = Client()
    form = client.get(path, follow=True)
    assert form.status_code == 200
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Tabalong-2026-aman", "new_password2": "Tabalong-2026-aman"},
    )
    kabupaten.refresh_from_db()
    assert kabupaten.check_password("Tabalong-2026-aman")

    again = io.StringIO()
    call_command("siapkan_kabupaten", TABALONG, "--admin-email", "pemkab@tabalong.go.id", stdout=again)
    assert f"0 akun baru, {1 + 2 * len(kecamatan)} sudah ada." in again.getvalue()
    assert "kabupaten.6309 (Kabupaten Tabalong): sandi sudah diatur." in again.getvalue()
    assert Pengguna.objects.filter(username__in=_names(kecamatan)).count() == made.count()


def _names(kecamatan):
    return ["kabupaten.6309"] + [
        f"{p}.{k.pk.replace('.', '')}" for k in kecamatan for p in ("trantib", "camat")
    ]


def test_siapkan_kabupaten_refuses_an_unknown_code_and_a_taken_name(wilayah):
    with pytest.raises(
        CommandError, match="belum dimuat: jalankan dulu `python manage.py muat_wilayah --hanya 63.09`"
    ):
        call_command("siapkan_kabupaten", TABALONG, "--admin-email", "pemkab@tabalong.go.id")
    make_user("camat.631101", peran=Peran.OPERATOR_DESA, desa=Desa.objects.get(pk="63.11.06.2005"))
    with pytest.raises(CommandError, match="camat.631101 sudah ada dengan peran atau wilayah lain"):
        call_command("siapkan_kabupaten", "63.11", "--admin-email", "pemkab@balangan.go.id")
    assert not Pengguna.objects.filter(peran=Peran.KABUPATEN).exists()
    with pytest.raises(CommandError, match="tidak sah"):
        call_command("siapkan_kabupaten", "63.11", "--admin-email", "bukan-surel")


def test_the_provinsi_sees_the_programmes_of_its_kabupaten_only(negeri):
    from kependudukan.ekonomi.models import ProgramBantuan

    ProgramBantuan.objects.create(kabupaten_id=TABALONG, kode="TBL", nama="Bantuan Tabalong")
    ProgramBantuan.objects.create(kabupaten_id=PASER, kode="PSR", nama="Bantuan Paser")
    assert set(ProgramBantuan.objects.for_user(negeri["provinsi 63"]).values_list("kode", flat=True)) >= {
        "TBL"
    }
    assert "PSR" not in ProgramBantuan.objects.for_user(negeri["provinsi 63"]).values_list("kode", flat=True)
    assert "TBL" not in ProgramBantuan.objects.for_user(negeri["kabupaten"]).values_list("kode", flat=True)


def test_kabupaten_and_kota_are_named_as_such(negeri):
    muat_kabupaten("63.71")
    assert str(Kabupaten.objects.get(pk="63.71")) == "Kota Banjarmasin"
    assert str(Provinsi.objects.get(pk="64")) == "Provinsi Kalimantan Timur"
    assert required_kinds(Kecamatan.objects.get(pk="63.71.01"))


def test_a_kept_provinsi_count_gives_way_to_any_write_or_rule_change(negeri):
    from django.db import transaction

    from desa import gerbang
    from desa.models import LaporanBulanan
    from kudapanmas import dasbor

    provinsi = Provinsi.objects.get(pk="63")

    def tabalong():
        row = next(
            row for row in dasbor.ringkasan_provinsi(provinsi, PERIODE).rows if row.kabupaten.pk == TABALONG
        )
        return row.rekap.sent, row.rekap.on_time

    assert tabalong() == (1, 0)  # its one report is late
    late = LaporanBulanan.objects.get(desa__kecamatan__kabupaten_id=TABALONG)
    # A write through the gate (as every ledger transition is): sent on time after all.
    with transaction.atomic():
        gerbang.kunci_desa([late.desa_id])
        LaporanBulanan.objects.filter(pk=late.pk).update(
            pertama_dikirim_at=wita(PERIODE.next().tahun, PERIODE.next().bulan, 1, 9)
        )
    assert tabalong() == (1, 1)
    # A rule of the kecamatan: a deadline so early that the report is late again.
    LaporanBulanan.objects.filter(pk=late.pk).update(
        pertama_dikirim_at=wita(PERIODE.next().tahun, PERIODE.next().bulan, 3, 9)
    )
    kecamatan = late.desa.kecamatan
    kecamatan.hari_batas_waktu = 1
    kecamatan.save()
    assert tabalong() == (1, 0)

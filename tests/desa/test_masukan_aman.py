"""Hostile input is refused in one place: URL parameters by the converters, text by one rule."""

import datetime

import pytest
from django import forms
from django.urls import Resolver404, resolve, reverse

from desa.forms.masukan import PESAN_KENDALI, MasukanAmanMixin, PilihanBanyakField, angka, teks_bersih
from desa.models import KomentarLaporan, LaporanBulanan, Pengguna
from desa.periode import PERIODE_PERTAMA, Periode, periode_in_range
from tests.factories.ledger import laporan
from tests.factories.wilayah import KODE_DESA_A

pytestmark = pytest.mark.django_db

LAST_MONTH = Periode.current().previous()
# One URL of each app that takes a wilayah code, with the code first.
KODE_URLS = [
    ("desa:detail", []),
    ("kependudukan:desa_beranda", []),
    ("ekonomi:keluarga_list", []),
    ("linmas:anggota_list", []),
    ("laporan_rt:laporan_bulanan", [str(LAST_MONTH)]),
    ("desa:laporan_komentar", ["kependudukan", str(LAST_MONTH)]),
]
MONTH_URLS = [
    "kependudukan:laporan_bulanan",
    "linmas:laporan_bulanan",
    "laporan_rt:laporan_bulanan",
    "ekonomi:laporan_bulanan",
]


@pytest.mark.parametrize(("name", "rest"), KODE_URLS)
def test_a_nul_byte_after_a_wilayah_code_is_404(client_for, operator_a, name, rest):
    path = reverse(name, args=[KODE_DESA_A, *rest])
    hostile = path.replace(KODE_DESA_A, f"{KODE_DESA_A}%00", 1)
    assert client_for(operator_a).get(hostile).status_code == 404
    assert client_for(operator_a).post(hostile).status_code == 404


@pytest.mark.parametrize(
    "kode", ["63.11.06.2005\x00", "63.11.06.2005 ", "63.11.06.20055", "6", "63.1", "Paringin"]
)
def test_only_a_well_formed_code_matches_a_url(kode):
    with pytest.raises(Resolver404):
        resolve(f"/desa/{kode}/")


@pytest.mark.parametrize("kode", ["63", "63.11", "63.11.06", KODE_DESA_A])
def test_the_codes_of_every_level_match(kode):
    assert resolve(f"/desa/{kode}/").kwargs == {"kode": kode}


@pytest.mark.parametrize("name", MONTH_URLS)
@pytest.mark.parametrize("periode", ["1900-01", "1999-12", str(Periode.current().shift(13)), "9999-12"])
def test_a_month_outside_the_calendar_is_404_before_the_view_runs(client_for, operator_a, name, periode):
    path = reverse(name, args=[KODE_DESA_A, "2026-01"]).replace("2026-01", periode)
    with pytest.raises(Resolver404):
        resolve(path)
    assert client_for(operator_a).get(path).status_code == 404


@pytest.mark.parametrize("periode", ["2000-01", str(Periode.current().shift(12))])
def test_the_first_and_the_last_month_of_the_calendar_match(periode):
    assert str(resolve(f"/linmas/{KODE_DESA_A}/{periode}/").kwargs["periode"]) == periode


def test_a_comment_posted_with_control_characters_is_stored_without_them(client_for, operator_a, desa_a):
    path = reverse("desa:laporan_komentar", args=[KODE_DESA_A, "kependudukan", str(LAST_MONTH)])
    response = client_for(operator_a).post(path, {"isi": "Data\x00 sudah\x01 lengkap.\nTerima kasih."})
    assert response.status_code == 302
    assert KomentarLaporan.objects.get().isi == "Data sudah lengkap.\nTerima kasih."


def test_a_return_note_is_cleaned_before_the_ledger_sees_it(client_for, kasi_trantib, desa_a):
    laporan(desa_a, LAST_MONTH)
    path = reverse("desa:laporan_kembalikan", args=[KODE_DESA_A, "kependudukan", str(LAST_MONTH)])
    assert client_for(kasi_trantib).post(path, {"catatan": "Perbaiki\x00 jumlah KK."}).status_code == 302
    assert LaporanBulanan.objects.get(desa=desa_a).catatan_kembali == "Perbaiki jumlah KK."


class ContohForm(MasukanAmanMixin, forms.Form):
    nama = forms.CharField(max_length=50)
    tanggal = forms.DateField()
    waktu = forms.DateTimeField(required=False)
    sandi = forms.CharField(widget=forms.PasswordInput, required=False)
    pengguna = PilihanBanyakField(queryset=Pengguna.objects.all(), required=False)


def errors_of(**data):
    return ContohForm({"nama": "Budi", "tanggal": "2026-01-05", **data}).errors


@pytest.mark.parametrize("nama", ["Bu\x00di", "Bu\x01di", "Budi\x1b", "Bu\x7fdi"])
def test_a_text_field_refuses_control_characters_with_one_message(nama):
    assert errors_of(nama=nama) == {"nama": [PESAN_KENDALI]}


def test_a_text_field_keeps_tabs_and_line_breaks():
    assert errors_of(nama="Budi\tSantoso\r\n") == {}


def test_a_password_is_not_judged_as_text():
    assert errors_of(sandi="a\x01b") == {}


@pytest.mark.parametrize("tanggal", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_a_date_nobody_means_is_a_form_error(tanggal):
    assert list(errors_of(tanggal=tanggal)) == ["tanggal"]
    assert list(errors_of(waktu=f"{tanggal} 08:00")) == ["waktu"]


def test_a_date_in_the_calendar_is_kept():
    assert errors_of(tanggal="1900-01-01", waktu="2026-01-05 08:00") == {}


@pytest.mark.parametrize("pk", [str(2**63 + 1), "9" * 100_000, "-" + "9" * 30])
def test_a_key_longer_than_any_row_s_is_a_form_error(pk):
    assert list(errors_of(pengguna=[pk])) == ["pengguna"]


def test_text_read_straight_from_a_request_loses_control_characters_and_spaces():
    assert teks_bersih("  Hujan\x00 deras\x0b\n ") == "Hujan deras"
    assert teks_bersih("a" * 500, max_length=100) == "a" * 100
    assert teks_bersih(None) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("000000012", 12), ("1234567890", None), ("9" * 100_000, None), ("²", None), ("-1", None)],
)
def test_a_number_filter_has_at_most_nine_ascii_digits(text, expected):
    assert angka(text) == expected


def test_the_first_month_lives_with_the_month_type():
    assert PERIODE_PERTAMA == Periode(2000, 1)
    assert not periode_in_range(datetime.date(1999, 12, 31))
    assert periode_in_range(datetime.date(2000, 1, 1))

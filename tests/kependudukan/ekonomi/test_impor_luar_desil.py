"""The SIKS-NG desil ranking: matched to the desa's households, dated in their history, the rows it
could not match reported by reason, the same file twice changing nothing the second time."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from desa import ledger
from desa.models.laporan import JenisLaporan
from kependudukan.ekonomi.models import ImporDesil, Keluarga, RiwayatKeluarga
from kependudukan.models import DaftarRujukan, PendudukRujukan
from tests.factories.ekonomi import make_keluarga
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import recent
from tests.kependudukan.ekonomi import workbooks_luar as wb

pytestmark = pytest.mark.django_db

A = "63.11.06.2005"
UPLOAD = reverse("ekonomi:impor_desil:impor_unggah")
TANGGAL = timezone.localdate() - datetime.timedelta(days=1)
SHEET = "Pemeringkatan Desil"


def upload(client, content, tanggal=TANGGAL, name="desil-siks-ng.xlsx"):
    data = {"berkas": SimpleUploadedFile(name, content), "desa": A, "tanggal_data": tanggal.isoformat()}
    return client.post(UPLOAD, data, follow=True)


def confirm(client):
    impor = ImporDesil.objects.latest("pk")
    response = client.post(reverse("ekonomi:impor_desil:impor_simpan", args=[impor.pk]), follow=True)
    impor.refresh_from_db()
    return impor, response


@pytest.fixture
def keluarga(desa_a):
    """Three households checked two months ago: desil unknown, 4, and 7."""
    return [make_keluarga(desa_a, recent(2).awal, desil=value) for value in (None, 4, 7)]


def member(desa, keluarga):
    """A member of `keluarga` in the desa's reference list of residents, with a NIK of their own."""
    daftar = DaftarRujukan.objects.create(desa=desa, sumber="siak", tanggal_data=TANGGAL, jumlah=1)
    nik = make_nik("P", serial=77)
    PendudukRujukan.objects.create(daftar=daftar, desa=desa, nik=nik, no_kk=keluarga.no_kk, nama="ANAK")
    return nik


def test_a_household_is_matched_by_no_kk_head_nik_or_member_nik_and_dated_in_its_history(
    client_for, operator_a, desa_a, keluarga
):
    by_kk, by_head, by_member = keluarga
    rows = [
        (by_kk.no_kk, "", "A", 1),
        ("", by_head.nik_kepala, "B", 2),
        ("", member(desa_a, by_member), "C", "3"),
    ]
    client = client_for(operator_a)
    page = upload(client, wb.desil(rows)).content.decode()
    assert "Berkas benar" in page and "3 keluarga" in page
    assert Keluarga.objects.get(pk=by_kk.pk).desil is None  # the preview saves nothing
    impor, response = confirm(client)
    assert impor.status == "disimpan" and "Desil 3 keluarga" in response.content.decode()
    assert [Keluarga.objects.get(pk=k.pk).desil for k in keluarga] == [1, 2, 3]
    riwayat = RiwayatKeluarga.objects.filter(sumber="SIKS-NG").order_by("keluarga_id")
    assert [(r.keluarga_id, r.desil, r.tanggal_pemutakhiran, r.oleh) for r in riwayat] == [
        (k.pk, value, TANGGAL, operator_a) for k, value in zip(keluarga, (1, 2, 3), strict=True)
    ]
    assert riwayat[1].perubahan[0] == {"field": "desil", "kolom": "desil DTSEN", "dari": "4", "ke": "2"}
    assert Keluarga.objects.get(pk=by_head.pk).tanggal_pemutakhiran == TANGGAL


def test_importing_the_same_file_twice_changes_nothing_the_second_time(client_for, operator_a, keluarga):
    rows = [(k.no_kk, k.nik_kepala, "X", 5) for k in keluarga]
    client = client_for(operator_a)
    upload(client, wb.desil(rows))
    confirm(client)
    count = RiwayatKeluarga.objects.count()
    stamps = list(Keluarga.objects.values_list("updated_at", flat=True))
    page = upload(client, wb.desil(rows)).content.decode()
    assert ImporDesil.objects.latest("pk").status == "tidak_ada_baru"
    assert "Tidak ada desil yang berubah" in page
    assert RiwayatKeluarga.objects.count() == count
    assert list(Keluarga.objects.values_list("updated_at", flat=True)) == stamps


def test_rows_it_could_not_match_are_reported_by_reason_with_sheet_row_and_column(
    client_for, operator_a, keluarga
):
    first, second, third = keluarga
    unknown_kk, unknown_nik = "6311060101999999", make_nik("L", serial=999)
    rows = [
        (first.no_kk, "", "A", 11),  # row 4
        (unknown_kk, "", "B", 2),  # 5
        ("", unknown_nik, "C", 2),  # 6
        (second.no_kk, "", "D", 3),  # 7
        (second.no_kk, "", "D", 3),  # 8 the same again
        (third.no_kk, "", "E", 1),  # 9
        (third.no_kk, "", "E", 9),  # 10 contradicts row 9
        ("123", "", "F", 2),  # 11
    ]
    client = client_for(operator_a)
    page = upload(client, wb.desil(rows)).content.decode()
    hasil = ImporDesil.objects.latest("pk").hasil
    found = [(k["sheet"], k["baris"], k["kolom"], k["alasan"]) for k in hasil["tidak_cocok"]]
    assert found == [
        (SHEET, 4, "Desil (E)", "Desil di luar 1-10"),
        (SHEET, 5, "Nomor KK (B)", "No. KK tidak ditemukan di desa"),
        (SHEET, 6, "NIK (C)", "NIK tidak ditemukan di desa"),
        (SHEET, 8, "Desil (E)", "Baris ganda"),
        (SHEET, 10, "Desil (E)", "Desil berbeda untuk keluarga yang sama"),
        (SHEET, 11, "Nomor KK (B)", "No. KK tidak sah"),
    ]
    assert "Baris ganda: 1 baris" in page and "Desil &#x27;11&#x27; bukan angka 1 sampai 10" in page
    impor, _ = confirm(client)
    assert impor.status == "disimpan"
    # Only the one clean household changed; the contradicted one is left as it was.
    assert [Keluarga.objects.get(pk=k.pk).desil for k in keluarga] == [None, 3, 7]


def test_a_household_checked_after_the_ranking_keeps_its_newer_data(client_for, operator_a, desa_a):
    newer = make_keluarga(desa_a, TANGGAL, desil=6)
    upload(client_for(operator_a), wb.desil([(newer.no_kk, "", "A", 2)]), tanggal=recent(3).awal)
    hasil = ImporDesil.objects.latest("pk").hasil
    assert hasil["tidak_cocok"][0]["alasan"] == "Keluarga sudah dimutakhirkan sesudah tanggal data"
    assert Keluarga.objects.get().desil == 6


def test_messy_downloads_nik_as_a_number_desil_as_text_header_below_merged_titles(
    client_for, operator_a, desa_a
):
    nik = make_nik("L", serial=10)  # ends in 0, as a NIK typed as a number always does
    household = make_keluarga(desa_a, recent(2).awal, nik_kepala=nik)
    headers = ("NO", "NO KK", "NIK KEPALA KELUARGA", "NAMA", "DESIL NASIONAL")
    client = client_for(operator_a)
    upload(client, wb.desil([(None, int(nik), "X", "Desil 2")], judul=3, headers=headers))
    impor = ImporDesil.objects.latest("pk")
    assert impor.status == "siap", impor.hasil
    assert "tersimpan sebagai angka" in impor.hasil["peringatan"][0]["pesan"]
    confirm(client)
    assert Keluarga.objects.get(pk=household.pk).desil == 2


def test_a_locked_month_is_refused_and_nothing_is_saved(client_for, operator_a, desa_a, keluarga):
    ledger.kirim(desa=desa_a, jenis=JenisLaporan.EKONOMI, periode=recent(1), user=operator_a)
    client = client_for(operator_a)
    upload(client, wb.desil([(keluarga[0].no_kk, "", "A", 1)]), tanggal=recent(1).awal)
    impor = ImporDesil.objects.latest("pk")
    assert impor.status == "ditolak" and "sudah terkirim" in impor.hasil["kesalahan"][0]["pesan"]
    assert not RiwayatKeluarga.objects.filter(sumber="SIKS-NG").exists()


def test_a_month_locked_between_preview_and_confirm_is_refused_on_confirm(
    client_for, operator_a, desa_a, keluarga
):
    client = client_for(operator_a)
    upload(client, wb.desil([(keluarga[0].no_kk, "", "A", 1)]), tanggal=recent(1).awal)
    ledger.kirim(desa=desa_a, jenis=JenisLaporan.EKONOMI, periode=recent(1), user=operator_a)
    impor, _ = confirm(client)
    assert impor.status == "ditolak" and Keluarga.objects.get(pk=keluarga[0].pk).desil is None


def test_a_file_without_the_columns_gets_a_clear_message(client_for, operator_a):
    page = upload(client_for(operator_a), wb.program_bantuan([])).content.decode()
    assert "Baris judul tidak ditemukan" in page


def test_a_date_ahead_of_today_is_refused(client_for, operator_a, keluarga):
    ahead = timezone.localdate() + datetime.timedelta(days=2)
    page = upload(client_for(operator_a), wb.desil([]), tanggal=ahead).content.decode()
    assert "tidak boleh sesudah hari ini" in page and not ImporDesil.objects.exists()


def test_other_desa_and_read_only_roles_are_out_of_reach(client_for, operator_a, operator_b, camat, keluarga):
    upload(client_for(operator_a), wb.desil([(keluarga[0].no_kk, "", "A", 1)]))
    impor = ImporDesil.objects.get()
    url = reverse("ekonomi:impor_desil:impor_pratinjau", args=[impor.pk])
    assert client_for(operator_b).get(url).status_code == 404
    assert client_for(camat).get(UPLOAD).status_code == 403
    assert (
        client_for(operator_a).get(reverse("ekonomi:impor_desil:impor_simpan", args=[impor.pk])).status_code
        == 405
    )

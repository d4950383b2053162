"""OpenSID's event log imported with our template's check and save: the layout as OpenSID writes it
(HTML named .xls, or saved again as .xlsx), its codes mapped, the same rules and messages, all or
nothing, and a second import of the same file adds nothing."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.periode import Periode
from kependudukan import aturan
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.luar import peristiwa as opensid
from kependudukan.impor.luar.pilihan import Pilihan
from kependudukan.models import DaftarRujukan, DataAwal, ImporBerkas, PendudukRujukan, Peristiwa
from tests.factories.identitas import make_nik
from tests.kependudukan import workbooks_peristiwa_opensid as wb
from tests.kudapanmas.tugas import kerjakan_antrean

pytestmark = pytest.mark.django_db

A, B = "63.11.06.2005", "63.11.06.2014"
MONTH = Periode.current().previous()
DAY = MONTH.awal.replace(day=10)
PILIHAN = Pilihan(A, timezone.localdate())
UPLOAD = reverse("kependudukan:impor_penduduk:peristiwa_opensid:impor_unggah")


def check(content, desa_boleh=None, pilihan=PILIHAN):
    return opensid.periksa_berkas(io.BytesIO(content), desa_boleh=desa_boleh, pilihan=pilihan)


def save(content, user, desa_boleh=None):
    return opensid.simpan_berkas(
        io.BytesIO(content), user=user, desa_boleh=desa_boleh, pilihan=PILIHAN, nama_berkas="Log.xls"
    )


def only_error(hasil):
    assert len(hasil.kesalahan) == 1, [str(k) for k in hasil.kesalahan]
    return hasil.kesalahan[0]


@pytest.fixture
def awal(desa_a):
    return DataAwal.objects.create(
        desa=desa_a, periode=MONTH, wni_l=9, wni_p=9, wna_l=0, wna_p=0, jumlah_kk=5
    )


def four_events():
    return [
        wb.peristiwa(make_nik("P", DAY), "Bayi Aisyah", "Lahir", DAY),
        wb.peristiwa(make_nik("L", datetime.date(1950, 3, 2)), "Kakek Amat", "Mati", DAY),
        wb.peristiwa(make_nik("P", datetime.date(1991, 4, 5)), "Siti", "Pindah keluar Kabupaten/Kota", DAY),
        wb.peristiwa(
            make_nik("L", datetime.date(1988, 6, 7)), "Budi", "Pindah Masuk", DAY, catatan="Dari Tabalong"
        ),
    ]


def test_the_downloaded_log_maps_each_kode_peristiwa(awal):
    events = four_events()
    hasil = check(wb.log_html(events))
    assert hasil.ok, [str(k) for k in hasil.kesalahan]
    got = [(e.baris, e.jenis, e.nama, e.jenis_kelamin, e.tanggal_lapor) for e in hasil.peristiwa]
    assert got == [
        (2, "LAHIR", "BAYI AISYAH", "P", DAY),
        (3, "MATI", "KAKEK AMAT", "L", DAY),
        (4, "PINDAH", "SITI", "P", DAY),
        (5, "DATANG", "BUDI", "L", DAY),
    ]
    assert hasil.peristiwa[0].tanggal_lahir == DAY
    assert [e.tingkat_pindah for e in hasil.peristiwa] == ["", "", "antar_kabupaten", ""]
    assert hasil.peristiwa[1].no_kk == "6311060101090001" and hasil.peristiwa[3].keterangan == "Dari Tabalong"


def test_a_move_out_without_its_level_has_none(awal):
    hasil = check(wb.log_html([wb.peristiwa(make_nik(), "Siti", "Pindah Keluar", DAY)]))
    assert hasil.ok, [str(k) for k in hasil.kesalahan + hasil.peringatan]
    assert hasil.peristiwa[0].tingkat_pindah == ""


def test_a_birth_without_a_nik_has_no_sex_to_read_and_says_so(awal):
    hasil = check(wb.log_html([wb.peristiwa("", "Bayi", "Lahir", DAY)]))
    error = only_error(hasil)
    assert (error.sheet, error.baris, error.kolom) == ("Log Penduduk", 2, "NIK")
    assert "tidak memuat jenis kelamin" in error.pesan


def test_the_sex_comes_from_the_desa_list_of_residents(awal, desa_a, operator_a):
    nik = make_nik("L", datetime.date(2026, 1, 3))
    daftar = DaftarRujukan.objects.create(desa=desa_a, sumber="opensid", tanggal_data=DAY, jumlah=1,
                                          diunggah_oleh=operator_a)  # fmt: skip
    PendudukRujukan.objects.create(daftar=daftar, desa=desa_a, nik=nik, nama="X", jenis_kelamin="P",
                                   tanggal_lahir=datetime.date(2026, 1, 3))  # fmt: skip
    hasil = check(wb.log_html([wb.peristiwa(nik, "Nenek", "Mati", DAY)]))
    assert hasil.ok
    assert hasil.peristiwa[0].jenis_kelamin == "P" and hasil.peristiwa[0].tanggal_lahir == datetime.date(
        2026, 1, 3
    )


def test_hilang_and_pergi_are_skipped_with_a_warning(awal):
    events = [
        wb.peristiwa(make_nik(), "Hilang", "Hilang", DAY),
        wb.peristiwa(make_nik(), "Pergi", "Pergi", DAY),
        wb.peristiwa(make_nik(), "Mati", "Mati", DAY),
    ]
    hasil = check(wb.log_html(events))
    assert hasil.ok and [e.nama for e in hasil.peristiwa] == ["MATI"]
    assert [(w.baris, w.kolom) for w in hasil.peringatan] == [(2, "Status Menjadi"), (3, "Status Menjadi")]
    assert "kode peristiwa 4" in hasil.peringatan[0].pesan and "dilewati" in hasil.peringatan[1].pesan


def test_an_unknown_status_is_an_error_naming_the_cell(awal):
    error = only_error(check(wb.log_html([wb.peristiwa(make_nik(), "A", "Kawin", DAY)])))
    assert (error.baris, error.kolom) == (2, "Status Menjadi") and "'Kawin'" in error.pesan


def test_the_same_rules_and_messages_as_our_template(awal, desa_a):
    nik = make_nik()
    events = [
        wb.peristiwa(nik, "Satu", "Mati", DAY),
        wb.peristiwa(nik, "Satu", "Pindah Keluar", DAY + datetime.timedelta(days=1)),
        wb.peristiwa("123", "Dua", "Mati", DAY),
        wb.peristiwa(make_nik(), "Tiga", "Mati", MONTH.shift(-2).awal),
    ]
    hasil = check(wb.log_html(events))
    assert [(k.baris, k.kolom) for k in hasil.kesalahan] == [
        (3, "NIK"), (4, "NIK"), (5, "Tanggal Peristiwa"),
    ]  # fmt: skip
    assert "sudah tercatat meninggal" in hasil.kesalahan[0].pesan
    assert hasil.kesalahan[1].pesan == aturan.periksa_nik("MATI", "123", None, None)[0]
    assert "sebelum bulan pertama" in hasil.kesalahan[2].pesan
    assert {k.sheet for k in hasil.kesalahan} == {"Log Penduduk"}


def test_a_locked_month_is_refused_as_in_our_template(awal, desa_a):
    LaporanBulanan.objects.create(desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=MONTH,
                                  status=Status.DIVERIFIKASI)  # fmt: skip
    error = only_error(check(wb.log_html([wb.peristiwa(make_nik(), "A", "Mati", DAY)])))
    assert error.kolom == "Tanggal Peristiwa" and "terverifikasi" in error.pesan


def test_saving_is_all_or_nothing_and_a_second_import_adds_nothing(awal, operator_a):
    good = four_events()[1:]
    bad = [*good, wb.peristiwa(make_nik(), "Rusak", "Mati", "31 Februari 2026")]
    hasil = save(wb.log_html(bad), operator_a)
    assert not hasil.ok and "bukan tanggal yang ada" in only_error(hasil).pesan
    assert not Peristiwa.objects.exists()
    first = save(wb.log_html(good), operator_a)
    assert first.ok and Peristiwa.objects.count() == 3
    assert Peristiwa.objects.first().riwayat.get().aksi == "diimpor"
    assert Peristiwa.objects.get(jenis="PINDAH").tingkat_pindah == "antar_kabupaten"
    second = save(wb.log_html(good), operator_a)
    assert second.ok and not second.ada_perubahan and second.sudah_ada == 3
    assert Peristiwa.objects.count() == 3
    # The same events saved again as .xlsx are the same events.
    assert check(wb.log_xlsx(good, nik_angka=True, tanggal_asli=True)).sudah_ada == 3


def test_the_log_saved_as_xlsx_is_read_with_its_own_rows_and_messy_cells(awal):
    events = four_events()[1:]
    events[1]["tanggal"] = DAY.strftime("%d/%m/%Y")
    content = wb.log_xlsx(events, nik_angka=True, tanggal_asli=True, sebutan_dusun="Lingkungan")
    hasil = check(content)
    assert hasil.ok, [str(k) for k in hasil.kesalahan]
    assert [e.baris for e in hasil.peristiwa] == [5, 6, 7]
    assert [e.nik for e in hasil.peristiwa] == [event["nik"] for event in events]
    assert {e.tanggal_peristiwa for e in hasil.peristiwa} == {DAY}
    wrong = wb.log_xlsx([wb.peristiwa(make_nik(), "A", "Mati", "kemarin")])
    error = only_error(check(wrong))
    assert (error.sheet, error.baris, error.kolom) == ("Log_Penduduk_2026-12-05", 5, "Tanggal Peristiwa")
    assert "5 Januari 2026" in error.pesan


@pytest.mark.parametrize(
    ("tanggal", "expected"),
    [("05 Januari 2026", datetime.date(2026, 1, 5)), ("5 Agustus 2025", datetime.date(2025, 8, 5)),
     ("1 Des 2025", datetime.date(2025, 12, 1)), ("2026-01-05", datetime.date(2026, 1, 5)),
     ("05-01-2026", datetime.date(2026, 1, 5)), ("-", None)],
)  # fmt: skip
def test_dates_as_opensid_writes_them(tanggal, expected):
    assert opensid.tanggal(tanggal) == expected


def test_a_masked_nik_is_refused(awal):
    nik = make_nik()
    masked = nik[:8] + "X" * 8
    error = only_error(check(wb.log_html([wb.peristiwa(masked, "A", "Mati", DAY)])))
    assert error.kolom == "NIK" and "disamarkan" in error.pesan


def test_a_file_that_is_not_the_log_is_refused(awal):
    with pytest.raises(BerkasDitolak, match="bukan log penduduk OpenSID"):
        check(b"<html><table><tr><td>Nama</td><td>NIK</td></tr></table></html>")
    with pytest.raises(BerkasDitolak, match="tidak dapat dibaca"):
        check(b"just text")
    with pytest.raises(BerkasDitolak, match="bukan log penduduk OpenSID"):
        check(b"<table><tr><td>\x00<!--<![CDATA[<td></tr></tabl")
    with pytest.raises(BerkasDitolak, match="kosong"):
        check(wb.log_html([]))


def test_an_operator_may_import_only_their_own_desa(awal, operator_a, desa_b):
    from kependudukan.impor.periksa import desa_boleh_for

    with pytest.raises(BerkasDitolak, match="tidak berwenang"):
        check(wb.log_html(four_events()), desa_boleh=desa_boleh_for(operator_a), pilihan=Pilihan(B, DAY))


def test_upload_preview_and_confirm_in_the_browser_steps(awal, client_for, operator_a):
    client = client_for(operator_a)
    page = client.get(UPLOAD).content.decode()
    assert "Catatan Peristiwa" in page and 'accept=".xls,.xlsx"' in page
    events = four_events()[1:]
    data = {"berkas": SimpleUploadedFile("Log_Penduduk_2026-12-05.xls", wb.log_html(events)), "desa": A}
    page = client.post(UPLOAD, data, follow=True).content.decode()
    assert "Berkas benar" in page and "KAKEK AMAT" in page
    impor = ImporBerkas.objects.get()
    assert impor.status == "siap" and not Peristiwa.objects.exists()
    url = reverse("kependudukan:impor_penduduk:peristiwa_opensid:impor_simpan", args=[impor.pk])
    page = client.post(url, follow=True).content.decode()
    assert "3 peristiwa dari log OpenSID disimpan" in page and Peristiwa.objects.count() == 3
    data["berkas"] = SimpleUploadedFile("Log_Penduduk_2026-12-05.xls", wb.log_html(events))
    page = client.post(UPLOAD, data, follow=True).content.decode()
    assert "Tidak ada peristiwa baru: 3 peristiwa" in page and Peristiwa.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_large_log_is_checked_and_saved_by_the_worker(
    awal, client_for, operator_a, settings, private_media
):
    settings.IMPOR_LATAR_BARIS = 3
    client = client_for(operator_a)
    content = wb.log_xlsx(four_events())
    client.post(UPLOAD, {"berkas": SimpleUploadedFile("Log_Penduduk.xlsx", content), "desa": A})
    impor = ImporBerkas.objects.get()
    assert impor.status == "diperiksa"
    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "siap" and impor.hasil["jumlah_peristiwa"] == 4, impor.hasil
    client.post(reverse("kependudukan:impor_penduduk:peristiwa_opensid:impor_simpan", args=[impor.pk]))
    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "disimpan" and Peristiwa.objects.filter(dicatat_oleh=operator_a).count() == 4


def test_the_upload_refuses_other_files(client_for, operator_a):
    data = {"berkas": SimpleUploadedFile("log.csv", b"a,b"), "desa": A}
    page = client_for(operator_a).post(UPLOAD, data).content.decode()
    assert "Log_Penduduk_" in page and not ImporBerkas.objects.exists()


def test_both_import_pages_link_to_it(client_for, operator_a):
    client = client_for(operator_a)
    for name in ("kependudukan:impor_unggah", "kependudukan:impor_penduduk:impor_unggah"):
        assert UPLOAD in client.get(reverse(name)).content.decode()

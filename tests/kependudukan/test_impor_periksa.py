"""The import's checks: every error names its sheet, row and column, and nothing is saved."""

import datetime
import io

import pytest
from django.utils import timezone

from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.periode import Periode
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.periksa import desa_boleh_for, periksa_berkas
from kependudukan.impor.simpan import simpan_berkas
from kependudukan.models import DataAwal, Peristiwa
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import make_peristiwa
from tests.kependudukan.workbooks import data_awal_row, event_row, workbook_bytes

pytestmark = pytest.mark.django_db

A, B, LUAR = "63.11.06.2005", "63.11.06.2014", "63.11.01.2003"
MONTH = Periode.current().previous()
DAY = MONTH.awal.replace(day=10)
LATER = timezone.localdate() + datetime.timedelta(days=3)
EARLY = MONTH.shift(-5).awal


def check(content, desa_boleh=None):
    return periksa_berkas(io.BytesIO(content), desa_boleh=desa_boleh)


def only_error(hasil):
    assert len(hasil.kesalahan) == 1, [str(k) for k in hasil.kesalahan]
    return hasil.kesalahan[0]


def with_start(*events, kode=A):
    return workbook_bytes(data_awal=[data_awal_row(kode, str(MONTH))], peristiwa=list(events))


def test_a_correct_file_is_ready_to_save(wilayah):
    content = with_start(
        event_row(A, "LAHIR", DAY, Nama="Aisyah", **{"Jenis Kelamin": "P"}),
        event_row(
            A, "KEMATIAN", DAY, NIK=make_nik("P", datetime.date(1950, 7, 4)), **{"Jenis Kelamin": "PEREMPUAN"}
        ),
        event_row(A, "PINDAH DATANG", DAY, NIK=make_nik(), **{"Kepala Keluarga": "YA"}),
        event_row(A, "PINDAH KELUAR", f"{DAY:%d/%m/%Y}", NIK=make_nik(), **{"Kode Desa Asal/Tujuan": B}),
    )
    hasil = check(content)
    assert hasil.ok, [str(k) for k in hasil.kesalahan]
    assert [e.jenis for e in hasil.peristiwa] == ["LAHIR", "MATI", "DATANG", "PINDAH"]
    assert hasil.peristiwa[2].kepala_keluarga
    assert hasil.peristiwa[3].tingkat_pindah == "antar_desa"
    assert [row.status for row in hasil.data_awal] == ["baru"]


def test_headers_are_matched_ignoring_case_and_spaces_and_extra_columns_are_ignored(wilayah):
    header = [
        "  kode desa",
        "JENIS PERISTIWA ",
        "tanggal peristiwa",
        "nik",
        "nama",
        "jenis kelamin",
        "Catatan lain",
    ]
    content = workbook_bytes(
        data_awal=[data_awal_row(A, str(MONTH))],
        peristiwa=[event_row(A, "LAHIR", DAY)],
        header_peristiwa=header,
    )
    assert check(content).ok


def test_a_missing_column_is_named(wilayah):
    header = ["Kode Desa", "Jenis Peristiwa", "Tanggal Peristiwa", "NIK", "Jenis Kelamin"]
    content = workbook_bytes(peristiwa=[event_row(A, "LAHIR", DAY)], header_peristiwa=header)
    error = only_error(check(content))
    assert (error.sheet, error.baris, error.kolom) == ("Peristiwa", 1, "Nama")
    assert "tidak ada" in error.pesan


def test_a_file_without_either_sheet_is_refused(wilayah):
    with pytest.raises(BerkasDitolak, match="Data Awal.*Peristiwa"):
        check(workbook_bytes())


def test_a_file_that_is_not_excel_is_refused(wilayah):
    with pytest.raises(BerkasDitolak, match="tidak dapat dibaca sebagai berkas Excel"):
        check(b"Nama,NIK\nAhmad,6311061203850001\n")


def test_empty_sheets_are_refused(wilayah):
    with pytest.raises(BerkasDitolak, match="kosong"):
        check(workbook_bytes(data_awal=[], peristiwa=[]))


def test_a_50000_row_file_gets_a_clear_answer(wilayah):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Peristiwa")
    sheet.append(["Kode Desa", "Jenis Peristiwa", "Tanggal Peristiwa", "NIK", "Nama", "Jenis Kelamin"])
    for number in range(50_000):
        sheet.append([A, "LAHIR", "2026-01-05", "", f"Bayi {number}", "L"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(BerkasDitolak, match="lebih dari 25.000 baris"):
        check(buffer.getvalue())


DATA_AWAL_ERRORS = [
    ({"Kode Desa": ""}, "Kode Desa", "wajib diisi"),
    ({"Kode Desa": "6311062"}, "Kode Desa", "bentuknya PP.KK.CC.DDDD"),
    ({"Kode Desa": "63.11.06.2999"}, "Kode Desa", "tidak terdaftar"),
    ({"Periode": "Agustus"}, "Periode", "bukan periode"),
    ({"Periode": str(Periode.current().next())}, "Periode", "belum berjalan"),
    ({"WNI L": -4}, "WNI L", "kurang dari 0"),
    ({"WNI L": "dua"}, "WNI L", "bukan bilangan bulat"),
    ({"WNI P": 10.5}, "WNI P", "bukan bilangan bulat"),
    ({"WNA L": None}, "WNA L", "Wajib diisi"),
    ({"Jumlah KK": 500}, "Jumlah KK", "lebih dari jumlah penduduk"),
    ({"Periode": "1999-12"}, "Periode", "terlalu lama"),
    ({"Periode": "2026-13"}, "Periode", "tidak valid"),
]


@pytest.mark.parametrize(("change", "kolom", "pesan"), DATA_AWAL_ERRORS)
def test_each_data_awal_error(wilayah, change, kolom, pesan):
    row = {**data_awal_row(A, str(MONTH)), **change}
    error = only_error(check(workbook_bytes(data_awal=[row])))
    assert (error.sheet, error.baris, error.kolom) == ("Data Awal", 2, kolom)
    assert pesan in error.pesan


def test_a_desa_stated_twice_is_an_error(wilayah):
    error = only_error(
        check(workbook_bytes(data_awal=[data_awal_row(A, "2026-01"), data_awal_row(A, "2026-02")]))
    )
    assert error.baris == 3 and "baris 2" in error.pesan


def test_data_awal_is_frozen_once_a_month_was_sent(desa_a, operator_a):
    DataAwal.objects.create(desa=desa_a, periode=MONTH, wni_l=1, wni_p=1, wna_l=0, wna_p=0, jumlah_kk=1)
    LaporanBulanan.objects.create(
        desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=MONTH, status=Status.DIKEMBALIKAN,
        pertama_dikirim_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )  # fmt: skip
    error = only_error(check(workbook_bytes(data_awal=[data_awal_row(A, str(MONTH))])))
    assert "sudah pernah dikirim" in error.pesan
    # The same numbers again are fine: nothing changes.
    same = data_awal_row(A, str(MONTH), wni_l=1, wni_p=1, kk=1)
    assert check(workbook_bytes(data_awal=[same])).ok


def test_a_first_month_after_recorded_events_is_refused(desa_a):
    DataAwal.objects.create(
        desa=desa_a, periode=MONTH.shift(-3), wni_l=9, wni_p=9, wna_l=0, wna_p=0, jumlah_kk=5
    )
    make_peristiwa(desa_a, "LAHIR", MONTH.shift(-2).awal)
    error = only_error(check(workbook_bytes(data_awal=[data_awal_row(A, str(MONTH))])))
    assert "sudah punya peristiwa" in error.pesan


PERISTIWA_ERRORS = [
    ({"Kode Desa": LUAR}, "Kode Desa", "tidak berwenang"),
    ({"Jenis Peristiwa": "CERAI"}, "Jenis Peristiwa", "bukan jenis peristiwa"),
    ({"Jenis Peristiwa": ""}, "Jenis Peristiwa", "wajib diisi"),
    ({"Tanggal Peristiwa": "31/02/2026"}, "Tanggal Peristiwa", "bukan tanggal"),
    ({"Tanggal Peristiwa": None}, "Tanggal Peristiwa", "wajib diisi"),
    ({"Tanggal Peristiwa": "01/01/1800"}, "Tanggal Peristiwa", "tidak masuk akal"),
    ({"Tanggal Peristiwa": LATER}, "Tanggal Peristiwa", "belum terjadi"),
    ({"Tanggal Lapor": DAY - datetime.timedelta(days=2)}, "Tanggal Lapor", "sebelum tanggal peristiwa"),
    ({"Tanggal Lapor": EARLY, "Tanggal Peristiwa": EARLY}, "Tanggal Lapor", "sebelum bulan pertama"),
    ({"Jenis Peristiwa": "MATI", "NIK": ""}, "NIK", "NIK wajib diisi"),
    ({"NIK": "63110612038500011"}, "NIK", "16 angka"),
    ({"NIK": "6311063213850001", "Jenis Peristiwa": "DATANG"}, "NIK", "bukan tanggal lahir"),
    ({"No. KK": "0000000000000000"}, "No. KK", "nol"),
    ({"Nama": ""}, "Nama", "wajib diisi"),
    ({"Nama": "A" * 101}, "Nama", "Terlalu panjang"),
    ({"Jenis Kelamin": "X"}, "Jenis Kelamin", "bukan jenis kelamin"),
    ({"Tanggal Lahir": "1990-01-01"}, "Tanggal Lahir", "tanggal lahir adalah tanggal peristiwa"),
    ({"Kewarganegaraan": "ASING"}, "Kewarganegaraan", "bukan kewarganegaraan"),
    ({"Kepala Keluarga": "MUNGKIN"}, "Kepala Keluarga", "bukan isian Kepala Keluarga"),
    ({"RT": "RW 2"}, "RT", "bukan nomor RT"),
    ({"Jenis Peristiwa": "PINDAH", "NIK": "6311061203850001", "Kode Desa Asal/Tujuan": "63.11.06.2999"},
     "Kode Desa Asal/Tujuan", "tidak terdaftar"),
    ({"Jenis Peristiwa": "PINDAH", "NIK": "6311061203850001", "Kode Desa Asal/Tujuan": A},
     "Kode Desa Asal/Tujuan", "desa itu sendiri"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "kolom", "pesan"), PERISTIWA_ERRORS)
def test_each_peristiwa_error(wilayah, change, kolom, pesan):
    row = {**event_row(A, "LAHIR", DAY), **change}
    hasil = check(with_start(row), desa_boleh={A, B})
    error = only_error(hasil)
    assert (error.sheet, error.baris, error.kolom) == ("Peristiwa", 2, kolom)
    assert pesan in error.pesan
    assert not hasil.peristiwa


def test_events_need_a_data_awal_in_the_file_or_saved(wilayah):
    error = only_error(check(workbook_bytes(peristiwa=[event_row(A, "LAHIR", DAY)])))
    assert "belum diisi" in error.pesan


def test_a_row_repeated_in_the_file_is_an_error(wilayah):
    error = only_error(check(with_start(event_row(A, "LAHIR", DAY), event_row(A, "LAHIR", DAY))))
    assert error.baris == 3 and "sama dengan baris 2" in error.pesan


def test_a_second_death_in_the_file_is_an_error(wilayah):
    nik = make_nik()
    rows = [
        event_row(A, "MATI", DAY, NIK=nik),
        event_row(A, "MATI", DAY + datetime.timedelta(days=1), NIK=nik),
    ]
    error = only_error(check(with_start(*rows)))
    assert error.baris == 3 and "sudah tercatat meninggal" in error.pesan


def test_rows_of_a_locked_month_are_refused(desa_a):
    LaporanBulanan.objects.create(
        desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=MONTH, status=Status.DIVERIFIKASI
    )
    DataAwal.objects.create(desa=desa_a, periode=MONTH, wni_l=9, wni_p=9, wna_l=0, wna_p=0, jumlah_kk=5)
    error = only_error(check(workbook_bytes(peristiwa=[event_row(A, "LAHIR", DAY)])))
    assert error.kolom == "Tanggal Lapor" and "terverifikasi" in error.pesan


def test_a_nik_warning_does_not_stop_the_import_and_is_kept(wilayah):
    nik = make_nik("P")
    hasil = check(with_start(event_row(A, "DATANG", DAY, NIK=nik, **{"Jenis Kelamin": "L"})))
    assert hasil.ok
    assert hasil.peringatan and hasil.peringatan[0].baris == 2
    assert "perempuan" in hasil.peristiwa[0].peringatan[0]


def test_an_operator_may_import_only_their_own_desa(operator_a, desa_b):
    content = workbook_bytes(data_awal=[data_awal_row(A, str(MONTH)), data_awal_row(B, str(MONTH))])
    error = only_error(check(content, desa_boleh=desa_boleh_for(operator_a)))
    assert error.baris == 3 and "Lok Batung" in error.pesan


def test_the_kasi_trantib_imports_for_the_kecamatan_only(kasi_trantib, desa_luar):
    allowed = desa_boleh_for(kasi_trantib)
    assert len(allowed) == 16
    content = workbook_bytes(
        data_awal=[
            data_awal_row(A, str(MONTH)),
            data_awal_row(B, str(MONTH)),
            data_awal_row(LUAR, str(MONTH)),
        ]
    )
    error = only_error(check(content, desa_boleh=allowed))
    assert error.baris == 4


def test_one_wrong_row_saves_nothing(operator_a):
    content = with_start(event_row(A, "LAHIR", DAY), event_row(A, "LAHIR", DAY, Nama=""))
    hasil = simpan_berkas(io.BytesIO(content), user=operator_a, desa_boleh={A})
    assert not hasil.ok
    assert not DataAwal.objects.exists() and not Peristiwa.objects.exists()


def test_importing_the_same_file_twice_adds_nothing(operator_a):
    content = with_start(
        event_row(A, "LAHIR", DAY, Nama="Aisyah"), event_row(A, "DATANG", DAY, NIK=make_nik())
    )
    first = simpan_berkas(io.BytesIO(content), user=operator_a, desa_boleh={A}, nama_berkas="a.xlsx")
    assert first.ok and Peristiwa.objects.count() == 2
    assert Peristiwa.objects.first().riwayat.get().aksi == "diimpor"
    second = simpan_berkas(io.BytesIO(content), user=operator_a, desa_boleh={A})
    assert second.ok and not second.ada_perubahan
    assert second.sudah_ada == 2
    assert [row.status for row in second.data_awal] == ["sama"]
    assert Peristiwa.objects.count() == 2


def test_a_saved_row_of_a_month_sent_since_is_skipped_not_refused(operator_a, desa_a):
    content = with_start(event_row(A, "LAHIR", DAY))
    simpan_berkas(io.BytesIO(content), user=operator_a, desa_boleh={A})
    # The import locked (and so made) the month's ledger row; the month is sent since.
    LaporanBulanan.objects.filter(desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=MONTH).update(
        status=Status.DIKIRIM
    )
    again = check(content)
    assert again.ok and again.sudah_ada == 1


def test_dates_are_read_in_every_allowed_form(wilayah):
    rows = [
        event_row(A, "LAHIR", DAY, Nama="Satu"),
        event_row(A, "LAHIR", DAY.isoformat(), Nama="Dua"),
        event_row(A, "LAHIR", DAY.strftime("%d-%m-%Y"), Nama="Tiga"),
        event_row(A, "LAHIR", DAY.strftime("%d/%m/%Y"), Nama="Empat"),
    ]
    hasil = check(with_start(*rows))
    assert hasil.ok
    assert {event.tanggal_peristiwa for event in hasil.peristiwa} == {DAY}
    assert all(event.tanggal_lapor == DAY for event in hasil.peristiwa)  # empty lapor = peristiwa


def test_leaving_returning_and_leaving_again_is_fine_in_any_row_order(wilayah):
    nik = make_nik()
    start = MONTH.shift(-4)
    content = workbook_bytes(
        data_awal=[data_awal_row(A, str(start))],
        peristiwa=[
            event_row(A, "PINDAH", MONTH.awal.replace(day=20), NIK=nik),
            event_row(A, "DATANG", MONTH.shift(-2).awal.replace(day=5), NIK=nik),
            event_row(A, "PINDAH", MONTH.shift(-3).awal.replace(day=5), NIK=nik),
        ],
    )
    assert check(content).ok


def test_two_departures_without_a_return_are_refused_in_any_row_order(wilayah):
    nik = make_nik()
    content = workbook_bytes(
        data_awal=[data_awal_row(A, str(MONTH.shift(-4)))],
        peristiwa=[
            event_row(A, "PINDAH", MONTH.awal.replace(day=20), NIK=nik),
            event_row(A, "PINDAH", MONTH.shift(-3).awal.replace(day=5), NIK=nik),
        ],
    )
    error = only_error(check(content))
    assert error.baris == 3 and "sesudah peristiwa ini" in error.pesan


def test_a_check_reads_only_the_desa_its_file_names(wilayah):
    """A national installation holds 83,762 desa: the check looks up the few its rows name."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.wilayah import muat_kabupaten

    muat_kabupaten("63.09")  # 131 more desa that the file does not name
    content = with_start(event_row(A, "PINDAH KELUAR", DAY, NIK=make_nik(), **{"Kode Desa Asal/Tujuan": B}))
    with CaptureQueriesContext(connection) as queries:
        hasil = check(content)
    assert not hasil.kesalahan, [str(k) for k in hasil.kesalahan]
    on_desa = [query["sql"] for query in queries if 'FROM "desa_desa"' in query["sql"]]
    assert on_desa and all("WHERE" in sql for sql in on_desa), on_desa

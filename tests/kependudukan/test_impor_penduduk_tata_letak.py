"""Reading SIAK, BIP and OpenSID exports: each layout recognised, each person's cells taken as the
upstream readers take them, and every wrong value named by sheet, row and column."""

import datetime
import io

import pytest

from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.luar.periksa import periksa_berkas
from kependudukan.impor.luar.pilihan import Pilihan
from kependudukan.impor.luar.tata_letak import TIDAK_DIKENAL
from tests.factories.identitas import make_nik
from tests.kependudukan import workbooks_penduduk as wb
from tests.kependudukan.bom import MB, empty_rows, header_row, write_bomb
from tests.kependudukan.workbooks import data_awal_row, workbook_bytes

pytestmark = pytest.mark.django_db

A = "63.11.06.2005"
HARI = datetime.date(2026, 11, 30)
KK1, KK2 = "6311060101200001", "6311060101200002"
BAPAK = make_nik("L", datetime.date(1980, 3, 30), serial=1)
IBU = make_nik("P", datetime.date(1983, 3, 30), serial=2)
NENEK = make_nik("P", datetime.date(1950, 7, 1), serial=3)

BUILDERS = {
    "SIAK (Dukcapil)": wb.siak,
    "BIP 2016": wb.bip2016,
    "BIP 2012": wb.bip2012,
    "BIP 2016 (Luwu Timur)": wb.bip2016_luwutimur,
    "BIP e-KTP": wb.bip_ektp,
    "Ekspor penduduk OpenSID": wb.opensid,
}


def keluarga():
    return [
        wb.orang(BAPAK, KK1, "ACHMAD JULIANTONO", lahir=datetime.date(1980, 3, 30), shdk="Kepala Keluarga"),
        wb.orang(IBU, KK1, "SUMINI", jk="P", lahir=datetime.date(1983, 3, 30), shdk="Istri"),
        wb.orang(
            NENEK, KK2, "KASTURI", jk="P", lahir=datetime.date(1950, 7, 1), shdk="Kepala Keluarga", rt="004"
        ),
    ]


def periksa(content, **kwargs):
    return periksa_berkas(
        io.BytesIO(content), desa_boleh={A}, pilihan=Pilihan(A, HARI), hari_ini=HARI, **kwargs
    )


@pytest.mark.parametrize("label", BUILDERS)
def test_each_layout_is_recognised_and_read_person_by_person(wilayah, label):
    hasil = periksa(BUILDERS[label](keluarga()))
    assert hasil.ok, hasil.kesalahan
    assert hasil.tata_letak.label == label
    read = {p.nik: p for p in hasil.penduduk}
    assert list(read) == [BAPAK, IBU, NENEK]
    assert [p.no_kk for p in hasil.penduduk] == [KK1, KK1, KK2]
    assert [p.nama for p in hasil.penduduk] == ["ACHMAD JULIANTONO", "SUMINI", "KASTURI"]
    assert [p.jenis_kelamin for p in hasil.penduduk] == ["L", "P", "P"]
    assert [p.kepala_keluarga for p in hasil.penduduk] == [True, False, True]
    assert read[IBU].tanggal_lahir == datetime.date(1983, 3, 30)
    assert read[BAPAK].nomor_rt == 1 and read[NENEK].nomor_rt == 4
    assert hasil.usulan() == {
        "wni_l": 1,
        "wni_p": 2,
        "wna_l": 0,
        "wna_p": 0,
        "jumlah_kk": 2,
        "jumlah_jiwa": 3,
    }


@pytest.mark.parametrize("label", BUILDERS)
def test_dates_written_as_text_and_niks_stored_as_numbers_are_read(wilayah, label):
    hasil = periksa(BUILDERS[label](keluarga(), nik_angka=True, tanggal_teks=True))
    assert hasil.ok, hasil.kesalahan
    assert [p.nik for p in hasil.penduduk] == [BAPAK, IBU, NENEK]
    assert [p.tanggal_lahir for p in hasil.penduduk] == [
        datetime.date(1980, 3, 30),
        datetime.date(1983, 3, 30),
        datetime.date(1950, 7, 1),
    ]


def test_a_nik_stored_as_a_number_that_ends_in_zero_is_kept_with_a_warning(wilayah):
    rounded = make_nik("L", datetime.date(1980, 3, 30), serial=10)
    hasil = periksa(wb.siak([wb.orang(rounded, KK1, "KASBINO")], nik_angka=True))
    assert hasil.ok and hasil.penduduk[0].nik == rounded
    assert "15 angka" in hasil.peringatan[0].pesan and hasil.peringatan[0].kolom == "NIK (B)"


def test_a_nik_excel_turned_into_an_exponent_is_refused_with_its_cell(wilayah):
    hasil = periksa(wb.siak([wb.orang("6,31106E+15", KK1, "KASBINO")]))
    assert not hasil.ok
    (kesalahan,) = hasil.kesalahan
    assert (kesalahan.sheet, kesalahan.baris, kesalahan.kolom) == ("Sheet1", 2, "NIK (B)")
    assert "Teks" in kesalahan.pesan


def test_a_nik_with_leading_zeros_keeps_them(wilayah):
    nol = make_nik("L", datetime.date(1990, 1, 15), wilayah="010203", serial=7)
    hasil = periksa(wb.opensid([wb.orang(nol, KK1, "KARDIM")]))
    assert hasil.ok and hasil.penduduk[0].nik == "0102031501900007"


def test_nik_zero_counts_in_the_data_awal_but_is_not_kept_as_a_nik(wilayah):
    bayi = wb.orang("0", KK1, "BAYI KASTURI", jk="P", lahir=datetime.date(2026, 10, 1))
    hasil = periksa(wb.siak([*keluarga(), bayi]))
    assert hasil.ok
    assert "0" not in {p.nik for p in hasil.penduduk} and len(hasil.penduduk) == 3
    assert hasil.tanpa_nik == 1 and hasil.usulan()["wni_p"] == 3 and hasil.usulan()["jumlah_jiwa"] == 4


def test_people_no_longer_living_in_the_desa_are_left_out(wilayah):
    people = keluarga()
    people[2]["status"] = "Mati"
    people.append(wb.orang(make_nik(), KK2, "RUSWIYO", status="Pindah Dalam Negeri"))
    hasil = periksa(wb.siak(people))
    assert hasil.ok and hasil.bukan_penduduk == 2
    assert [p.nama for p in hasil.penduduk] == ["ACHMAD JULIANTONO", "SUMINI"]


def test_a_title_merged_above_the_siak_header_is_passed_over(wilayah):
    hasil = periksa(wb.siak(keluarga(), judul="DATA PENDUDUK DESA LASUNG BATU"))
    assert hasil.ok and hasil.tata_letak.kode == "siak" and len(hasil.penduduk) == 3
    assert hasil.penduduk[0].baris == 3  # the title row, the header, then the first person


def test_opensid_stops_at_its_end_of_data_mark_and_reads_wna(wilayah):
    asing = wb.orang(make_nik(), KK2, "JOHN SMITH", wn="2")
    content = wb.opensid([*keluarga(), asing], akhir="###")
    hasil = periksa(content)
    assert hasil.ok and hasil.usulan()["wna_l"] == 1 and hasil.penduduk[-1].kewarganegaraan == "WNA"


def test_every_wrong_value_is_named_by_sheet_row_and_column(wilayah):
    people = keluarga()
    people[0]["nik"] = "631106300380"  # 12 digits
    people[1]["jk"] = "X"
    people[2]["lahir"] = "31-02-1950"
    hasil = periksa(wb.siak(people))
    found = {(k.sheet, k.baris, k.kolom) for k in hasil.kesalahan}
    assert found == {
        ("Sheet1", 2, "NIK (B)"),
        ("Sheet1", 3, "Kelamin (G)"),
        ("Sheet1", 4, "Tanggal Lahir (F)"),
    }
    assert all(k.pesan for k in hasil.kesalahan)


def test_a_bip_member_error_names_the_member_row(wilayah):
    people = keluarga()
    people[1]["nik"] = ""
    hasil = periksa(wb.bip2016(people))
    (kesalahan,) = hasil.kesalahan
    assert (kesalahan.sheet, kesalahan.baris, kesalahan.kolom) == ("BIP_Desa-Kel_1", 12, "NIK (C)")
    assert "Tulis 0" in kesalahan.pesan


def test_the_same_nik_twice_is_refused(wilayah):
    people = keluarga()
    people[2]["nik"] = BAPAK
    hasil = periksa(wb.siak(people))
    assert [k.pesan for k in hasil.kesalahan] == [
        f"NIK {BAPAK} sudah ada di baris 2: satu NIK satu penduduk."
    ]


def test_a_siak_file_of_several_desa_is_refused_since_names_never_decide(wilayah):
    people = keluarga()
    people[2]["desa"] = "BARUH BAHINU DALAM"
    hasil = periksa(wb.siak(people))
    assert not hasil.ok and "lebih dari satu desa" in hasil.kesalahan[0].pesan


def test_an_unknown_layout_is_refused_with_the_layouts_it_knows(wilayah):
    own_template = workbook_bytes(data_awal=[data_awal_row(A, "2026-01")])
    with pytest.raises(BerkasDitolak) as refused:
        periksa(own_template)
    assert str(refused.value) == TIDAK_DIKENAL and "SIAK" in TIDAK_DIKENAL and "OpenSID" in TIDAK_DIKENAL


def test_an_old_xls_or_broken_file_is_refused_in_words(wilayah):
    with pytest.raises(BerkasDitolak, match=r"simpan sebagai 'Excel Workbook \(.xlsx\)'"):
        periksa(b"\xd0\xcf\x11\xe0 an old BIFF file")


def test_a_desa_the_importer_may_not_write_is_refused(wilayah):
    with pytest.raises(BerkasDitolak, match="tidak berwenang"):
        periksa_berkas(
            io.BytesIO(wb.siak(keluarga())), desa_boleh={"63.11.06.2014"}, pilihan=Pilihan(A, HARI)
        )


def test_a_workbook_bomb_is_refused_by_what_it_expands_to(wilayah, tmp_path):
    target = tmp_path / "bom.xlsx"
    template = io.BytesIO(wb.siak(keluarga()))
    write_bomb(
        template, target, "xl/worksheets/sheet1.xml", empty_rows(header_row(wb.SIAK_HEADER[:3]), 60 * MB)
    )
    with pytest.raises(BerkasDitolak, match="terlalu"):
        with open(target, "rb") as source:
            periksa(source.read())

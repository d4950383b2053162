"""Workbooks in the upstream export layouts, as OpenSID's readers expect them (see
kependudukan.impor.luar): SIAK, the four BIP variants, and OpenSID's own population export.

A person is a dict: nik, no_kk, nama, jk, lahir (a date, or text as some exports write it),
tempat, shdk, status, rt, wn. `nik_angka` stores every NIK as a number, as a file retyped in
Excel does; `tanggal_teks` writes birth dates as text; the BIP headers are merged as Dukcapil's are.
"""

import datetime
import io

from openpyxl import Workbook

SIAK_HEADER = [
    "Nomor KK", "NIK", "Nama Penduduk", "Status", "Tempat Lahir", "Tanggal Lahir", "Kelamin", "NIK Ayah",
    "Ayah", "NIK Ibu", "Ibu", "Status Kawin", "SHDK", "Agama", "Kecamatan", "Desa/Kel", "Alamat", "RW", "RT",
    "Pendidikan", "Pekerjaan", "Deskripsi Pekerjaan", "Gol. Darah", "Cacat", "Cetak KTP", "Ganti KTP",
    "KTP Berakhir", "Nomor Paspor", "Nomor Akta Lahir", "Nomor Akta Kawin", "Tanggal Kwn", "Nomor Akta Cerai",
    "Tgl Cerai", "Petugas Registrasi", "Tgl Ubah", "Petugas Entri", "Tgl Entri",
]  # fmt: skip
OPENSID_HEADER = [
    "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir", "agama_id",
    "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id", "status_kawin", "kk_level", "warganegara_id",
    "nama_ayah", "nama_ibu", "golongan_darah_id",
]  # fmt: skip
EKTP_HEADER = [
    "NO", "Nama Lengkap", "NIK", "Tempat Lahir", "Tanggal Lahir", "JK", "Stat Kwn", "Gol. Drh", "SHDK",
    "Agama", "Pendidikan Terakhir", "No Akta Lahir", "Pekerjaan", "Nama Ibu", "Nama Ayah", "Wjb KTP",
    "KTP-eL", "Status", "Stat Rkm",
]  # fmt: skip


def orang(nik, no_kk, nama, jk="L", lahir=datetime.date(1990, 1, 15), **more):
    return {"nik": nik, "no_kk": no_kk, "nama": nama, "jk": jk, "lahir": lahir, "tempat": "PARINGIN",
            "shdk": "Anak", "status": "Hidup", "rt": "001", "wn": "1", **more}  # fmt: skip


def _bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _nik(value, nik_angka):
    return int(value) if nik_angka and str(value).isdigit() else value


def _tanggal(cell, value, tanggal_teks, number_format="dd-mm-yyyy"):
    if isinstance(value, datetime.date) and tanggal_teks:
        cell.value = value.strftime("%d-%m-%Y")
    else:
        cell.value = value
        if isinstance(value, datetime.date):
            cell.number_format = number_format


def siak(people, *, desa="LASUNG BATU", nik_angka=False, tanggal_teks=False, judul=None):
    """Sheet1 of a SIAK export: one header row (A1 'Nomor KK' … AH1 'Petugas Registrasi'), a person a row.

    `judul` adds a title merged across the columns above the header, as some offices print it.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    if judul:
        sheet.append([judul])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=37)
    sheet.append(SIAK_HEADER)
    for person in people:
        row = [None] * 37
        row[0], row[1], row[2] = (
            _nik(person["no_kk"], nik_angka),
            _nik(person["nik"], nik_angka),
            person["nama"],
        )
        row[3], row[4], row[6] = (
            person["status"],
            person["tempat"],
            {"L": "Laki-Laki", "P": "Perempuan"}.get(person["jk"], person["jk"]),
        )
        row[12], row[13], row[14] = person["shdk"], "Islam", "PARINGIN"
        row[15], row[16], row[17], row[18] = person.get("desa", desa), "DSN JIWET", "000", person["rt"]
        row[33], row[36] = "opr_kec184", datetime.datetime(2024, 5, 2, 9, 30)
        sheet.append(row)
        _tanggal(sheet.cell(sheet.max_row, 6), person["lahir"], tanggal_teks, "d-m-yyyy")
    return _bytes(workbook)


def _families(people):
    families = {}
    for person in people:
        families.setdefault(person["no_kk"], []).append(person)
    return families


def bip2016(people, *, nik_angka=False, tanggal_teks=False):
    """BIP 2016 (Bip2016_model): a title block, merged two-row column headers, then per family a
    'No. KK : …' row with its address in column C and its members numbered in column A."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "BIP_Desa-Kel_1"
    sheet["A1"] = "BUKU INDUK PENDUDUK WNI"
    sheet.merge_cells("A1:L1")
    for row, (label, value) in enumerate(
        [("PROVINSI", "KALIMANTAN SELATAN"), ("KABUPATEN/KOTA", "BALANGAN"), ("KECAMATAN", "PARINGIN"),
         ("DESA/KELURAHAN", "LASUNG BATU"), ("PERIODE/TANGGAL", "16-04-2026")], start=2
    ):  # fmt: skip
        sheet.cell(row, 1, label)
        sheet.cell(row, 3, f": {value}")
    header = ["No", "Nama Lengkap", "NIK", "Tempat dan Tanggal Lahir", None, "JK", "SHDK", "Agama",
              "Pendidikan Terakhir", "Pekerjaan", "Nama Orang Tua Kandung", None]  # fmt: skip
    for column, text in enumerate(header, start=1):
        sheet.cell(8, column, text)
    for column, text in [(4, "Tempat Lahir"), (5, "Tgl/Bln/Th"), (11, "Ibu"), (12, "Ayah")]:
        sheet.cell(9, column, text)
    for columns in ("A8:A9", "B8:B9", "C8:C9", "D8:E8", "F8:F9", "G8:G9", "K8:L8"):
        sheet.merge_cells(columns)
    row = 10
    for no_kk, members in _families(people).items():
        sheet.cell(row, 1, f"No. KK : {no_kk} ")
        sheet.cell(row, 3, f"Alamat : LASUNG BATU, Nama Dusun : -, RT/RW : {members[0]['rt']}/001")
        row += 1
        for number, person in enumerate(members, start=1):
            values = [number, person["nama"], _nik(person["nik"], nik_angka), person["tempat"], None,
                      {"L": "Lk", "P": "Pr"}[person["jk"]], person["shdk"].upper(), "ISLAM",
                      "TAMAT SD/SEDERAJAT", "PETANI/PEKEBUN", "INAQ", "AMAQ"]  # fmt: skip
            for column, value in enumerate(values, start=1):
                sheet.cell(row, column, value)
            _tanggal(sheet.cell(row, 5), person["lahir"], tanggal_teks)
            row += 1
    sheet.cell(row + 1, 1, "Keterangan: Lk = Laki-laki, Pr = Perempuan")
    return _bytes(workbook)


def _row(sheet, row, values, start=2):
    for column, value in enumerate(values, start=start):
        sheet.cell(row, column, value)


def _members(sheet, row, members, kolom_h, nik_angka, tanggal_teks):
    """The member rows of BIP 2012 and Luwu Timur, from column B (NO, NIK, NAMA, JK, TMPT LHR, TGL LHR,
    then KTPEL or G.DRH in H, AGAMA, STATUS, HUB. KEL); returns the row after them."""
    for number, person in enumerate(members, start=1):
        nik = _nik(person["nik"], nik_angka)
        values = [
            number,
            nik,
            person["nama"],
            person["jk"],
            person["tempat"],
            None,
            kolom_h,
            "Islam",
            "Kawin",
        ]
        _row(sheet, row, [*values, person["shdk"]])
        _tanggal(sheet.cell(row, 7), person["lahir"], tanggal_teks)
        row += 1
    return row


def bip2012(people, *, nik_angka=False, tanggal_teks=False):
    """BIP 2012 (Bip2012_model): per family a 'NO.KK' label row in column B, its values on the next
    row (address 'DUSUN …, RT:001, Kodepos:…' in G), the member header, then the members."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Contoh BIP 2012"
    sheet["B1"] = "BUKU INDUK KEPENDUDUKAN KABUPATEN BALANGAN"
    for row, label in enumerate(["PROVINSI :", "KABUPATEN:", "KECAMATAN :.", "DESA :"], start=2):
        sheet.cell(row, 2, label)
    row = 7
    for no_kk, members in _families(people).items():
        sheet.cell(row, 2, "NO.KK")
        sheet.cell(row, 3, "NAMA.KK")
        sheet.cell(row, 7, "ALAMAT")
        sheet.cell(row + 1, 2, _nik(no_kk, nik_angka))
        sheet.cell(row + 1, 3, members[0]["nama"])
        sheet.cell(row + 1, 7, f"DUSUN KERANDANGAN, RT:{members[0]['rt']}, Kodepos:71662,-")
        header = ["NO", "NIK", "NAMA", "JK", "TMPT LHR", "TGL LHR", "KTPEL", "AGAMA", "STATUS", "HUB. KEL",
                  "PENDIDIKAN", "PEKERJAAN", "NAMA IBU", "NAMA AYAH", "NO.AKTE LAHIR"]  # fmt: skip
        _row(sheet, row + 2, header)
        row = _members(sheet, row + 3, members, "SENT_FOR_CARD_PRINTING", nik_angka, tanggal_teks)
        row += 1  # a blank row between families, as the printed book has
    return _bytes(workbook)


def bip2016_luwutimur(people, *, nik_angka=False, tanggal_teks=False):
    """BIP 2016 Luwu Timur: per family a block titled in column B, No. KK and RT/RW in column L,
    the member header on the block's eighth row and the members below it."""
    workbook = Workbook()
    sheet = workbook.active
    row = 1
    for no_kk, members in _families(people).items():
        sheet.cell(row, 2, "BUKU INDUK KEPENDUDUKAN KABUPATEN BALANGAN (DAFTAR  KELUARGA)")
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=15)
        block = [("PROVINSI :", "KALIMANTAN SELATAN", "NO. KK :", _nik(no_kk, nik_angka)),
                 ("KABUPATEN :", "BALANGAN", "NAMA. KK :", members[0]["nama"]),
                 ("KECAMATAN :", "PARINGIN", "ALAMAT :", "DSN. LASUNG,Kodepos :71662,Telp :,-"),
                 ("DESA :", "LASUNG BATU", "NO.RT/RW :", f"{members[0]['rt']}/001")]  # fmt: skip
        for offset, (label, value, label_kanan, value_kanan) in enumerate(block, start=2):
            sheet.cell(row + offset, 2, label)
            sheet.cell(row + offset, 3, value)
            sheet.cell(row + offset, 11, label_kanan)
            sheet.cell(row + offset, 12, value_kanan)
        header = ["NO", "NIK", "NAMA", "JK", "TMPT LHR", "TGL LHR", "G.DRH", "AGAMA", "STATUS", "HUB.KEL",
                  "PENDIDIKAN", "PEKERJAAN", "NAMA IBU", "NAMA AYAH", "KET"]  # fmt: skip
        _row(sheet, row + 7, header)
        row = _members(sheet, row + 8, members, "O", nik_angka, tanggal_teks) + 2
    return _bytes(workbook)


def bip_ektp(people, *, nik_angka=False, tanggal_teks=True):
    """BIP e-KTP: the member header in row 1 ('Wjb KTP' in P1, 'KTP-eL' in Q1); a family row has
    the No. KK in column A, nothing in B, and 'DESA … RT/RW : 002/000 DUSUN : -' in L. Its dates
    are text, as in Bip_ektp_model's example."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(EKTP_HEADER)
    for no_kk, members in _families(people).items():
        family = [None] * 19
        family[0], family[2] = _nik(no_kk, nik_angka), members[0]["nama"]
        family[11] = f"DESA LASUNG BATU RT/RW : {members[0]['rt']}/000 DUSUN : -"
        sheet.append(family)
        for number, person in enumerate(members, start=1):
            sheet.append([number, person["nama"], _nik(person["nik"], nik_angka), person["tempat"], None,
                          {"L": "Lk", "P": "Pr"}[person["jk"]], "K", "-", person["shdk"].upper(), "ISLAM",
                          "TAMAT SD / SEDERAJAT", "-", "PETANI/PEKEBUN", "INAQ", "AMAQ", "WAJIB", "KTP-eL",
                          "SDH DPT", "CARD SHIPPED"])  # fmt: skip
            _tanggal(sheet.cell(sheet.max_row, 5), person["lahir"], tanggal_teks)
    return _bytes(workbook)


def opensid(people, *, nik_angka=False, tanggal_teks=True, akhir="###"):
    """OpenSID's population export (Ekspor_model::expor): field names in row 1, codes in the cells
    (sex 1/2, kk_level 1 = kepala keluarga, warganegara_id 1 WNI / 2 WNA), dates as Y-m-d text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data Penduduk"
    sheet.append(OPENSID_HEADER)
    for person in people:
        kk_level = "1" if person["shdk"].upper() == "KEPALA KELUARGA" else "4"
        lahir = person["lahir"]
        sheet.append(["LASUNG BATU", "-", "-", person["rt"], person["nama"], _nik(person["no_kk"], nik_angka),
                      _nik(person["nik"], nik_angka), {"L": "1", "P": "2"}[person["jk"]], person["tempat"],
                      lahir.isoformat() if tanggal_teks and isinstance(lahir, datetime.date) else lahir,
                      "1", "3", "", "1", "2", kk_level, person["wn"], "AMAQ", "INAQ", ""])  # fmt: skip
    if akhir:
        sheet.append([akhir])
    return _bytes(workbook)

"""Recognising an export's layout and taking each person's cells from it, by OpenSID's rules.

Every reader yields `Orang`: the raw cells of one person (by field name) and, for each, the column
it came from, so that a wrong value is named by sheet, row and column. Positions are 1-based, as
OpenSID's reader numbers them; the comments name the upstream function each rule follows.
"""

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from kependudukan.impor import nilai
from kependudukan.impor.luar.berkas import sel
from kependudukan.models import SumberRujukan

# Rows searched for a header: a title merged above it pushes it down a row or two.
BARIS_JUDUL = 10
# donjo-app/models/Siak_model.php KOLOM_IMPOR_SIAK, plus "Desa/Kel" (column 16 of the export).
KOLOM_SIAK = {
    "no_kk": (1, "Nomor KK"),
    "nik": (2, "NIK"),
    "nama": (3, "Nama Penduduk"),
    "status": (4, "Status"),
    "tempat_lahir": (5, "Tempat Lahir"),
    "tanggal_lahir": (6, "Tanggal Lahir"),
    "jenis_kelamin": (7, "Kelamin"),
    "shdk": (13, "SHDK"),
    "desa_nama": (16, "Desa/Kel"),
    "rt": (19, "RT"),
}
# donjo-app/models/Impor_model.php $daftar_kolom: the field names OpenSID's export writes.
KOLOM_OPENSID = {
    "nik": "nik",
    "no_kk": "no_kk",
    "nama": "nama",
    "jenis_kelamin": "sex",
    "tempat_lahir": "tempatlahir",
    "tanggal_lahir": "tanggallahir",
    "rt": "rt",
    "shdk": "kk_level",
    "kewarganegaraan": "warganegara_id",
    "status": "status_dasar",
}


@dataclass
class Orang:
    sheet: str
    baris: int
    nilai: dict = field(default_factory=dict)
    kolom: dict = field(default_factory=dict)

    def ambil(self, rows, name, baris, kolom, header):
        self.nilai[name] = sel(rows, baris, kolom)
        where = f"{header} ({get_column_letter(kolom)}{'' if baris == self.baris else baris})"
        self.kolom[name] = where


@dataclass(frozen=True)
class TataLetak:
    kode: str
    label: str
    sumber: str
    baca: object  # (sheets) -> iterator of Orang
    cocok: object  # (sheets) -> bool


def _teks(value):
    return nilai.text(value)


def _pertama(cocok):
    """Upstream recognises a layout by the first sheet alone."""
    return lambda sheets: bool(cocok(sheets[0][1]))


def _siak_header(rows):
    # Bip_model::cari_format_bip: strtolower(A1) == 'nomor kk' and strtolower(AH1) == 'petugas registrasi'
    for baris in range(1, min(len(rows), BARIS_JUDUL) + 1):
        if (
            _teks(sel(rows, baris, 1)).lower() == "nomor kk"
            and _teks(sel(rows, baris, 34)).lower() == "petugas registrasi"
        ):
            return baris
    return None


def _baca_siak(sheets):
    name, rows = sheets[0]
    header = _siak_header(rows)
    for baris in range(header + 1, len(rows) + 1):
        # Siak_model::impor_data_bip: a row whose first three cells are empty holds no person.
        if not any(_teks(sel(rows, baris, kolom)) for kolom in (1, 2, 3)):
            continue
        orang = Orang(name, baris)
        for key, (kolom, label) in KOLOM_SIAK.items():
            orang.ambil(rows, key, baris, kolom, label)
        yield orang


def _opensid_header(rows):
    for baris in range(1, min(len(rows), BARIS_JUDUL) + 1):
        names = {_teks(value) for value in rows[baris - 1]}
        if {"nik", "nama", "no_kk"} <= names:
            return baris
    return None


def _opensid_cocok(sheets):
    return any(name != "Kode Data" and _opensid_header(rows) for name, rows in sheets)


def _baca_opensid(sheets):
    for name, rows in sheets:
        # Impor_model::impor_excel skips the sheet 'Kode Data' (the code lists of the template).
        if name == "Kode Data" or (header := _opensid_header(rows)) is None:
            continue
        positions = {_teks(value): index + 1 for index, value in enumerate(rows[header - 1]) if _teks(value)}
        for baris in range(header + 1, len(rows) + 1):
            if _teks(sel(rows, baris, 1)) == "###":  # the template's end-of-data mark
                break
            if not any(_teks(value) for value in rows[baris - 1]):
                continue
            orang = Orang(name, baris)
            for key, column in KOLOM_OPENSID.items():
                if column in positions:
                    orang.ambil(rows, key, baris, positions[column], column)
            yield orang


def _anggota(orang, rows, baris, kolom, keluarga):
    """A BIP member row: the member's own cells (`kolom`: field -> (column, header)) and the
    family's No. KK and RT, read from the family's block above it."""
    for key, (column, header) in kolom.items():
        orang.ambil(rows, key, baris, column, header)
    for key, (value, where) in keluarga.items():
        orang.nilai[key], orang.kolom[key] = value, where


def _rt_rw(text):
    """'003/001' -> '003' (the RT of an 'RT/RW' cell)."""
    return text.split("/")[0].strip() if text else ""


def _ambil_setelah(text, awalan, akhiran=""):
    """Bip_ektp_model::ambil_kolom: the text after `awalan`, up to `akhiran`."""
    start = text.find(awalan)
    if start < 0:
        return ""
    rest = text[start + len(awalan) :]
    if akhiran and akhiran in rest:
        rest = rest[: rest.find(akhiran)]
    return rest.strip()


def _bip2016_cocok(rows):
    return _teks(sel(rows, 1, 1)) == "BUKU INDUK PENDUDUK WNI"


ANGGOTA_2016 = {
    "nama": (2, "Nama Lengkap"),
    "nik": (3, "NIK"),
    "tempat_lahir": (4, "Tempat Lahir"),
    "tanggal_lahir": (5, "Tgl/Bln/Th"),
    "jenis_kelamin": (6, "JK"),
    "shdk": (7, "SHDK"),
}


def _baca_bip2016(sheets):
    # Bip2016_model::impor_data_bip: a family starts where column A begins "No. KK"; its members
    # follow while column A is a number; "Keterangan:" in column A ends the sheet.
    for name, rows in sheets:
        keluarga = None
        for baris in range(1, len(rows) + 1):
            first = _teks(sel(rows, baris, 1))
            if first.startswith("Keterangan:"):
                break
            if first.startswith("No. KK"):
                alamat = _teks(sel(rows, baris, 3))
                keluarga = {
                    "no_kk": (_ambil_setelah(first, "No. KK :"), f"No. KK (A{baris})"),
                    "rt": (_rt_rw(_ambil_setelah(alamat, "RT/RW :")), f"RT/RW (C{baris})"),
                }
            elif keluarga and first.isdigit():
                orang = Orang(name, baris)
                _anggota(orang, rows, baris, ANGGOTA_2016, keluarga)
                yield orang
            else:
                keluarga = None


def _luwu_cocok(rows):
    text = _teks(sel(rows, 1, 2))
    return "BUKU INDUK KEPENDUDUKAN" in text and "(DAFTAR  KELUARGA)" in text


ANGGOTA_LUWU = {
    "nik": (3, "NIK"),
    "nama": (4, "NAMA"),
    "jenis_kelamin": (5, "JK"),
    "tempat_lahir": (6, "TMPT LHR"),
    "tanggal_lahir": (7, "TGL LHR"),
    "shdk": (11, "HUB.KEL"),
}


def _baca_luwu(sheets):
    # Bip2016_luwutimur_model: a block starts where column B begins "BUKU INDUK KEPENDUDUKAN";
    # No. KK is in column L two rows below, RT/RW five rows below, members from eight rows below
    # while column B is a number.
    for name, rows in sheets:
        baris = 1
        while baris <= len(rows):
            if not _teks(sel(rows, baris, 2)).startswith("BUKU INDUK KEPENDUDUKAN"):
                baris += 1
                continue
            keluarga = {
                "no_kk": (sel(rows, baris + 2, 12), f"NO. KK (L{baris + 2})"),
                "rt": (_rt_rw(_teks(sel(rows, baris + 5, 12))), f"NO.RT/RW (L{baris + 5})"),
            }
            baris += 8
            while baris <= len(rows) and _teks(sel(rows, baris, 2)).isdigit():
                orang = Orang(name, baris)
                _anggota(orang, rows, baris, ANGGOTA_LUWU, keluarga)
                yield orang
                baris += 1


def _ektp_cocok(rows):
    return "Wjb KTP" in _teks(sel(rows, 1, 16)) and "KTP-eL" in _teks(sel(rows, 1, 17))


ANGGOTA_EKTP = {
    "nama": (2, "Nama Lengkap"),
    "nik": (3, "NIK"),
    "tempat_lahir": (4, "Tempat Lahir"),
    "tanggal_lahir": (5, "Tanggal Lahir"),
    "jenis_kelamin": (6, "JK"),
    "shdk": (9, "SHDK"),
}


def _ektp_keluarga(rows, baris):
    # Bip_ektp_model::baris_awal_kk: 16 digits in column A and nothing in column B.
    return len(re.sub(r"[^0-9]", "", _teks(sel(rows, baris, 1)))) == 16 and not _teks(sel(rows, baris, 2))


def _baca_ektp(sheets):
    for name, rows in sheets:
        keluarga = None
        for baris in range(1, len(rows) + 1):
            if _ektp_keluarga(rows, baris):
                alamat = _teks(sel(rows, baris, 12))
                keluarga = {
                    "no_kk": (sel(rows, baris, 1), f"No KK (A{baris})"),
                    "rt": (_rt_rw(_ambil_setelah(alamat, "RT/RW :", " DUSUN :")), f"RT/RW (L{baris})"),
                }
            elif keluarga and _teks(sel(rows, baris, 1)).isdigit() and _teks(sel(rows, baris, 2)):
                orang = Orang(name, baris)
                _anggota(orang, rows, baris, ANGGOTA_EKTP, keluarga)
                yield orang
            else:
                keluarga = None


def _bip2012_cocok(rows):
    return any(_teks(sel(rows, baris, 2)) == "NO.KK" for baris in range(1, len(rows) + 1))


ANGGOTA_2012 = {
    "nik": (3, "NIK"),
    "nama": (4, "NAMA"),
    "jenis_kelamin": (5, "JK"),
    "tempat_lahir": (6, "TMPT LHR"),
    "tanggal_lahir": (7, "TGL LHR"),
    "shdk": (11, "HUB. KEL"),
}


def _baca_bip2012(sheets):
    # Bip2012_model: "NO.KK" in column B starts a family; the values are on the next row (No. KK
    # in B, the address with "RT:001" in G); the members start three rows below it and run to
    # the next "NO.KK".
    for name, rows in sheets:
        keluarga, mulai = None, 0
        for baris in range(1, len(rows) + 1):
            if _teks(sel(rows, baris, 2)) == "NO.KK":
                alamat = _teks(sel(rows, baris + 1, 7))
                rt = _ambil_setelah(alamat, "RT:", ",")
                keluarga = {
                    "no_kk": (sel(rows, baris + 1, 2), f"NO.KK (B{baris + 1})"),
                    "rt": (rt, f"ALAMAT (G{baris + 1})"),
                }
                mulai = baris + 3
            elif keluarga and baris >= mulai and (_teks(sel(rows, baris, 3)) or _teks(sel(rows, baris, 4))):
                orang = Orang(name, baris)
                _anggota(orang, rows, baris, ANGGOTA_2012, keluarga)
                yield orang


# In Bip_model::cari_format_bip's order; OpenSID's own export first, since its header is exact.
# BIP 2012 is upstream's fallback for anything else; here it must show its "NO.KK" row.
TATA_LETAK = [
    TataLetak("opensid", "Ekspor penduduk OpenSID", SumberRujukan.OPENSID, _baca_opensid, _opensid_cocok),
    TataLetak("siak", "SIAK (Dukcapil)", SumberRujukan.SIAK, _baca_siak, _pertama(_siak_header)),
    TataLetak("bip2016", "BIP 2016", SumberRujukan.BIP, _baca_bip2016, _pertama(_bip2016_cocok)),
    TataLetak(
        "bip2016_luwutimur", "BIP 2016 (Luwu Timur)", SumberRujukan.BIP, _baca_luwu, _pertama(_luwu_cocok)
    ),
    TataLetak("bip_ektp", "BIP e-KTP", SumberRujukan.BIP, _baca_ektp, _pertama(_ektp_cocok)),
    TataLetak("bip2012", "BIP 2012", SumberRujukan.BIP, _baca_bip2012, _pertama(_bip2012_cocok)),
]

TIDAK_DIKENAL = (
    "Bentuk berkas tidak dikenal. Yang dapat dibaca: ekspor SIAK (baris judul 'Nomor KK' di kolom A "
    "sampai 'Petugas Registrasi' di kolom AH), BIP 2012, BIP 2016, BIP 2016 Luwu Timur, BIP e-KTP, dan "
    "ekspor penduduk OpenSID (baris judul nik, nama, no_kk, ...). Unggah berkas ekspor aslinya, tanpa "
    "mengubah susunan kolom."
)


def kenali(sheets):
    """The TataLetak of the workbook (by its first sheet, as upstream), or None."""
    if not sheets:
        return None
    for tata_letak in TATA_LETAK:
        if tata_letak.cocok(sheets):
            return tata_letak
    return None

"""Matching a SIKS-NG desil ranking to the desa's households, writing nothing.

A row names a household by its No. KK, its head's NIK, or a member's NIK (through the desa's
reference list of residents); a row that names none of them, or a desil outside 1-10, is not an
error that stops the import: it is reported, by reason, with its sheet, row and column, and the
rows that matched are saved. A household whose desil is already the file's is left alone, so
importing the same file twice changes nothing the second time.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from django.utils import timezone
from openpyxl.utils import get_column_letter

from desa.identitas import check_nik, check_no_kk
from desa.periode import Periode, format_tanggal
from desa.templatetags.format_id import nik_samar
from kependudukan.ekonomi.kunci import bulan_terkunci
from kependudukan.ekonomi.models import Keluarga
from kependudukan.impor import nilai as nilai_dasar
from kependudukan.impor.baca import BerkasDitolak, Kesalahan
from kependudukan.impor.hasil import CONTOH, MAKS_DITAMPILKAN, ringkasan_temuan
from kependudukan.impor.luar import nilai
from kependudukan.impor.luar.berkas import baca_lembar
from kependudukan.impor.luar.periksa import desa_pilihan, pilihan_berkas
from kependudukan.models import PendudukRujukan

SUMBER = "SIKS-NG"
BARIS_JUDUL = 10  # rows searched for the header: SIKS-NG puts merged title rows above it
# Header names, lower case with everything but letters and digits dropped.
KOLOM = {
    "no_kk": {"nokk", "nomorkk", "nokartukeluarga", "nomorkartukeluarga", "kk", "nokeluarga"},
    "nik": {"nik", "nikkepalakeluarga", "nikkk", "nikkrt", "nikanggota", "nikart"},
    "desil": {"desil", "desilnasional", "peringkatdesil", "desilkemensos", "desildtsen", "desilsiksng"},
}


class Alasan:
    """Why a row was not applied; the words the report groups the rows by."""

    KOSONG = "NIK dan No. KK kosong"
    KK_TIDAK_SAH = "No. KK tidak sah"
    NIK_TIDAK_SAH = "NIK tidak sah"
    DESIL = "Desil di luar 1-10"
    KK_TIDAK_ADA = "No. KK tidak ditemukan di desa"
    NIK_TIDAK_ADA = "NIK tidak ditemukan di desa"
    GANDA = "Baris ganda"
    BERTENTANGAN = "Desil berbeda untuk keluarga yang sama"
    LEBIH_BARU = "Keluarga sudah dimutakhirkan sesudah tanggal data"


@dataclass
class Perubahan:
    baris: int
    keluarga: Keluarga
    dari: int | None
    ke: int


@dataclass
class HasilDesil:
    desa: object = None
    tanggal: object = None
    kesalahan: list = field(default_factory=list)
    peringatan: list = field(default_factory=list)
    berubah: list = field(default_factory=list)  # Perubahan
    sama: int = 0
    tidak_cocok: list = field(default_factory=list)  # (Alasan, Kesalahan)

    @property
    def ok(self):
        return not self.kesalahan

    @property
    def ada_perubahan(self):
        return bool(self.berubah)

    def ringkasan(self):
        alasan = Counter(reason for reason, _ in self.tidak_cocok)
        return {
            **ringkasan_temuan(self.kesalahan, self.peringatan),
            "desa_nama": str(self.desa),
            "tanggal": self.tanggal.isoformat(),
            "tanggal_label": format_tanggal(self.tanggal),
            "berubah": len(self.berubah),
            "sama": self.sama,
            "jumlah_tidak_cocok": len(self.tidak_cocok),
            "alasan": [{"alasan": reason, "jumlah": count} for reason, count in alasan.most_common()],
            "tidak_cocok": [
                {**where.as_dict(), "alasan": reason} for reason, where in self.tidak_cocok[:MAKS_DITAMPILKAN]
            ],
            "contoh": [
                {
                    "baris": row.baris,
                    "nama": row.keluarga.nama_kepala,
                    "no_kk": nik_samar(row.keluarga.no_kk),
                    "dari": row.dari or "–",
                    "ke": row.ke,
                }  # fmt: skip
                for row in islice(self.berubah, CONTOH)
            ],
        }


def _key(header):
    return re.sub(r"[^a-z0-9]", "", nilai_dasar.text(header).lower())


def _header(rows):
    """(row number, {field: column}) of the first row naming a desil and a NIK or No. KK column."""
    for baris, row in enumerate(rows[:BARIS_JUDUL], start=1):
        positions = {}
        for kolom, value in enumerate(row, start=1):
            for name, names in KOLOM.items():
                if _key(value) in names:
                    positions.setdefault(name, kolom)
        if "desil" in positions and ({"nik", "no_kk"} & positions.keys()):
            return baris, positions
    return None, {}


def periksa_berkas(source, *, desa_boleh, kemajuan=None, pilihan=None, hari_ini=None):
    """Read and match the ranking at `source`, writing nothing; returns a HasilDesil."""
    pilihan = pilihan_berkas(source, pilihan)
    hasil = HasilDesil(desa=desa_pilihan(pilihan, desa_boleh), tanggal=pilihan.tanggal)
    if pilihan.tanggal > (hari_ini or timezone.localdate()):
        hasil.kesalahan.append(Kesalahan("", None, "", "Tanggal data tidak boleh sesudah hari ini."))
    for name, rows in baca_lembar(source):
        baris, positions = _header(rows)
        if baris is not None:
            _Pencocok(hasil).cocokkan(name, rows, baris, positions)
            # A change a later conflicting row cancelled is dropped.
            hasil.berubah = [row for row in hasil.berubah if row is not None]
            break
    else:
        raise BerkasDitolak(
            "Baris judul tidak ditemukan: berkas pemeringkatan desil SIKS-NG memuat kolom 'Desil' dan kolom "
            "'NIK' atau 'No. KK' di salah satu dari 10 baris pertamanya. Unggah berkas aslinya."
        )
    last = bulan_terkunci([hasil.desa.pk]).get(hasil.desa.pk)
    if hasil.berubah and last is not None and Periode.of(hasil.tanggal) <= last:
        hasil.kesalahan.append(
            Kesalahan(
                "", None, "",
                f"Laporan Ekonomi {hasil.desa} {last.label} sudah terkirim; desil per "
                f"{format_tanggal(hasil.tanggal)} akan mengubahnya. Pakai tanggal data sesudah {last.label}.",
            )
        )  # fmt: skip
    return hasil


class _Pencocok:
    def __init__(self, hasil):
        self.hasil = hasil
        households = list(Keluarga.objects.filter(desa=hasil.desa))
        self.by_kk = {k.no_kk: k for k in households}
        self.by_nik = {k.nik_kepala: k for k in households}
        for nik, no_kk in PendudukRujukan.objects.filter(desa=hasil.desa).values_list("nik", "no_kk"):
            if no_kk in self.by_kk:
                self.by_nik.setdefault(nik, self.by_kk[no_kk])
        self.matched = {}  # keluarga pk -> (row number, desil, index in berubah or None)

    def cocokkan(self, sheet, rows, header, positions):
        self.sheet, self.positions = sheet, positions
        self.labels = {name: f"{nilai_dasar.text(rows[header - 1][kolom - 1])} ({get_column_letter(kolom)})"
                       for name, kolom in positions.items()}  # fmt: skip
        for baris in range(header + 1, len(rows) + 1):
            cells = {name: _cell(rows[baris - 1], kolom) for name, kolom in positions.items()}
            if not any(nilai_dasar.text(value) for value in cells.values()):
                continue
            self._baris(baris, cells)

    def _skip(self, reason, baris, name, detail):
        where = Kesalahan(self.sheet, baris, self.labels.get(name, ""), detail)
        self.hasil.tidak_cocok.append((reason, where))

    def _nomor(self, baris, name, value, label, check, reason):
        try:
            digits, angka = nilai.nomor(value, label)
        except ValueError as error:
            self._skip(reason, baris, name, str(error))
            return None, False
        if digits and check(digits).errors:
            self._skip(reason, baris, name, check(digits).errors[0])
            return None, False
        if angka and digits.endswith("0"):
            self.hasil.peringatan.append(Kesalahan(
                self.sheet, baris, self.labels[name],
                f"{label} {digits} tersimpan sebagai angka di Excel, yang hanya menyimpan 15 angka: "
                "angka terakhirnya mungkin berubah menjadi 0.",
            ))  # fmt: skip
        return digits, True

    def _baris(self, baris, cells):
        no_kk, ok_kk = self._nomor(
            baris, "no_kk", cells.get("no_kk"), "No. KK", check_no_kk, Alasan.KK_TIDAK_SAH
        )
        nik, ok_nik = self._nomor(baris, "nik", cells.get("nik"), "NIK", check_nik, Alasan.NIK_TIDAK_SAH)
        if not (ok_kk and ok_nik):
            return
        if not (no_kk or nik):
            self._skip(Alasan.KOSONG, baris, "nik" if "nik" in self.labels else "no_kk", Alasan.KOSONG + ".")
            return
        desil = _desil(cells["desil"])
        if desil is None:
            shown = nilai_dasar.text(cells["desil"]) or "kosong"
            self._skip(Alasan.DESIL, baris, "desil", f"Desil '{shown}' bukan angka 1 sampai 10.")
            return
        keluarga = self.by_kk.get(no_kk) or self.by_nik.get(nik)
        if keluarga is None:
            if no_kk:
                self._skip(
                    Alasan.KK_TIDAK_ADA, baris, "no_kk", f"No. KK {no_kk} tidak ada di data keluarga desa."
                )
            else:
                self._skip(Alasan.NIK_TIDAK_ADA, baris, "nik", f"NIK {nik} tidak ada di data keluarga desa.")
            return
        self._terapkan(baris, keluarga, desil)

    def _terapkan(self, baris, keluarga, desil):
        earlier = self.matched.get(keluarga.pk)
        if earlier is not None:
            first, first_desil, index = earlier
            if first_desil == desil:
                self._skip(Alasan.GANDA, baris, "desil", f"Keluarga ini sudah ada di baris {first}.")
                return
            if index is not None:  # neither row can be right: the household is left as it is
                self.hasil.berubah[index] = None
            self._skip(
                Alasan.BERTENTANGAN, baris, "desil",
                f"Baris {first} memberi keluarga {keluarga.no_kk} desil {first_desil}, baris ini {desil}.",
            )  # fmt: skip
            return
        index = None
        if keluarga.desil == desil:
            self.hasil.sama += 1
        elif keluarga.tanggal_pemutakhiran > self.hasil.tanggal:
            self._skip(
                Alasan.LEBIH_BARU, baris, "desil",
                f"Data keluarga {keluarga.no_kk} dicek {format_tanggal(keluarga.tanggal_pemutakhiran)}, "
                f"sesudah tanggal data desil ini.",
            )  # fmt: skip
        else:
            index = len(self.hasil.berubah)
            self.hasil.berubah.append(Perubahan(baris, keluarga, keluarga.desil, desil))
        self.matched[keluarga.pk] = (baris, desil, index)


def _desil(value):
    text = nilai_dasar.upper(value).removeprefix("DESIL").strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() and 1 <= int(text) <= 10 else None


def _cell(row, kolom):
    return row[kolom - 1] if kolom <= len(row) else None

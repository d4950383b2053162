"""Checking every person of an export, and what the check found: the reference list to save, the
proposal for the data awal, the errors by sheet, row and column.

Only living residents (status HIDUP, or no status: BIP lists no one else) are kept and counted; a
resident with NIK "0" (none issued yet) counts in the data awal but is not kept as a NIK.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from desa.models import Desa
from desa.periode import format_tanggal
from desa.templatetags.format_id import nik_samar
from kependudukan.impor import nilai as nilai_dasar
from kependudukan.impor.baca import BerkasDitolak, Kesalahan
from kependudukan.impor.hasil import ringkasan_temuan
from kependudukan.impor.luar import nilai
from kependudukan.impor.luar.berkas import baca_lembar
from kependudukan.impor.luar.pilihan import Pilihan
from kependudukan.impor.luar.tata_letak import TIDAK_DIKENAL, kenali
from kependudukan.models import DaftarRujukan, PendudukRujukan

CONTOH = 30  # residents shown in the preview, NIK half hidden
MEMBACA, MEMERIKSA, MENYIMPAN = "Membaca berkas", "Memeriksa penduduk", "Menyimpan daftar penduduk"
TANPA_PILIHAN = "Desa dan tanggal data berkas ini tidak diketahui; unggah ulang berkasnya dari halaman impor."


@dataclass
class HasilPenduduk:
    desa: object = None
    tanggal: object = None
    tata_letak: object = None
    kesalahan: list = field(default_factory=list)
    peringatan: list = field(default_factory=list)
    penduduk: list = field(default_factory=list)  # unsaved PendudukRujukan, each with `.baris`
    hitungan: Counter = field(default_factory=Counter)  # (kewarganegaraan, jenis kelamin) -> people
    kk: set = field(default_factory=set)
    tanpa_nik: int = 0
    bukan_penduduk: int = 0

    @property
    def ok(self):
        return not self.kesalahan

    @property
    def ada_perubahan(self):
        return bool(self.penduduk or self.tanpa_nik)

    def usulan(self):
        """The data awal the file proposes: WNI/WNA × L/P and the families (distinct No. KK)."""
        counts = {
            f"{wn.lower()}_{jk.lower()}": self.hitungan[(wn, jk)]
            for wn in ("WNI", "WNA")
            for jk in ("L", "P")
        }
        return {**counts, "jumlah_kk": len(self.kk), "jumlah_jiwa": sum(counts.values())}

    def ringkasan(self):
        lama = DaftarRujukan.objects.filter(desa=self.desa).values_list("jumlah", flat=True).first()
        return {
            **ringkasan_temuan(self.kesalahan, self.peringatan),
            "tata_letak": self.tata_letak.label,
            "sumber": self.tata_letak.sumber,
            "desa_kode": self.desa.pk,
            "desa_nama": str(self.desa),
            "tanggal": self.tanggal.isoformat(),
            "tanggal_label": format_tanggal(self.tanggal),
            "jumlah_penduduk": len(self.penduduk),
            "tanpa_nik": self.tanpa_nik,
            "bukan_penduduk": self.bukan_penduduk,
            "jumlah_lama": lama,
            "usulan": self.usulan(),
            "contoh": [_contoh(orang) for orang in self.penduduk[:CONTOH]],
        }


def _contoh(orang):
    return {
        "baris": orang.baris,
        "nama": orang.nama,
        "nik": nik_samar(orang.nik),
        "no_kk": nik_samar(orang.no_kk),
        "jenis_kelamin": orang.jenis_kelamin,
        "tanggal_lahir": format_tanggal(orang.tanggal_lahir) if orang.tanggal_lahir else "",
        "nomor_rt": orang.nomor_rt,
        "kepala_keluarga": orang.kepala_keluarga,
        "kewarganegaraan": orang.kewarganegaraan,
    }


def pilihan_berkas(source, pilihan=None):
    pilihan = pilihan or Pilihan.dari_nama(getattr(source, "name", ""))
    if pilihan is None:
        raise BerkasDitolak(TANPA_PILIHAN)
    return pilihan


def desa_pilihan(pilihan, desa_boleh):
    """The chosen Desa, when the importer may write it; raises BerkasDitolak."""
    desa = Desa.objects.select_related("kecamatan").filter(pk=pilihan.desa_kode).first()
    if desa is None or (desa_boleh is not None and desa.pk not in desa_boleh):
        raise BerkasDitolak(f"Anda tidak berwenang mengimpor penduduk desa {pilihan.desa_kode}.")
    return desa


def periksa_berkas(source, *, desa_boleh, kemajuan=None, pilihan=None, hari_ini=None):
    """Read and check the export at `source`, writing nothing; returns a HasilPenduduk."""
    pilihan = pilihan_berkas(source, pilihan)
    hari_ini = hari_ini or timezone.localdate()
    hasil = HasilPenduduk(desa=desa_pilihan(pilihan, desa_boleh), tanggal=pilihan.tanggal)
    langkah(kemajuan, MEMBACA)
    sheets = baca_lembar(source)
    hasil.tata_letak = kenali(sheets)
    if hasil.tata_letak is None:
        raise BerkasDitolak(TIDAK_DIKENAL)
    langkah(kemajuan, MEMERIKSA)
    if pilihan.tanggal > hari_ini:
        hasil.kesalahan.append(Kesalahan("", None, "", "Tanggal data tidak boleh sesudah hari ini."))
    Pemeriksa(hasil, hari_ini).periksa(hasil.tata_letak.baca(sheets))
    if not hasil.ada_perubahan and hasil.ok:
        raise BerkasDitolak(
            f"Berkas {hasil.tata_letak.label} ini tidak berisi satu pun penduduk yang masih tinggal di desa."
        )
    return hasil


def langkah(kemajuan, nama):
    if kemajuan:
        steps = [MEMBACA, MEMERIKSA, MENYIMPAN]
        kemajuan(steps.index(nama), len(steps), nama)


class Pemeriksa:
    def __init__(self, hasil, hari_ini):
        self.hasil = hasil
        self.hari_ini = hari_ini
        self.nik_baris = {}
        self.desa_nama = {}

    def periksa(self, orang_list):
        for orang in orang_list:
            self.periksa_orang(orang)
        if len(self.desa_nama) > 1:
            # Several desa in one file, and no code to split them by: names never decide (DOMAIN.md).
            names = ", ".join(sorted(self.desa_nama))
            sheet, baris = next(iter(sorted(self.desa_nama.values())))
            self.hasil.kesalahan.insert(
                0,
                Kesalahan(
                    sheet,
                    None,
                    "Desa/Kel",
                    f"Berkas berisi penduduk lebih dari satu desa/kelurahan ({names}). Ekspor satu desa "
                    "saja dari SIAK, lalu unggah satu berkas untuk setiap desa.",
                ),
            )

    def _baca(self, orang, key, reader, *args):
        try:
            return reader(orang.nilai.get(key), *args), True
        except ValueError as error:
            self.hasil.kesalahan.append(
                Kesalahan(orang.sheet, orang.baris, orang.kolom.get(key, key), str(error))
            )
            return None, False

    def periksa_orang(self, orang):
        masih, ok = self._baca(orang, "status", nilai.hidup)
        if ok and not masih:
            self.hasil.bukan_penduduk += 1
            return
        desa_nama = nilai_dasar.upper(orang.nilai.get("desa_nama"))
        if desa_nama:
            self.desa_nama.setdefault(desa_nama, (orang.sheet, orang.baris))
        baca = {
            "nik": nilai.nik,
            "no_kk": nilai.no_kk,
            "jenis_kelamin": nilai.jenis_kelamin,
            "kewarganegaraan": nilai.kewarganegaraan,
            "nomor_rt": nilai.nomor_rt,
        }
        values, semua = {}, ok
        for key, reader in baca.items():
            values[key], ok = self._baca(orang, "rt" if key == "nomor_rt" else key, reader)
            semua = semua and ok
        values["tanggal_lahir"], ok = self._baca(orang, "tanggal_lahir", nilai.tanggal_lahir, self.hari_ini)
        nama = " ".join(nilai_dasar.text(orang.nilai.get("nama")).split())
        if not nama or len(nama) > 100:
            pesan = "Nama wajib diisi." if not nama else "Nama lebih dari 100 karakter."
            self.hasil.kesalahan.append(
                Kesalahan(orang.sheet, orang.baris, orang.kolom.get("nama", "nama"), pesan)
            )
            semua = False
        if not (semua and ok):
            return
        self._simpan(orang, nama, values)

    def _simpan(self, orang, nama, values):
        nik, angka = values.pop("nik")
        kewarganegaraan = values["kewarganegaraan"]
        self.hasil.hitungan[(kewarganegaraan, values["jenis_kelamin"])] += 1
        self.hasil.kk.add(values["no_kk"])
        if nik is None:
            self.hasil.tanpa_nik += 1
            return
        where = orang.kolom.get("nik", "NIK")
        if nik in self.nik_baris:
            message = f"NIK {nik} sudah ada di baris {self.nik_baris[nik]}: satu NIK satu penduduk."
            self.hasil.kesalahan.append(Kesalahan(orang.sheet, orang.baris, where, message))
            return
        self.nik_baris[nik] = orang.baris
        if angka:
            self.hasil.peringatan.append(
                Kesalahan(
                    orang.sheet,
                    orang.baris,
                    where,
                    f"NIK {nik} tersimpan sebagai angka di Excel, yang hanya menyimpan 15 angka: angka "
                    "terakhirnya mungkin berubah menjadi 0. Periksa NIK ini di SIAK.",
                )
            )
        penduduk = PendudukRujukan(
            nik=nik,
            nama=nama,
            tempat_lahir=nilai_dasar.text(orang.nilai.get("tempat_lahir"))[:100],
            kepala_keluarga=nilai.kepala_keluarga(orang.nilai.get("shdk")),
            **values,
        )
        penduduk.baris = orang.baris
        self.hasil.penduduk.append(penduduk)

"""Checking an OpenSID program bantuan workbook: its programme (sheet Program) and recipients
(sheet Peserta), by the positions OpenSID's controller reads, writing nothing.

The programme must be one the system knows (only an administrator adds programmes): the sheet's
Nama Program is matched on a programme's code or name. The same NIK in the same programme and desa
is one recipient, so importing the same file again changes nothing the second time.
"""

from dataclasses import dataclass, field
from itertools import islice

from django.utils import timezone

from desa.identitas import check_nik, check_no_kk
from desa.periode import Periode
from desa.templatetags.format_id import nik_samar
from kependudukan.ekonomi import aturan
from kependudukan.ekonomi.impor.hasil import Baris
from kependudukan.ekonomi.impor.kolom import PROGRAM_ALIASES
from kependudukan.ekonomi.kunci import bulan_terkunci
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, ProgramBantuan, Sasaran
from kependudukan.impor import nilai as nilai_dasar
from kependudukan.impor.baca import BerkasDitolak, Kesalahan
from kependudukan.impor.hasil import CONTOH, ringkasan_temuan
from kependudukan.impor.luar import nilai
from kependudukan.impor.luar.berkas import baca_lembar, sel
from kependudukan.impor.luar.periksa import desa_pilihan, pilihan_berkas
from kependudukan.models import PendudukRujukan

PROGRAM, PESERTA = "Program", "Peserta"
AKHIR = "###"  # the template's end-of-data mark, in column A of both sheets
BARIS_JUDUL = 10  # rows searched for the Peserta header: a merged title may sit above it
# Program_bantuan::impor $field: the rows of sheet Program, by the title in column A.
JUDUL_PROGRAM = {
    "id program": "id",
    "nama program": "nama",
    "sasaran program": "sasaran",
    "keterangan": "keterangan",
    "asal dana": "asal_dana",
    "rentang waktu (awal)": "mulai",
    "rentang waktu (akhir)": "selesai",
}
# SasaranEnum: 1 penduduk, 2 keluarga, 3 rumah tangga, 4 kelompok.
SASARAN = {1: Sasaran.ORANG, 2: Sasaran.KELUARGA}
SASARAN_LABEL = {1: "Penduduk", 2: "Keluarga", 3: "Rumah Tangga", 4: "Kelompok"}
ASAL_DANA = {"1": "Pusat", "2": "Provinsi", "3": "Kab/Kota", "4": "Dana Desa", "5": "Lain-lain (Hibah)"}
# Peserta sheet, by position as Program_bantuan::impor reads $cells[0..6].
KOLOM_PESERTA = {"peserta": 1, "kartu": 2, "nik": 3, "nama": 4, "tempat_lahir": 5, "tanggal_lahir": 6,
                 "alamat": 7}  # fmt: skip
JUDUL_PESERTA = {"peserta": "Peserta (A)", "kartu": "No. Peserta (B)", "nik": "NIK (C)", "nama": "Nama (D)",
                 "tanggal_lahir": "Tanggal Lahir (F)", "alamat": "Alamat (G)"}  # fmt: skip
PENERIMA_FIELDS = ["nama", "no_kk", "mulai", "selesai", "keterangan"]


@dataclass
class HasilBantuan:
    desa: object = None
    program: object = None
    sasaran: int | None = None
    asal_dana: str = ""
    kesalahan: list = field(default_factory=list)
    peringatan: list = field(default_factory=list)
    penerima: list = field(default_factory=list)  # Baris of PenerimaBantuan

    @property
    def ok(self):
        return not self.kesalahan

    @property
    def ada_perubahan(self):
        return any(row.status != "sama" for row in self.penerima)

    def bulan_ditulis(self):
        """(desa id, month) of every recipient month the import writes."""
        return {
            (row.obj.desa_id, bulan)
            for row in self.penerima
            if row.status != "sama"
            for bulan in (row.obj.mulai, row.obj.selesai)
            if bulan
        }

    def ringkasan(self):
        counts = {s: sum(row.status == s for row in self.penerima) for s in ("baru", "diubah", "sama")}
        changed = islice((row for row in self.penerima if row.status != "sama"), CONTOH)
        return {
            **ringkasan_temuan(self.kesalahan, self.peringatan),
            "desa_nama": str(self.desa),
            "program": str(self.program) if self.program else "",
            "program_nama": self.program.nama if self.program else "",
            "sasaran": SASARAN_LABEL.get(self.sasaran, ""),
            "asal_dana": self.asal_dana,
            "penerima": counts,
            "contoh": [
                {
                    "baris": row.baris,
                    "nama": row.obj.nama,
                    "nik": nik_samar(row.obj.nik),
                    "mulai": row.obj.mulai.label,
                    "status": row.status,
                }  # fmt: skip
                for row in changed
            ],
        }


def periksa_berkas(source, *, desa_boleh, kemajuan=None, pilihan=None, hari_ini=None):
    """Read and check the workbook at `source`, writing nothing; returns a HasilBantuan."""
    pilihan = pilihan_berkas(source, pilihan)
    hasil = HasilBantuan(desa=desa_pilihan(pilihan, desa_boleh))
    sheets = {name.strip().lower(): rows for name, rows in baca_lembar(source)}
    if PROGRAM.lower() not in sheets or PESERTA.lower() not in sheets:
        raise BerkasDitolak(
            "Berkas tidak berisi sheet 'Program' dan 'Peserta'. Unggah berkas format impor program bantuan "
            "OpenSID (Bantuan › Impor) tanpa mengubah nama sheet-nya."
        )
    pemeriksa = _Pemeriksa(hasil, hari_ini or timezone.localdate())
    program_rows = pemeriksa.program(sheets[PROGRAM.lower()])
    if hasil.ok:
        pemeriksa.peserta(sheets[PESERTA.lower()], program_rows)
    return hasil


def _judul_peserta(rows, baris):
    return (
        nilai_dasar.upper(sel(rows, baris, 1)) == "PESERTA"
        and nilai_dasar.upper(sel(rows, baris, 3)) == "NIK"
    )


class _Pemeriksa:
    def __init__(self, hasil, hari_ini):
        self.hasil = hasil
        self.hari_ini = hari_ini

    def _error(self, sheet, baris, kolom, pesan):
        self.hasil.kesalahan.append(Kesalahan(sheet, baris, kolom, pesan))

    # -- Program ----------------------------------------------------------------------------

    def program(self, rows):
        """{field: (value, row number)} of sheet Program; the programme, sasaran and months checked."""
        found = {}
        for baris in range(1, len(rows) + 1):
            judul = " ".join(nilai_dasar.text(sel(rows, baris, 1)).lower().split())
            if judul == AKHIR:
                break
            if judul in JUDUL_PROGRAM:
                found.setdefault(JUDUL_PROGRAM[judul], (sel(rows, baris, 2), baris))
        for key, judul in JUDUL_PROGRAM.items():
            if judul not in found and judul not in ("id", "keterangan"):
                self._error(PROGRAM, None, "A", f"Baris '{key.title()}' tidak ada di kolom A sheet Program.")
        if not self.hasil.ok:
            return found
        self._program(*found["nama"])
        self._sasaran(*found["sasaran"])
        self._asal_dana(*found["asal_dana"])
        months = {}
        for key in ("mulai", "selesai"):
            value, baris = found[key]
            try:
                day = nilai_dasar.tanggal(value)
            except ValueError as error:
                self._error(PROGRAM, baris, "B", str(error))
                continue
            if day is None:
                self._error(PROGRAM, baris, "B", "Tanggal rentang waktu wajib diisi (Tahun-Bulan-Hari).")
            months[key] = Periode.of(day) if day else None
        mulai, selesai = months.get("mulai"), months.get("selesai")
        if mulai and (message := aturan.pesan_mulai(mulai, self.hari_ini)):
            self._error(PROGRAM, found["mulai"][1], "B", message)
        if selesai and (message := aturan.pesan_selesai(selesai, mulai, self.hari_ini)):
            self._error(PROGRAM, found["selesai"][1], "B", message)
        self.mulai, self.selesai = mulai, selesai
        self.last = bulan_terkunci([self.hasil.desa.pk]).get(self.hasil.desa.pk)
        return found

    def _program(self, value, baris):
        kode = nilai_dasar.upper(value)
        kabupaten = self.hasil.desa.kecamatan.kabupaten_id
        known = list(ProgramBantuan.objects.untuk_kabupaten(kabupaten).filter(aktif=True))
        by_name = {p.kode.upper(): p for p in known} | {p.nama.upper(): p for p in known}
        self.hasil.program = by_name.get(PROGRAM_ALIASES.get(kode, kode))
        if self.hasil.program is None:
            codes = ", ".join(sorted(p.kode for p in known))
            shown = nilai_dasar.text(value) or "(kosong)"
            self._error(
                PROGRAM, baris, "B",
                f"Program '{shown}' tidak dikenal. Tulis kode atau nama salah satu program: {codes}. "
                "Program baru ditambahkan oleh administrator.",
            )  # fmt: skip

    def _sasaran(self, value, baris):
        text = nilai_dasar.text(value)
        sasaran = int(text) if text.isdigit() else None
        if sasaran not in SASARAN_LABEL:
            self._error(PROGRAM, baris, "B", f"Sasaran '{text}' tidak dikenal; isi 1 sampai 4.")
            return
        self.hasil.sasaran = sasaran
        if sasaran not in SASARAN:
            self._error(
                PROGRAM, baris, "B",
                f"Sasaran {sasaran} ({SASARAN_LABEL[sasaran]}) tidak dicatat di sini: penerima bantuan "
                "dicatat per penduduk (1) atau per keluarga (2).",
            )  # fmt: skip
        elif self.hasil.program and SASARAN[sasaran] != self.hasil.program.sasaran:
            self.hasil.peringatan.append(Kesalahan(
                PROGRAM, baris, "B",
                f"Program {self.hasil.program} di sini bersasaran "
                f"{self.hasil.program.get_sasaran_display()}, berkas menyebut {SASARAN_LABEL[sasaran]}.",
            ))  # fmt: skip

    def _asal_dana(self, value, baris):
        text = nilai_dasar.text(value)
        by_name = {name.upper(): name for name in ASAL_DANA.values()} | {"LAIN-LAIN": "Lain-lain (Hibah)"}
        self.hasil.asal_dana = ASAL_DANA.get(text) or by_name.get(text.upper(), "")
        if not self.hasil.asal_dana:
            pilihan = ", ".join(f"{kode} = {name}" for kode, name in ASAL_DANA.items())
            self._error(PROGRAM, baris, "B", f"Asal dana '{text}' tidak dikenal; isi {pilihan}.")

    # -- Peserta ----------------------------------------------------------------------------

    def peserta(self, rows, program_rows):
        header = next((b for b in range(1, min(len(rows), BARIS_JUDUL) + 1) if _judul_peserta(rows, b)), None)
        if header is None:
            self._error(
                PESERTA, 1, "A", "Baris judul (Peserta, No. Peserta, NIK, Nama, ...) tidak ditemukan."
            )
            return
        desa, program = self.hasil.desa, self.hasil.program
        existing = {p.nik: p for p in PenerimaBantuan.objects.filter(desa=desa, program=program)}
        self.households = {k.no_kk: k for k in Keluarga.objects.filter(desa=desa)}
        self.rujukan = dict(PendudukRujukan.objects.filter(desa=desa).values_list("nik", "nama"))
        seen = {}
        for baris in range(header + 1, len(rows) + 1):
            cells = {key: sel(rows, baris, kolom) for key, kolom in KOLOM_PESERTA.items()}
            if nilai_dasar.text(cells["peserta"]) == AKHIR:
                break
            if not any(nilai_dasar.text(value) for value in cells.values()):
                continue
            item = self._penerima(baris, cells)
            if item is None:
                continue
            if item.nik in seen:
                self._error(
                    PESERTA, baris, JUDUL_PESERTA["nik"], f"NIK ini sudah ada di baris {seen[item.nik]}."
                )
                continue
            seen[item.nik] = baris
            row = self._banding(baris, item, existing.get(item.nik))
            if row.status != "sama":
                self._lock(row)
            self.hasil.penerima.append(row)
        if not seen and self.hasil.ok:
            self._error(PESERTA, header + 1, "A", "Sheet Peserta tidak berisi satu pun peserta.")

    def _nomor(self, baris, key, value, label):
        try:
            digits, angka = nilai.nomor(value, label)
        except ValueError as error:
            self._error(PESERTA, baris, JUDUL_PESERTA[key], str(error))
            return None
        problems = (check_nik if label == "NIK" else check_no_kk)(digits).errors
        if not digits or problems:
            self._error(
                PESERTA, baris, JUDUL_PESERTA[key], problems[0] if digits else f"{label} wajib diisi."
            )
            return None
        if angka and digits.endswith("0"):
            self.hasil.peringatan.append(Kesalahan(
                PESERTA, baris, JUDUL_PESERTA[key],
                f"{label} {digits} tersimpan sebagai angka di Excel, yang hanya menyimpan 15 angka: angka "
                "terakhirnya mungkin berubah menjadi 0. Periksa nomor ini.",
            ))  # fmt: skip
        return digits

    def _penerima(self, baris, cells):
        before = len(self.hasil.kesalahan)
        nik = self._nomor(baris, "nik", cells["nik"], "NIK")
        keluarga = self.hasil.sasaran == 2
        peserta = self._nomor(baris, "peserta", cells["peserta"], "No. KK" if keluarga else "NIK")
        if not keluarga and peserta and nik and peserta != nik:
            pesan = "Sasaran program ini penduduk: kolom Peserta berisi NIK yang sama dengan kolom NIK."
            self._error(PESERTA, baris, JUDUL_PESERTA["peserta"], pesan)
        nama = " ".join(nilai_dasar.text(cells["nama"]).split()) or self.rujukan.get(nik, "")
        if not nama or len(nama) > 100:
            pesan = (
                "Nama wajib diisi (NIK ini tidak ada di daftar penduduk desa)."
                if not nama
                else "Nama lebih dari 100 karakter."
            )
            self._error(PESERTA, baris, JUDUL_PESERTA["nama"], pesan)
        try:
            nilai.tanggal_lahir(cells["tanggal_lahir"], self.hari_ini)
        except ValueError as error:
            self._error(PESERTA, baris, JUDUL_PESERTA["tanggal_lahir"], str(error))
        if len(self.hasil.kesalahan) > before:
            return None
        kartu = nilai_dasar.text(cells["kartu"])
        keterangan = f"No. peserta {kartu}" if kartu else ""
        item = PenerimaBantuan(
            desa=self.hasil.desa, program=self.hasil.program, nik=nik, nama=nama,
            no_kk=peserta if keluarga else "", mulai=self.mulai, selesai=self.selesai,
            keterangan=keterangan[:500],
        )  # fmt: skip
        item.keluarga = self.households.get(item.no_kk) if item.no_kk else None
        return item

    def _lock(self, row):
        """Refuse a row whose months reach a sent or verified month (read under the desa lock)."""
        if self.last is not None and min(row.bulan) <= self.last:
            self._error(
                PESERTA, row.baris, JUDUL_PESERTA["peserta"],
                f"Laporan Ekonomi {self.hasil.desa} {self.last.label} sudah terkirim; penerima ini mulai "
                f"atau berhenti {min(row.bulan).label} akan mengubahnya. Ubah Rentang Waktu sheet Program ke "
                f"bulan sesudah {self.last.label}.",
            )  # fmt: skip

    def _banding(self, baris, item, old):
        if old is None:
            row = Baris(baris, item, "baru")
            row.bulan = [bulan for bulan in (item.mulai, item.selesai) if bulan]
            return row
        changed = [name for name in PENERIMA_FIELDS if getattr(old, name) != getattr(item, name)]
        bulan = [
            value
            for name in ("mulai", "selesai")
            if name in changed
            for value in (getattr(old, name), getattr(item, name))
            if value
        ]
        for name in PENERIMA_FIELDS:
            setattr(old, name, getattr(item, name))
        old.keluarga = item.keluarga or old.keluarga
        row = Baris(baris, old, "diubah" if changed else "sama")
        row.bulan = bulan or [old.mulai]
        return row

"""Checking every row of an `impor-ekonomi.xlsx` before anything is saved (all or nothing).

A No. KK already known in the desa updates that household; the same NIK in the same programme
and desa updates that recipient; a row equal to what is saved is left alone, so importing the
same file twice changes nothing the second time.
"""

from desa.identitas import check_nik, check_no_kk
from desa.periode import Periode
from kependudukan.ekonomi import aturan
from kependudukan.ekonomi.impor.baca import baca_berkas
from kependudukan.ekonomi.impor.hasil import Baris, HasilEkonomi
from kependudukan.ekonomi.impor.kolom import (
    KATEGORI_KS_ALIASES,
    PROGRAM_ALIASES,
    SHEET_KELUARGA,
    SHEET_PENERIMA,
    SHEETS,
    desil,
)
from kependudukan.ekonomi.kunci import bulan_terkunci
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, ProgramBantuan
from kependudukan.impor import nilai
from kependudukan.impor.pemeriksaan import Pemeriksaan, Tahapan

KELUARGA_FIELDS = ["nomor_rt", "nik_kepala", "nama_kepala", "jumlah_anggota", "desil", "kategori_ks",
                   "tanggal_pemutakhiran"]  # fmt: skip
SNAPSHOT_FIELDS = {"jumlah_anggota", "desil", "kategori_ks", "tanggal_pemutakhiran"}
PENERIMA_FIELDS = ["nama", "no_kk", "mulai", "selesai", "keterangan"]


# The sheets in the order they are checked, each with its method.
STEPS = ((SHEET_KELUARGA, "keluarga"), (SHEET_PENERIMA, "penerima"))


def periksa_berkas(source, *, desa_boleh, hari_ini=None, tahapan=None, kemajuan=None):
    """Check a workbook; `desa_boleh` is the set of desa codes the importer may write (None: all).

    Raises kependudukan.impor.baca.BerkasDitolak when the file as a whole cannot be read.
    `kemajuan` and `tahapan` as in kependudukan.impor.periksa.periksa_berkas.
    """
    tahapan = tahapan or Tahapan(STEPS, kemajuan)
    return _Pemeriksaan(desa_boleh, hari_ini, tahapan).periksa(baca_berkas, source)


class _Pemeriksaan(Pemeriksaan):
    sheets = SHEETS
    steps = STEPS

    def __init__(self, desa_boleh, hari_ini, tahapan):
        super().__init__(desa_boleh, hari_ini, HasilEkonomi(), tahapan)
        self.kk_in_file = {}  # (desa, no_kk) -> Keluarga of the Keluarga sheet
        self.locked = None  # {desa code: its last sent month}, read at the first row that needs it
        self.lock_read = set()

    def _text(self, sheet, number, key, raw, max_length, required=False, label=""):
        value = nilai.text(raw)
        if required and not value:
            self._error(sheet, number, key, f"{label} wajib diisi.")
        elif len(value) > max_length:
            self._error(sheet, number, key, f"Terlalu panjang (paling banyak {max_length} huruf).")
        return value

    def _identity(self, sheet, number, key, value, nik=True, required=True):
        if not value and not required:
            return
        result = check_nik(value) if nik else check_no_kk(value)
        for message in result.errors:
            self._error(sheet, number, key, message)
        for message in result.warnings:
            self._warning(sheet, number, key, message)

    def _lock(self, sheet, number, key, desa, periode):
        """Refuse a row whose data would reach a sent or verified month of the desa."""
        if self.locked is None:  # the importer's desa at once; for an administrator, each desa met
            self.locked = bulan_terkunci(list(self.desa_boleh)) if self.desa_boleh is not None else {}
            self.lock_read = set(self.desa_boleh or ())
        if desa.pk not in self.lock_read:
            self.locked.update(bulan_terkunci([desa.pk]))
            self.lock_read.add(desa.pk)
        last = self.locked.get(desa.pk)
        if last is not None and periode <= last:
            self._error(
                sheet, number, key,
                f"Laporan Ekonomi {desa} {last.label} sudah terkirim; data yang berlaku sejak "
                f"{periode.label} akan mengubahnya. Pakai bulan sesudah {last.label}.",
            )  # fmt: skip

    # -- Keluarga ---------------------------------------------------------------------------

    def keluarga(self, rows):
        parsed = [item for item in (self._parse_keluarga(number, raw) for number, raw in rows) if item]
        existing = {
            (item.desa_id, item.no_kk): item
            for item in Keluarga.objects.filter(desa_id__in={item.desa_id for _, item in parsed})
        }
        seen = {}
        for number, item in parsed:
            key = (item.desa_id, item.no_kk)
            if key in seen:
                self._error(SHEET_KELUARGA, number, "no_kk", f"No. KK ini sudah ada di baris {seen[key]}.")
                continue
            seen[key] = number
            old = existing.get(key)
            changed = [
                name for name in KELUARGA_FIELDS if old is None or getattr(old, name) != getattr(item, name)
            ]
            snapshot = any(name in SNAPSHOT_FIELDS for name in changed)
            if snapshot:
                self._lock(SHEET_KELUARGA, number, "tanggal_pemutakhiran", item.desa,
                           Periode.of(item.tanggal_pemutakhiran))  # fmt: skip
            if old is not None:
                for name in KELUARGA_FIELDS:
                    setattr(old, name, getattr(item, name))
                old.desa = item.desa  # already loaded: the summary names it
                item = old
            status = "baru" if old is None else ("diubah" if changed else "sama")
            self.kk_in_file[key] = item
            self.hasil.keluarga.append(Baris(number, item, status, snapshot))

    def _parse_keluarga(self, number, raw):
        sheet, before = SHEET_KELUARGA, len(self.hasil.kesalahan)
        desa = self._desa(sheet, number, raw.get("kode_desa"))
        nomor_rt = self._read(sheet, number, "rt", nilai.nomor_rt, raw.get("rt"))[0]
        no_kk = nilai.text(raw.get("no_kk"))
        self._identity(sheet, number, "no_kk", no_kk, nik=False)
        nik = nilai.text(raw.get("nik_kepala"))
        self._identity(sheet, number, "nik_kepala", nik)
        nama = self._text(
            sheet, number, "nama_kepala", raw.get("nama_kepala"), 100, True, "Nama kepala keluarga"
        )
        anggota, good = self._read(sheet, number, "jumlah_anggota", nilai.bilangan, raw.get("jumlah_anggota"))
        if good and not 1 <= anggota <= 50:
            self._error(sheet, number, "jumlah_anggota", "Jumlah anggota keluarga harus 1 sampai 50.")
        nilai_desil = self._read(sheet, number, "desil", desil, raw.get("desil"))[0]
        kategori = self._read(sheet, number, "kategori_ks", nilai.pilihan, raw.get("kategori_ks"),
                              KATEGORI_KS_ALIASES, "kategori KS")[0]  # fmt: skip
        tanggal, good = self._read(sheet, number, "tanggal_pemutakhiran", nilai.tanggal,
                                   raw.get("tanggal_pemutakhiran"))  # fmt: skip
        if good and tanggal is None:
            self._error(sheet, number, "tanggal_pemutakhiran", "Tanggal pemutakhiran wajib diisi.")
        elif tanggal:
            message = aturan.pesan_pemutakhiran(tanggal, self.hari_ini)
            if message:
                self._error(sheet, number, "tanggal_pemutakhiran", message)
        if len(self.hasil.kesalahan) > before:
            return None
        return number, Keluarga(
            desa=desa,
            nomor_rt=nomor_rt,
            no_kk=no_kk,
            nik_kepala=nik,
            nama_kepala=nama,
            jumlah_anggota=anggota,
            desil=nilai_desil,
            kategori_ks=kategori or "",
            tanggal_pemutakhiran=tanggal,
        )

    # -- Penerima Bantuan -------------------------------------------------------------------

    def penerima(self, rows):
        # A row's programme is a national one or its desa's kabupaten's: {kabupaten or None: {kode: program}}.
        self.program = {}
        for program in ProgramBantuan.objects.filter(aktif=True):
            self.program.setdefault(program.kabupaten_id, {})[program.kode.upper()] = program
        parsed = [item for item in (self._parse_penerima(number, raw) for number, raw in rows) if item]
        desa_ids = {item.desa_id for _, item in parsed}
        existing = {
            (item.desa_id, item.program_id, item.nik): item
            for item in PenerimaBantuan.objects.filter(desa_id__in=desa_ids).select_related("program")
        }
        households = {(k.desa_id, k.no_kk): k for k in Keluarga.objects.filter(desa_id__in=desa_ids)}
        seen = {}
        for number, item in parsed:
            key = (item.desa_id, item.program_id, item.nik)
            if key in seen:
                self._error(SHEET_PENERIMA, number, "nik", f"NIK ini di program {item.program} sudah ada di "
                            f"baris {seen[key]}.")  # fmt: skip
                continue
            seen[key] = number
            old = existing.get(key)
            changed = [
                name for name in PENERIMA_FIELDS if old is None or getattr(old, name) != getattr(item, name)
            ]
            months = [item.mulai, item.selesai]
            if old is not None:
                months = [
                    bulan
                    for name in ("mulai", "selesai")
                    if name in changed
                    for bulan in (getattr(old, name), getattr(item, name))
                ]
            months = [bulan for bulan in months if bulan is not None]
            if months:
                self._lock(SHEET_PENERIMA, number, "mulai", item.desa, min(months))
            if old is not None:
                for name in PENERIMA_FIELDS:
                    setattr(old, name, getattr(item, name))
                old.desa = item.desa  # already loaded: the summary names it
                item = old
            kk_key = (item.desa_id, item.no_kk)
            item.keluarga_baru = self.kk_in_file.get(kk_key) if item.no_kk else None
            if item.no_kk and item.keluarga_baru is None and kk_key in households:
                item.keluarga = households[kk_key]
            status = "baru" if old is None else ("diubah" if changed else "sama")
            self.hasil.penerima.append(Baris(number, item, status))

    def _parse_penerima(self, number, raw):
        sheet, before = SHEET_PENERIMA, len(self.hasil.kesalahan)
        desa = self._desa(sheet, number, raw.get("kode_desa"))
        kode = nilai.upper(raw.get("program"))
        kabupaten = desa.kecamatan.kabupaten_id if desa else None  # the desa come with their kecamatan
        known_here = {**self.program.get(None, {}), **self.program.get(kabupaten, {})}
        program = known_here.get(PROGRAM_ALIASES.get(kode, kode))
        if program is None:
            known = ", ".join(sorted(known_here))
            message = (
                "Program wajib diisi."
                if not kode
                else f"Program '{nilai.text(raw.get('program'))}' tidak dikenal."
            )
            self._error(sheet, number, "program", f"{message} Pakai salah satu: {known}.")
        nik = nilai.text(raw.get("nik"))
        self._identity(sheet, number, "nik", nik)
        nama = self._text(sheet, number, "nama", raw.get("nama"), 100, True, "Nama")
        no_kk = nilai.text(raw.get("no_kk"))
        self._identity(sheet, number, "no_kk", no_kk, nik=False, required=False)
        mulai = self._read(sheet, number, "mulai", nilai.periode, raw.get("mulai"))[0]
        selesai = None
        if nilai.text(raw.get("selesai")):
            selesai = self._read(sheet, number, "selesai", nilai.periode, raw.get("selesai"))[0]
        message = mulai and aturan.pesan_mulai(mulai, self.hari_ini)
        if message:
            self._error(sheet, number, "mulai", message)
        message = selesai and aturan.pesan_selesai(selesai, mulai, self.hari_ini)
        if message:
            self._error(sheet, number, "selesai", message)
        keterangan = self._text(sheet, number, "keterangan", raw.get("keterangan"), 500)
        if len(self.hasil.kesalahan) > before:
            return None
        return number, PenerimaBantuan(
            desa=desa, program=program, nik=nik, nama=nama, no_kk=no_kk, mulai=mulai,
            selesai=selesai, keterangan=keterangan,
        )  # fmt: skip

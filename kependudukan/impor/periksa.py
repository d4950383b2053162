"""Checking every row of an import before anything is saved (all or nothing).

The same rules as the forms (kependudukan.aturan), applied to all rows with the data they
need loaded once: desa, data awal, locked months, events already saved, each NIK's history.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Min

from desa.ledger import locked_periods
from desa.models import Desa
from desa.models.laporan import JenisLaporan, LaporanBulanan
from desa.periode import Periode, periode_in_range
from desa.scoping import is_administrator, may_write
from kependudukan import aturan
from kependudukan.impor import nilai
from kependudukan.impor.baca import baca_berkas
from kependudukan.impor.hasil import BarisDataAwal, HasilImpor
from kependudukan.impor.kolom import (
    JENIS_ALIASES,
    JENIS_KELAMIN_ALIASES,
    KEWARGANEGARAAN_ALIASES,
    SHEET_DATA_AWAL,
    SHEET_PERISTIWA,
    SHEETS,
    YA_TIDAK_ALIASES,
)
from kependudukan.impor.pemeriksaan import Pemeriksaan, Tahapan
from kependudukan.models import DataAwal, JenisPeristiwa, Peristiwa
from kependudukan.services.data_awal import PESAN_BEKU
from kependudukan.services.peristiwa import TRACKED_FIELDS

_CHUNK = 500
_MAX_LENGTH = {name: Peristiwa._meta.get_field(name).max_length for name in TRACKED_FIELDS}


# The sheets in the order they are checked, each with its method.
STEPS = ((SHEET_DATA_AWAL, "data_awal"), (SHEET_PERISTIWA, "peristiwa"))


def periksa_berkas(
    source, *, desa_boleh, hari_ini=None, tahapan=None, kemajuan=None, baca=baca_berkas, judul=None
):
    """Check a workbook; `desa_boleh` is the set of desa codes the importer may write (None: all).

    Raises baca.BerkasDitolak when the file as a whole cannot be read. `kemajuan` is told each
    step (pemeriksaan.Tahapan); a save passes its own `tahapan`, which ends with saving. Another
    layout brings its own `baca`, giving rows under our template's column keys, and `judul`, the
    headers its messages name ({column key: header}), so its rows meet the very same rules.
    """
    tahapan = tahapan or Tahapan(STEPS, kemajuan)
    return _Pemeriksaan(desa_boleh, hari_ini, tahapan, judul).periksa(baca, source)


@dataclass
class _Baris:
    """One parsed event row waiting for the checks that need the database."""

    number: int
    event: Peristiwa
    warnings: list


class _Pemeriksaan(Pemeriksaan):
    sheets = SHEETS
    steps = STEPS

    def __init__(self, desa_boleh, hari_ini, tahapan, judul=None):
        super().__init__(desa_boleh, hari_ini, HasilImpor(), tahapan)
        self.headers[SHEET_PERISTIWA].update(judul or {})
        self.data_awal_baru = {}

    # -- Data Awal --------------------------------------------------------------------------

    def data_awal(self, rows):
        parsed = [row for row in (self._parse_data_awal(number, raw) for number, raw in rows) if row]
        desa_ids = {row.desa.pk for row in parsed}
        existing = {item.desa_id: item for item in DataAwal.objects.filter(desa_id__in=desa_ids)}
        frozen = set(
            LaporanBulanan.objects.filter(
                desa_id__in=desa_ids, jenis=JenisLaporan.KEPENDUDUKAN, pertama_dikirim_at__isnull=False
            ).values_list("desa_id", flat=True)
        )
        locked = locked_periods(desa_ids, JenisLaporan.KEPENDUDUKAN)
        first_event = dict(
            Peristiwa.objects.filter(desa_id__in=desa_ids)
            .values("desa_id")
            .annotate(first=Min("periode"))
            .values_list("desa_id", "first")
        )
        seen = {}
        for row in parsed:
            kode = row.desa.pk
            if kode in seen:
                self._error(
                    SHEET_DATA_AWAL,
                    row.baris,
                    "kode_desa",
                    f"Data awal {row.desa} sudah ada di baris {seen[kode]}.",
                )
                continue
            seen[kode] = row.baris
            old = existing.get(kode)
            if old and _same(old, row):
                row.status = "sama"
            elif kode in frozen:
                self._error(SHEET_DATA_AWAL, row.baris, "periode", f"{row.desa}: {PESAN_BEKU}")
                continue
            elif (kode, row.periode) in locked:
                self._error(
                    SHEET_DATA_AWAL,
                    row.baris,
                    "periode",
                    f"Laporan {row.periode.label} {row.desa} sudah terkirim.",
                )
                continue
            elif kode in first_event and first_event[kode] < row.periode:
                first = first_event[kode]
                self._error(
                    SHEET_DATA_AWAL, row.baris, "periode",
                    f"{row.desa} sudah punya peristiwa yang dilaporkan {first.label}, "
                    f"sebelum {row.periode.label}.",
                )  # fmt: skip
                continue
            else:
                row.status = "diubah" if old else "baru"
            self.hasil.data_awal.append(row)
            self.data_awal_baru[kode] = DataAwal(desa=row.desa, periode=row.periode)

    def _parse_data_awal(self, number, raw):
        ok = True
        desa = self._desa(SHEET_DATA_AWAL, number, raw.get("kode_desa"))
        periode, good = self._read(SHEET_DATA_AWAL, number, "periode", nilai.periode, raw.get("periode"))
        ok = ok and good and desa is not None
        if good and periode > Periode.of(self.hari_ini):
            self._error(SHEET_DATA_AWAL, number, "periode", f"Periode {periode.label} belum berjalan.")
            ok = False
        elif good and not periode_in_range(periode):
            self._error(SHEET_DATA_AWAL, number, "periode", f"Periode {periode.label} terlalu lama.")
            ok = False
        counts = {}
        for key in ("wni_l", "wni_p", "wna_l", "wna_p", "jumlah_kk"):
            counts[key], good = self._read(SHEET_DATA_AWAL, number, key, nilai.bilangan, raw.get(key))
            ok = ok and good
        if not ok:
            return None
        total = counts["wni_l"] + counts["wni_p"] + counts["wna_l"] + counts["wna_p"]
        if counts["jumlah_kk"] > total:
            self._error(
                SHEET_DATA_AWAL,
                number,
                "jumlah_kk",
                f"Jumlah KK ({counts['jumlah_kk']}) lebih dari jumlah penduduk ({total}).",
            )
            return None
        return BarisDataAwal(number, desa, periode, **counts)

    # -- Peristiwa --------------------------------------------------------------------------

    def peristiwa(self, rows):
        parsed = [row for row in (self._parse_event(number, raw) for number, raw in rows) if row]
        if not parsed:
            return
        desa_ids = {row.event.desa_id for row in parsed}
        dates = [row.event.tanggal_peristiwa for row in parsed]
        saved = set(
            Peristiwa.objects.filter(
                desa_id__in=desa_ids, tanggal_peristiwa__range=(min(dates), max(dates))
            ).values_list("desa_id", "jenis", "kunci", "tanggal_peristiwa")
        )
        starts = {item.desa_id: item for item in DataAwal.objects.filter(desa_id__in=desa_ids)}
        starts.update(self.data_awal_baru)
        locked = locked_periods(desa_ids, JenisLaporan.KEPENDUDUKAN)
        history = self._nik_history(desa_ids, {row.event.nik for row in parsed if row.event.nik})
        in_file = {}
        for row in parsed:
            self._rules(row, saved, starts, locked, history, in_file)

    def _rules(self, row, saved, starts, locked, history, in_file):
        event, number = row.event, row.number
        key = (event.desa_id, event.jenis, event.kunci, event.tanggal_peristiwa)
        if key in in_file:
            self._error(
                SHEET_PERISTIWA, number, "", f"Baris ini sama dengan baris {in_file[key]} (peristiwa ganda)."
            )
            return
        in_file[key] = number
        if key in saved:
            self.hasil.sudah_ada += 1
            return
        if (event.desa_id, event.periode) in locked:
            self._error(
                SHEET_PERISTIWA, number, "tanggal_lapor",
                f"Laporan Kependudukan {event.periode.label} {event.desa} sudah terkirim atau "
                "terverifikasi; peristiwa bulan itu tidak dapat ditambah.",
            )  # fmt: skip
            return
        message = aturan.pesan_data_awal(starts.get(event.desa_id), event.tanggal_lapor)
        if message:
            self._error(SHEET_PERISTIWA, number, "tanggal_lapor", f"{event.desa}: {message}")
            return
        if event.nik:
            others = history[(event.desa_id, event.nik)]
            message = aturan.pesan_keluar_ganda(event.jenis, event.tanggal_peristiwa, others)
            if message:
                self._error(SHEET_PERISTIWA, number, "nik", message)
                return
            others.append((event.jenis, event.tanggal_peristiwa))
        event.baris = number
        self.hasil.peristiwa.append(event)
        for text in row.warnings:
            self._warning(SHEET_PERISTIWA, number, "nik", text)

    def _nik_history(self, desa_ids, niks):
        history = defaultdict(list)
        niks = sorted(niks)
        for start in range(0, len(niks), _CHUNK):
            rows = Peristiwa.objects.filter(desa_id__in=desa_ids, nik__in=niks[start : start + _CHUNK])
            for desa_id, nik, jenis, tanggal in rows.values_list(
                "desa_id", "nik", "jenis", "tanggal_peristiwa"
            ):
                history[(desa_id, nik)].append((jenis, tanggal))
        return history

    def _parse_event(self, number, raw):
        before = len(self.hasil.kesalahan)
        sheet = SHEET_PERISTIWA

        def read(key, reader, *args):
            return self._read(sheet, number, key, reader, raw.get(key), *args)[0]

        desa = self._desa(sheet, number, raw.get("kode_desa"))
        jenis = read("jenis", nilai.pilihan, JENIS_ALIASES, "jenis peristiwa")
        nomor_rt = read("rt", nilai.nomor_rt)
        tanggal_peristiwa = read("tanggal_peristiwa", nilai.tanggal)
        tanggal_lapor = read("tanggal_lapor", nilai.tanggal) or tanggal_peristiwa
        tanggal_lahir = read("tanggal_lahir", nilai.tanggal)
        jenis_kelamin = read("jenis_kelamin", nilai.pilihan, JENIS_KELAMIN_ALIASES, "jenis kelamin")
        kewarganegaraan = read("kewarganegaraan", nilai.pilihan, KEWARGANEGARAAN_ALIASES, "kewarganegaraan")
        kepala = read("kepala_keluarga", nilai.pilihan, YA_TIDAK_ALIASES, "isian Kepala Keluarga")
        texts = {
            key: nilai.text(raw.get(key)) for key in ("nik", "no_kk", "nama", "asal_tujuan", "keterangan")
        }
        if not tanggal_peristiwa and "tanggal_peristiwa" not in self._failed(before, number):
            self._error(sheet, number, "tanggal_peristiwa", "Tanggal peristiwa wajib diisi.")
        if not texts["nama"]:
            self._error(sheet, number, "nama", "Nama wajib diisi.")
        if not jenis_kelamin and "jenis_kelamin" not in self._failed(before, number):
            self._error(sheet, number, "jenis_kelamin", "Jenis kelamin wajib diisi: L atau P.")
        for key, field_name in [
            ("nama", "nama"),
            ("asal_tujuan", "alamat_asal_tujuan"),
            ("keterangan", "keterangan"),
        ]:
            if len(texts[key]) > _MAX_LENGTH[field_name]:
                self._error(
                    sheet, number, key, f"Terlalu panjang (paling banyak {_MAX_LENGTH[field_name]} huruf)."
                )
        if (
            jenis == JenisPeristiwa.LAHIR
            and tanggal_lahir
            and tanggal_peristiwa
            and tanggal_lahir != tanggal_peristiwa
        ):
            self._error(
                sheet,
                number,
                "tanggal_lahir",
                "Untuk LAHIR, tanggal lahir adalah tanggal peristiwa; kosongkan atau samakan.",
            )
        if jenis == JenisPeristiwa.LAHIR:
            tanggal_lahir = tanggal_peristiwa
        for field_name, message in aturan.pesan_tanggal(
            tanggal_peristiwa, tanggal_lapor, tanggal_lahir, self.hari_ini
        ).items():
            self._error(sheet, number, field_name, message)
        warnings = []
        if jenis:
            error, warnings = aturan.periksa_nik(jenis, texts["nik"], jenis_kelamin, tanggal_lahir)
            if error:
                self._error(sheet, number, "nik", error)
        error = aturan.periksa_no_kk(texts["no_kk"])
        if error:
            self._error(sheet, number, "no_kk", error)
        other = None
        is_move = jenis in (JenisPeristiwa.DATANG, JenisPeristiwa.PINDAH)
        if is_move and nilai.text(raw.get("kode_desa_asal_tujuan")):
            other = self._desa(
                sheet, number, raw.get("kode_desa_asal_tujuan"), "kode_desa_asal_tujuan", own=False
            )
            if other is not None and desa is not None and other.pk == desa.pk:
                self._error(
                    sheet, number, "kode_desa_asal_tujuan", "Desa asal/tujuan tidak boleh desa itu sendiri."
                )
        if len(self.hasil.kesalahan) > before:
            return None
        event = Peristiwa(
            desa=desa, jenis=jenis, nomor_rt=nomor_rt, tanggal_peristiwa=tanggal_peristiwa,
            tanggal_lapor=tanggal_lapor, nik=texts["nik"], no_kk=texts["no_kk"], nama=texts["nama"],
            jenis_kelamin=jenis_kelamin, tanggal_lahir=tanggal_lahir, kewarganegaraan=kewarganegaraan,
            kepala_keluarga=bool(kepala) and is_move,
            alamat_asal_tujuan=texts["asal_tujuan"] if is_move else "",
            desa_asal_tujuan=other, keterangan=texts["keterangan"], peringatan=warnings,
        )  # fmt: skip
        if jenis == JenisPeristiwa.PINDAH and other is not None:
            event.tingkat_pindah = aturan.tingkat_for(desa, other)
        elif jenis == JenisPeristiwa.PINDAH:
            # No column of our template: a layout that states it (OpenSID's ref_pindah) passes it.
            event.tingkat_pindah = raw.get("tingkat_pindah") or ""
        event.fill_derived_fields()
        return _Baris(number, event, warnings)

    def _failed(self, before, number):
        headers = {k.kolom for k in self.hasil.kesalahan[before:] if k.baris == number}
        return {key for key, header in self.headers[SHEET_PERISTIWA].items() if header in headers}


def _same(old, row):
    return old.periode == row.periode and (
        old.wni_l,
        old.wni_p,
        old.wna_l,
        old.wna_p,
        old.jumlah_kk,
    ) == (row.wni_l, row.wni_p, row.wna_l, row.wna_p, row.jumlah_kk)


def desa_boleh_for(user):
    """The desa codes a user may import for: None means every desa (an administrator)."""
    if user is None or is_administrator(user):
        return None
    return {
        desa.pk for desa in Desa.objects.for_user(user).select_related("kecamatan") if may_write(user, desa)
    }

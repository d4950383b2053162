"""What one recap workbook covers: which desa, which months, made when and by whom.

The compliance grid is read here once (one ledger query) because three sheets use it:
the rates of `Ringkasan`, the `Kepatuhan` sheet and the report state in the Keterangan
columns of `Kependudukan` and `Linmas`.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone

from desa import kepatuhan
from desa.models import Desa, Kecamatan
from desa.models.laporan import JenisLaporan, Keadaan
from desa.periode import Periode, format_waktu
from desa.registry import required_kinds
from kependudukan.ekonomi.tanda import tanda_penerima


class RekapError(ValueError):
    """A request the recap cannot answer (a year not begun yet); the message is for people."""


@dataclass
class RekapScope:
    wilayah: str  # "Kecamatan Paringin" or "Kabupaten Balangan"
    nama_berkas: str  # the name in the file name: "Paringin", "Kabupaten-Balangan"
    kecamatan_list: list
    desa_list: list  # Desa with kecamatan loaded, in code order (so each kecamatan is one block)
    periode: Periode | None  # the month, or None for a year
    tahun: int | None
    dibuat_oleh: str
    is_kabupaten: bool = False  # a workbook of several kecamatan: one block per kecamatan, with subtotals
    tingkat: str = "Kecamatan"  # the level named on the grand total of the summary: Kabupaten, Provinsi
    dengan_nik: bool = True  # False: NIK and No. KK masked on every sheet (UU 27/2022, PDP)
    lembar_pribadi: list = field(default_factory=list)  # after writing: sheets holding personal data
    isi: list = field(default_factory=list)  # (sheet name, description) of each sheet, for Ringkasan
    created_at: object = field(default_factory=timezone.now)
    _tanda: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _dilaporkan: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def is_tahunan(self):
        return self.periode is None

    @property
    def kecamatan(self):
        """The kecamatan of a one-kecamatan workbook (signature block, title)."""
        return None if self.is_kabupaten else self.kecamatan_list[0]

    @cached_property
    def periode_list(self):
        """The months covered: the month, or January to December (the current month at most)."""
        if self.periode is not None:
            return [self.periode]
        last = min(Periode(self.tahun, 12), Periode.current())
        return [Periode(self.tahun, bulan) for bulan in range(1, last.bulan + 1)]

    @property
    def label(self):
        """Agustus 2026; Tahun 2025; Tahun 2026 (Januari–November) while the year runs."""
        if self.periode is not None:
            return self.periode.label
        if len(self.periode_list) == 12:
            return f"Tahun {self.tahun}"
        return f"Tahun {self.tahun} ({_span(self.periode_list)})"

    @property
    def label_bulan_berdata(self):
        """The months whose compliance is counted: "Agustus–Desember 2025"."""
        return f"{_span(self.bulan_berdata)} {self.bulan_berdata[-1].tahun}"

    @property
    def kode_periode(self):
        return str(self.periode) if self.periode is not None else f"{self.tahun:04d}"

    @property
    def filename(self):
        return f"Rekap-{self.nama_berkas}-{self.kode_periode}.xlsx"

    @cached_property
    def kinds(self):
        """Every kind required by at least one kecamatan of the scope, in JenisLaporan order."""
        required = {jenis for kecamatan in self.kecamatan_list for jenis in required_kinds(kecamatan)}
        return [jenis for jenis in JenisLaporan.values if jenis in required]

    @cached_property
    def kepatuhan(self):
        """{periode: [BarisDesa]} for the covered months, each desa with only the kinds its
        kecamatan requires (the other cells are None), in one ledger query."""
        history = kepatuhan.history(self.desa_list, self.kinds, self.periode_list, self.created_at)
        required = {kecamatan.pk: set(required_kinds(kecamatan)) for kecamatan in self.kecamatan_list}
        for rows in history.values():
            for row in rows:
                wanted = required[row.desa.kecamatan_id]
                row.sel = [sel if sel.jenis in wanted else None for sel in row.sel]
        return history

    def tanda_penerima(self, periode):
        """The aid recipients' flags of a covered month, read once for the three sheets that
        show them (Ekonomi, Penerima Bantuan, Temuan); a month's flags are few."""
        if periode not in self._tanda:
            self._tanda[periode] = tanda_penerima(self.desa_list, periode)
        return self._tanda[periode]

    @cached_property
    def bulan_berdata(self):
        """The covered months from the first one the ledger knows anything about (all when none)."""
        months = self.periode_list
        for index, periode in enumerate(months):
            if any(sel and sel.laporan for row in self.kepatuhan[periode] for sel in row.sel):
                return months[index:]
        return months

    def sel_of(self, jenis):
        """{desa kode: [Sel of each month with data]} for one kind (empty lists when not required)."""
        if jenis not in self.kinds:
            return {desa.pk: [] for desa in self.desa_list}
        index = self.kinds.index(jenis)
        result = {desa.pk: [] for desa in self.desa_list}
        for periode in self.bulan_berdata:
            for row in self.kepatuhan[periode]:
                sel = row.sel[index]
                if sel is not None:
                    result[row.desa.pk].append(sel)
        return result

    def keadaan_laporan(self, jenis):
        """{desa kode: the state of the desa's report of this kind, in words}, for Keterangan."""
        return {kode: keadaan_teks(sels) for kode, sels in self.sel_of(jenis).items()}

    def dilaporkan(self, jenis):
        """{desa kode: whether its numbers of this kind count as reported}: every month of the scope
        that is due is sent or verified; a month still open or returned is not. A kind its
        kecamatan does not require (no cells) has no monthly send: its records count as they are."""
        if jenis not in self._dilaporkan:
            result = {}
            for kode, sels in self.sel_of(jenis).items():
                due = [sel for sel in sels if sel.keadaan not in _NOT_DUE]
                result[kode] = not sels or (bool(due) and all(sel.keadaan in _REPORTED for sel in due))
            self._dilaporkan[jenis] = result  # per-kecamatan subtotals ask again for every block
        return self._dilaporkan[jenis]

    def dihitung(self, jenis, rows):
        """The rows (each with `desa_kode`) a total may count: those whose report is sent or verified."""
        reported = self.dilaporkan(jenis)
        return [row for row in rows if reported[row.desa_kode]]

    def cakupan(self, jenis, rows):
        """The words a total carries: how many desa it covers, of how many."""
        if jenis not in self.kinds:
            return f"Jumlah {len(rows)} desa/kelurahan (laporan ini tidak wajib dikirim ke kecamatan)"
        return (
            f"Jumlah {len(self.dihitung(jenis, rows))} dari {len(rows)} desa/kelurahan yang laporannya "
            "terkirim atau terverifikasi"
        )

    def blocks(self, rows_by_desa):
        """[(kecamatan, [row of each of its desa])] in code order, for per-kecamatan subtotals."""
        result = []
        for desa in self.desa_list:
            if not result or result[-1][0].pk != desa.kecamatan_id:
                result.append((desa.kecamatan, []))
            result[-1][1].append(rows_by_desa[desa.pk])
        return result


# Said on each per-desa row whose report is not (yet) sent or verified.
TIDAK_DIHITUNG = "belum dilaporkan, tidak dihitung dalam JUMLAH"
# Said under each sheet whose verified months are read from their snapshots (desa.cuplikan).
CATATAN_BEKU = (
    "Angka bulan yang terverifikasi dibaca dari cuplikan yang disimpan saat verifikasi, "
    "tidak dihitung ulang dari data sesudahnya."
)


def teks_beku(bulan, waktu=None):
    """What a row's Keterangan says of its months read from their snapshots: one month with the
    time it was verified, several by number; "" for none."""
    if waktu is not None and bulan == 1:
        return f"angka dibekukan saat verifikasi {format_waktu(waktu)}"
    if bulan:
        return f"{bulan} bulan dengan angka yang dibekukan saat verifikasi"
    return ""


_REPORTED = {Keadaan.TEPAT_WAKTU, Keadaan.TERLAMBAT, Keadaan.DIVERIFIKASI}
_NOT_DUE = {Keadaan.BELUM_WAJIB, Keadaan.BELUM_JATUH_TEMPO}


def _span(months):
    first, last = months[0].label.split()[0], months[-1].label.split()[0]
    return first if first == last else f"{first}–{last}"


def rekap_of(sels):
    """The rates of some cells (None cells, kinds not required, are left out)."""
    total = kepatuhan.Rekap()
    for sel in sels:
        if sel is not None:
            total.add(sel)
    return total


def keadaan_teks(sels):
    """One month: "Terverifikasi", "Terlambat 3 hari, nihil"; several: "12 bulan: Belum dikirim 2,
    Terverifikasi 10"."""
    if not sels:
        return "Laporan tidak wajib"
    if len(sels) == 1:
        sel = sels[0]
        parts = [sel.keadaan_label]
        if sel.keadaan == Keadaan.TERLAMBAT:
            parts[0] += f" {sel.hari_terlambat} hari"
        elif sel.keadaan == Keadaan.BELUM_DIKIRIM and sel.hari_terlambat:
            parts.append(f"lewat {sel.hari_terlambat} hari")
        elif sel.hari_terlambat:
            parts.append(f"terlambat {sel.hari_terlambat} hari")
        if sel.laporan is not None and sel.laporan.nihil and sel.is_sent:
            parts.append("nihil")
        return ", ".join(parts)
    counts = Counter(sel.keadaan for sel in sels)
    shown = ", ".join(f"{Keadaan(state).label} {counts[state]}" for state in Keadaan.values if counts[state])
    return f"{len(sels)} bulan: {shown}"


def _desa_of(kecamatan_ids):
    return list(
        Desa.objects.filter(kecamatan_id__in=kecamatan_ids).select_related("kecamatan").order_by("kode")
    )


def _check_time(periode, tahun):
    if tahun is not None and tahun > Periode.current().tahun:
        raise RekapError(f"Tahun {tahun} belum berjalan.")
    if (periode is None) == (tahun is None):
        raise RekapError("Pilih salah satu: satu periode (bulan) atau satu tahun.")


def scope_kecamatan(kecamatan, *, dibuat_oleh, periode=None, tahun=None, dengan_nik=True):
    _check_time(periode, tahun)
    return RekapScope(
        wilayah=f"Kecamatan {kecamatan.nama}",
        nama_berkas=_slug(kecamatan.nama),
        kecamatan_list=[kecamatan],
        desa_list=_desa_of([kecamatan.pk]),
        periode=periode,
        tahun=tahun,
        dibuat_oleh=dibuat_oleh,
        dengan_nik=dengan_nik,
    )


def scope_kabupaten(kabupaten, **options):
    """The kabupaten's workbook: each of its kecamatan as one block."""
    kecamatan_list = list(kabupaten.kecamatan_set.order_by("kode"))
    nama_berkas = f"{kabupaten.get_jenis_display()}-{_slug(kabupaten.nama)}"
    return _scope_banyak(kabupaten, nama_berkas, kecamatan_list, "Kabupaten", **options)


def scope_provinsi(provinsi, **options):
    """The provinsi's workbook: every kecamatan of its kabupaten/kota, one block each."""
    kecamatan_list = list(Kecamatan.objects.filter(kabupaten__provinsi=provinsi).order_by("kode"))
    return _scope_banyak(provinsi, f"Provinsi-{_slug(provinsi.nama)}", kecamatan_list, "Provinsi", **options)


def _scope_banyak(
    wilayah, nama_berkas, kecamatan_list, tingkat, *, dibuat_oleh, periode=None, tahun=None, dengan_nik=True
):
    _check_time(periode, tahun)
    return RekapScope(
        wilayah=str(wilayah),  # "Kabupaten Balangan", "Kota Banjarmasin", "Provinsi Kalimantan Selatan"
        nama_berkas=nama_berkas,
        kecamatan_list=kecamatan_list,
        desa_list=_desa_of([kecamatan.pk for kecamatan in kecamatan_list]),
        periode=periode,
        tahun=tahun,
        dibuat_oleh=dibuat_oleh,
        is_kabupaten=True,
        tingkat=tingkat,
        dengan_nik=dengan_nik,
    )


def _slug(nama):
    """A file-name-safe name that stays readable: "Tebing Tinggi" -> "Tebing-Tinggi"."""
    return re.sub(r"[^0-9A-Za-z]+", "-", nama).strip("-") or "Wilayah"

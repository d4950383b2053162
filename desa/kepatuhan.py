"""Compliance of a set of desa for a month: the cells of the dashboard grid and its rates.

Reads only the ledger, in one query for the whole set of desa, however many there are.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from desa.models.laporan import JenisLaporan, Keadaan, LaporanBulanan, hari_terlambat, keadaan
from desa.registry import monthly_report_url

SENT_STATES = {Keadaan.TEPAT_WAKTU, Keadaan.TERLAMBAT, Keadaan.DIKEMBALIKAN, Keadaan.DIVERIFIKASI}


@dataclass
class Sel:
    desa: object
    jenis: str
    periode: object
    laporan: object  # LaporanBulanan or None
    batas: object
    keadaan: str
    hari_terlambat: int

    @property
    def jenis_label(self):
        return JenisLaporan(self.jenis).label

    @property
    def keadaan_label(self):
        return Keadaan(self.keadaan).label

    @property
    def is_sent(self):
        return self.laporan is not None and self.laporan.is_sent

    @property
    def is_on_time(self):
        return self.is_sent and self.laporan.pertama_dikirim_at < self.batas

    @property
    def url(self):
        return monthly_report_url(self.jenis, self.desa, self.periode)


@dataclass
class BarisDesa:
    desa: object
    sel: list = field(default_factory=list)


@dataclass
class Rekap:
    expected: int = 0
    sent: int = 0
    on_time: int = 0

    @property
    def tingkat_pelaporan(self):
        return self.sent / self.expected if self.expected else None

    @property
    def ketepatan_waktu(self):
        return self.on_time / self.expected if self.expected else None

    def add(self, sel):
        self.expected += 1
        self.sent += sel.is_sent
        self.on_time += sel.is_on_time


def grid(desa_list, kinds, periode, now=None):
    """Rows of cells, one per desa × kind, for `periode`; desa_list carries its kecamatan."""
    now = now or timezone.now()
    ledger = {
        (row.desa_id, row.jenis): row
        for row in LaporanBulanan.objects.filter(
            desa__in=[d.pk for d in desa_list], periode=periode.awal, jenis__in=list(kinds)
        )
    }
    rows = []
    for desa in desa_list:
        row = BarisDesa(desa)
        for jenis in kinds:
            laporan = ledger.get((desa.pk, jenis))
            row.sel.append(make_sel(desa, jenis, periode, laporan, now))
        rows.append(row)
    return rows


def make_sel(desa, jenis, periode, laporan, now):
    hari = desa.kecamatan.hari_batas_waktu
    batas = laporan.batas_waktu(hari) if laporan else periode.batas_waktu(hari)
    state = keadaan(laporan, batas, now)
    late = hari_terlambat(laporan, batas, now) if state != Keadaan.BELUM_JATUH_TEMPO else 0
    return Sel(desa, jenis, periode, laporan, batas, state, late)


def rekap(rows):
    total = Rekap()
    for row in rows:
        for sel in row.sel:
            total.add(sel)
    return total

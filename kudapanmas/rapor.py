"""The rapor desa: each desa's on-time rate over twelve months, ranked, for the camat's meeting."""

from dataclasses import dataclass

from django.utils import timezone

from desa import kepatuhan
from desa.periode import NAMA_BULAN
from desa.registry import required_kinds
from kudapanmas.dasbor import desa_of

RAPOR_BULAN = 12
# The chart's drawing area in SVG units; the SVG scales to the page width.
CHART_TINGGI = 150
CHART_ATAS = 24
CHART_KIRI = 34
CHART_LANGKAH = 46
CHART_LEBAR_BATANG = 30


@dataclass
class BarisRapor:
    desa: object
    rekap: object
    bulan: list  # one Sel per month and kind, oldest first
    peringkat: int = 0

    @property
    def lebar(self):
        """The on-time rate as a whole percentage, for the width of its bar."""
        return round((self.rekap.ketepatan_waktu or 0) * 100)


@dataclass
class BulanRapor:
    periode: object
    rekap: object

    index: int = 0

    @property
    def singkat(self):
        return f"{NAMA_BULAN[self.periode.bulan - 1][:3]} {self.periode.tahun % 100:02d}"

    @property
    def tinggi(self):
        return round((self.rekap.ketepatan_waktu or 0) * CHART_TINGGI, 1)

    @property
    def x(self):
        return CHART_KIRI + self.index * CHART_LANGKAH + (CHART_LANGKAH - CHART_LEBAR_BATANG) / 2

    @property
    def x_tengah(self):
        return CHART_KIRI + self.index * CHART_LANGKAH + CHART_LANGKAH / 2

    @property
    def y(self):
        return CHART_ATAS + CHART_TINGGI - self.tinggi

    @property
    def y_label(self):
        return self.y - 6

    @property
    def label_persen(self):
        rate = self.rekap.ketepatan_waktu
        return "–" if rate is None else f"{round(rate * 100)}%"


@dataclass
class Rapor:
    kecamatan: object
    periodes: list
    kinds: list
    rows: list
    bulan: list
    total: object

    @property
    def awal(self):
        return self.periodes[0]

    @property
    def akhir(self):
        return self.periodes[-1]

    @property
    def chart(self):
        """Fixed geometry of the chart, so the template only places what it is given."""
        dasar = CHART_ATAS + CHART_TINGGI
        return {
            "lebar": CHART_KIRI + len(self.bulan) * CHART_LANGKAH + 8,
            "tinggi": dasar + 30,
            "dasar": dasar,
            "label_y": dasar + 18,
            "lebar_batang": CHART_LEBAR_BATANG,
            "garis": [
                {"y": CHART_ATAS + CHART_TINGGI * (100 - persen) / 100, "label": f"{persen}%"}
                for persen in (0, 50, 100)
            ],
            "kiri": CHART_KIRI,
            "label_x": CHART_KIRI - 4,
        }


def rapor_desa(kecamatan, akhir, now=None):
    """Each desa's on-time rate over the 12 months ending at `akhir`, ranked best first."""
    now = now or timezone.now()
    periodes = [akhir.shift(offset) for offset in range(1 - RAPOR_BULAN, 1)]
    kinds = required_kinds(kecamatan)
    desa_list = desa_of(kecamatan)
    per_month = kepatuhan.history(desa_list, kinds, periodes, now)
    rows = {desa.pk: BarisRapor(desa, kepatuhan.Rekap(), []) for desa in desa_list}
    bulan = []
    total = kepatuhan.Rekap()
    for index, periode in enumerate(periodes):
        bulan.append(BulanRapor(periode, kepatuhan.rekap(per_month[periode]), index))
        for baris in per_month[periode]:
            row = rows[baris.desa.pk]
            for sel in baris.sel:
                row.rekap.add(sel)
                row.bulan.append(sel)
                total.add(sel)
    ranked = sorted(rows.values(), key=lambda row: (-row.rekap.on_time, -row.rekap.sent, row.desa.kode))
    previous = None
    for position, row in enumerate(ranked, start=1):
        key = (row.rekap.on_time, row.rekap.sent)
        row.peringkat = ranked[position - 2].peringkat if key == previous else position
        previous = key
    return Rapor(kecamatan, periodes, kinds, ranked, bulan, total)

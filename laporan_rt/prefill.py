"""What an RT report is pre-filled from, and what a figure differing from it must explain.

The events come from kependudukan (the desa's recorded births, deaths, arrivals and
departures of the RT in that month); the start of the month is the RT's own previous end.
A report may differ from both, but only with a note (`catatan_perbedaan`).
"""

from dataclasses import dataclass

from kependudukan.rincian import jumlah_peristiwa_per_rt
from laporan_rt.models import LABEL_PERISTIWA, PERISTIWA_FIELDS, LaporanRT

LABEL_JENIS_KELAMIN = {"L": "laki-laki", "P": "perempuan"}
LABEL_AWAL = {"awal_kk": "KK awal bulan", "awal_l": "Laki-laki awal bulan", "awal_p": "Perempuan awal bulan"}


def kosong():
    return {jenis: {"L": 0, "P": 0} for jenis in PERISTIWA_FIELDS}


@dataclass(frozen=True)
class Selisih:
    """One figure that differs from its pre-fill."""

    field: str
    label: str
    acuan: int
    diisi: int

    def __str__(self):
        return f"{self.label}: isian otomatis {self.acuan}, diisi {self.diisi}"


@dataclass
class Acuan:
    peristiwa: dict  # {"LAHIR": {"L": n, "P": n}, ...} recorded for this RT and month
    bulan_lalu: LaporanRT | None  # the RT's report of the previous month, when there is one

    def initial(self):
        """Form initial values for a report not yet saved."""
        values = {name: self.peristiwa[jenis][jk] for jenis, fields in PERISTIWA_FIELDS.items()
                  for jk, name in fields.items()}  # fmt: skip
        if self.bulan_lalu is not None:
            values.update(
                awal_kk=self.bulan_lalu.akhir_kk,
                awal_l=self.bulan_lalu.akhir_l,
                awal_p=self.bulan_lalu.akhir_p,
            )
            values["akhir_kk"] = self.bulan_lalu.akhir_kk
        return values

    def awal(self):
        """{field: value} of the start of the month, or {} when there is no previous month."""
        if self.bulan_lalu is None:
            return {}
        return {
            "awal_kk": self.bulan_lalu.akhir_kk,
            "awal_l": self.bulan_lalu.akhir_l,
            "awal_p": self.bulan_lalu.akhir_p,
        }

    def selisih(self, values):
        """The figures of `values` ({field: int}) that differ from the pre-fill, in form order."""
        found = []
        for name, expected in self.awal().items():
            if name in values and values[name] != expected:
                found.append(Selisih(name, LABEL_AWAL[name], expected, values[name]))
        for jenis, fields in PERISTIWA_FIELDS.items():
            for jk, name in fields.items():
                expected = self.peristiwa[jenis][jk]
                if name in values and values[name] != expected:
                    label = f"{LABEL_PERISTIWA[jenis]} {LABEL_JENIS_KELAMIN[jk]}"
                    found.append(Selisih(name, label, expected, values[name]))
        return found


def acuan_for(rt, periode):
    """The pre-fill of `rt`'s report for `periode` (three queries)."""
    counts = jumlah_peristiwa_per_rt(rt.desa, periode).get(rt.nomor) or kosong()
    bulan_lalu = LaporanRT.objects.filter(rt=rt, periode=periode.previous()).first()
    return Acuan(peristiwa=counts, bulan_lalu=bulan_lalu)

"""What checking an import found: what would be saved, what is already there, what is wrong.

`ringkasan()` is the JSON kept with the upload so that the preview page needs no second read.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from desa.periode import Periode, format_tanggal
from desa.templatetags.format_id import nik_samar
from kependudukan.models import JenisPeristiwa

MAKS_DITAMPILKAN = 500  # errors and warnings kept for the page; the count is always complete
CONTOH = 30  # event rows shown in the preview


def ringkasan_temuan(kesalahan, peringatan):
    """The errors and warnings of a check as kept with the upload: every count, the first few."""
    return {
        "jumlah_kesalahan": len(kesalahan),
        "kesalahan": [k.as_dict() for k in kesalahan[:MAKS_DITAMPILKAN]],
        "jumlah_peringatan": len(peringatan),
        "peringatan": [k.as_dict() for k in peringatan[:MAKS_DITAMPILKAN]],
    }


@dataclass
class BarisDataAwal:
    baris: int
    desa: object
    periode: Periode
    wni_l: int
    wni_p: int
    wna_l: int
    wna_p: int
    jumlah_kk: int
    status: str = "baru"  # baru, diubah or sama (already saved exactly so: nothing to do)

    @property
    def jumlah_jiwa(self):
        return self.wni_l + self.wni_p + self.wna_l + self.wna_p


@dataclass
class HasilImpor:
    kesalahan: list = field(default_factory=list)
    peringatan: list = field(default_factory=list)
    data_awal: list = field(default_factory=list)
    peristiwa: list = field(default_factory=list)  # unsaved Peristiwa, each with `.baris`
    sudah_ada: int = 0  # event rows already saved by an earlier import: skipped

    @property
    def ok(self):
        return not self.kesalahan

    @property
    def data_awal_baru(self):
        return [row for row in self.data_awal if row.status != "sama"]

    @property
    def ada_perubahan(self):
        return bool(self.peristiwa or self.data_awal_baru)

    def ringkasan(self):
        return {
            **ringkasan_temuan(self.kesalahan, self.peringatan),
            "data_awal": [_data_awal(row) for row in self.data_awal],
            "jumlah_peristiwa": len(self.peristiwa),
            "sudah_ada": self.sudah_ada,
            "per_desa": _per_desa(self.peristiwa),
            "per_bulan": _per_bulan(self.peristiwa),
            "contoh": [_contoh(event) for event in self.peristiwa[:CONTOH]],
        }


def _data_awal(row):
    return {
        "baris": row.baris,
        "desa_kode": row.desa.pk,
        "desa_nama": str(row.desa),
        "periode": row.periode.label,
        "wni_l": row.wni_l,
        "wni_p": row.wni_p,
        "wna_l": row.wna_l,
        "wna_p": row.wna_p,
        "jumlah_kk": row.jumlah_kk,
        "jumlah_jiwa": row.jumlah_jiwa,
        "status": {"baru": "Baru", "diubah": "Mengganti data awal lama", "sama": "Sudah tersimpan"}[
            row.status
        ],
    }


def _per_desa(events):
    counts = defaultdict(Counter)
    names = {}
    for event in events:
        counts[event.desa_id][event.jenis] += 1
        names[event.desa_id] = str(event.desa)
    return [
        {
            "desa_kode": kode,
            "desa_nama": names[kode],
            "rincian": [{"label": jenis.label, "jumlah": counts[kode][jenis]} for jenis in JenisPeristiwa],
            "total": sum(counts[kode].values()),
        }
        for kode in sorted(counts)
    ]


def _per_bulan(events):
    counts = Counter(event.periode for event in events)
    return [{"periode": periode.label, "jumlah": counts[periode]} for periode in sorted(counts)]


def _contoh(event):
    return {
        "baris": event.baris,
        "desa_nama": event.desa.nama,
        "jenis": event.get_jenis_display(),
        "nama": event.nama,
        "nik": nik_samar(event.nik),
        "jenis_kelamin": event.jenis_kelamin,
        "tanggal_peristiwa": format_tanggal(event.tanggal_peristiwa),
        "tanggal_lapor": format_tanggal(event.tanggal_lapor),
        "terlambat": event.terlambat,
    }

"""What checking an `impor-ekonomi.xlsx` found: the rows that would be saved, what is wrong.

`ringkasan()` is the JSON kept with the upload so that the preview page needs no second read.
"""

from dataclasses import dataclass, field
from itertools import islice

from desa.templatetags.format_id import nik_samar
from kependudukan.impor.hasil import CONTOH, ringkasan_temuan


@dataclass
class Baris:
    baris: int
    obj: object  # an unsaved or changed Keluarga / PenerimaBantuan
    status: str  # baru, diubah or sama
    snapshot: bool = False  # a Keluarga row whose economic data changed: a new dated check


@dataclass
class HasilEkonomi:
    kesalahan: list = field(default_factory=list)
    peringatan: list = field(default_factory=list)
    keluarga: list = field(default_factory=list)
    penerima: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.kesalahan

    @property
    def ada_perubahan(self):
        return any(row.status != "sama" for row in self.keluarga + self.penerima)

    def jumlah(self, rows, status):
        return sum(row.status == status for row in rows)

    def ringkasan(self):
        return {
            **ringkasan_temuan(self.kesalahan, self.peringatan),
            "keluarga": {s: self.jumlah(self.keluarga, s) for s in ("baru", "diubah", "sama")},
            "penerima": {s: self.jumlah(self.penerima, s) for s in ("baru", "diubah", "sama")},
            "contoh_keluarga": [_contoh_keluarga(row) for row in _changed(self.keluarga)],
            "contoh_penerima": [_contoh_penerima(row) for row in _changed(self.penerima)],
        }


def _changed(rows):
    """The first CONTOH new or changed rows, for the summary's samples."""
    return list(islice((row for row in rows if row.status != "sama"), CONTOH))


def _contoh_keluarga(row):
    item = row.obj
    return {"baris": row.baris, "desa_nama": item.desa.nama, "nama": item.nama_kepala,
            "no_kk": nik_samar(item.no_kk), "desil": item.desil or "–", "status": row.status}  # fmt: skip


def _contoh_penerima(row):
    item = row.obj
    return {
        "baris": row.baris,
        "desa_nama": item.desa.nama,
        "nama": item.nama,
        "nik": nik_samar(item.nik),
        "program": item.program.kode,
        "mulai": item.mulai.label,
        "status": row.status,
    }

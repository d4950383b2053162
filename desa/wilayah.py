"""Loading the official list of wilayah (Kemendagri codes) from a CSV file.

The format is that of data/wilayah-indonesia.csv: `kode,nama,jenis`, where jenis is provinsi,
kabupaten, kota, kecamatan, desa or kelurahan (a desa adat is a desa whose code part starts
with 3). A code may also be undotted (6311062005, as OpenSID lists them); it is stored dotted.
A file may hold part of the country, e.g. data/wilayah-balangan.csv, whose rows start at the
kabupaten: a row's parent must then be in the file or already known.

Loading is idempotent and never deletes: a code the file no longer lists (a newer decree) is
reported, because desa data and accounts hang on it. The whole country (91,599 rows) loads in
a few bulk statements.
"""

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from desa.kode import baku_kode

DATA = Path(__file__).resolve().parent / "data"
BALANGAN_CSV = DATA / "wilayah-balangan.csv"
INDONESIA_CSV = DATA / "wilayah-indonesia.csv"

_PATTERNS = {
    "provinsi": re.compile(r"^\d{2}$"),
    "kabupaten": re.compile(r"^\d{2}\.\d{2}$"),
    "kota": re.compile(r"^\d{2}\.\d{2}$"),
    "kecamatan": re.compile(r"^\d{2}\.\d{2}\.\d{2}$"),
    "desa": re.compile(r"^\d{2}\.\d{2}\.\d{2}\.[23]\d{3}$"),
    "kelurahan": re.compile(r"^\d{2}\.\d{2}\.\d{2}\.1\d{3}$"),
}
# The level of each jenis: provinsi 0 … desa/kelurahan 3 (the number of dots in the code).
TINGKAT = {"provinsi": 0, "kabupaten": 1, "kota": 1, "kecamatan": 2, "desa": 3, "kelurahan": 3}
NAMA_TINGKAT = ["provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan"]


@dataclass(frozen=True)
class BarisWilayah:
    baris: int
    kode: str
    nama: str
    jenis: str

    @property
    def induk(self):
        """The parent's code; empty for a provinsi."""
        return self.kode.rsplit(".", 1)[0] if "." in self.kode else ""


class WilayahTidakValid(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


def parse_wilayah(text):
    """Rows of the CSV text; raise WilayahTidakValid listing every bad line."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [cell.strip().lower() for cell in next(reader, [])]
    if header[:3] != ["kode", "nama", "jenis"]:
        raise WilayahTidakValid(["Baris 1: kepala kolom harus kode,nama,jenis."])
    rows, errors, seen = [], [], set()
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < 3:
            errors.append(f"Baris {number}: harus ada 3 kolom (kode,nama,jenis).")
            continue
        tertulis, nama, jenis = (cell.strip() for cell in cells[:3])
        kode = baku_kode(tertulis)
        jenis = jenis.lower()
        if jenis not in _PATTERNS:
            errors.append(f"Baris {number}: jenis '{jenis}' tidak dikenal.")
        elif kode is None or not _PATTERNS[jenis].match(kode):
            errors.append(f"Baris {number}: kode '{tertulis}' tidak sesuai untuk {jenis}.")
        elif not nama:
            errors.append(f"Baris {number}: nama kosong.")
        elif kode in seen:
            errors.append(f"Baris {number}: kode '{kode}' muncul dua kali.")
        else:
            seen.add(kode)
            rows.append(BarisWilayah(number, kode, nama, jenis))
    if errors:
        raise WilayahTidakValid(errors)
    return rows


@functools.cache
def indonesia():
    """The rows of the bundled national file, read once per process."""
    return tuple(parse_wilayah(INDONESIA_CSV.read_text(encoding="utf-8")))


def pilih(rows, awalan):
    """The rows of the wilayah whose codes are given (and their parents), e.g. ["63"] for one
    provinsi or ["63.11"] (or "6311") for one kabupaten with its provinsi. A code that is no
    wilayah code selects nothing."""
    awalan = [kode for kode in (baku_kode(kode.strip().rstrip(".")) for kode in awalan) if kode]

    def masuk(kode):
        return any(kode == a or kode.startswith(a + ".") or a.startswith(kode + ".") for a in awalan)

    return [row for row in rows if masuk(row.kode)]


@dataclass
class HasilMuat:
    baru: int = 0
    diubah: int = 0
    tetap: int = 0
    # Codes under a parent the file lists that the file itself does not list; kept, not deleted.
    hilang: list = field(default_factory=list)


def muat_wilayah(rows, Provinsi, Kabupaten, Kecamatan, Desa, batch_size=5000):
    """Create what is new and rename by code what changed, in bulk; report what the file lacks.

    The caller runs this inside a transaction, so an error leaves nothing saved.
    """
    levels = [
        (Provinsi, lambda row: {"nama": row.nama}),
        (Kabupaten, lambda row: {"nama": row.nama, "jenis": row.jenis, "provinsi_id": row.induk}),
        (Kecamatan, lambda row: {"nama": row.nama, "kabupaten_id": row.induk}),
        (Desa, lambda row: {"nama": row.nama, "jenis": row.jenis, "kecamatan_id": row.induk}),
    ]
    by_level = [[] for _ in levels]
    for row in rows:
        by_level[TINGKAT[row.jenis]].append(row)
    in_file = {row.kode for row in rows}
    known = [set(model.objects.values_list("pk", flat=True)) for model, _ in levels]

    errors = []
    for level, level_rows in enumerate(by_level[1:], start=1):
        for row in level_rows:
            if row.induk not in in_file and row.induk not in known[level - 1]:
                errors.append(f"Baris {row.baris}: {NAMA_TINGKAT[level - 1]} {row.induk} tidak ada.")
    if errors:
        raise WilayahTidakValid(errors)

    hasil = HasilMuat()
    for level, ((model, values), level_rows) in enumerate(zip(levels, by_level, strict=True)):
        fields = list(values(level_rows[0]).keys()) if level_rows else []
        current = {
            kode: dict(zip(fields, rest, strict=True))
            for kode, *rest in model.objects.values_list("pk", *fields)
        }
        new, changed = [], []
        for row in level_rows:
            wanted = values(row)
            if row.kode not in current:
                new.append(model(pk=row.kode, **wanted))
            elif current[row.kode] != wanted:
                changed.append(model(pk=row.kode, **wanted))
            else:
                hasil.tetap += 1
        model.objects.bulk_create(new, batch_size=batch_size)
        if changed:
            model.objects.bulk_update(
                changed, [f for f in fields if not f.endswith("_id")], batch_size=batch_size
            )
        hasil.baru += len(new)
        hasil.diubah += len(changed)
        # A code of a level the file lists, under a parent the file lists (any provinsi, for the
        # provinsi level), that the file lacks.
        if level_rows:
            parents = {row.kode for row in by_level[level - 1]} if level else {""}
            for kode in sorted(known[level] - in_file):
                if (kode.rsplit(".", 1)[0] if level else "") in parents:
                    hasil.hilang.append(kode)
    return hasil

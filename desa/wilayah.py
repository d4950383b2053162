"""Loading the official list of wilayah (Kemendagri codes) from a CSV file.

The format is that of data/wilayah-balangan.csv: `kode,nama,jenis`, where jenis is
kabupaten, kecamatan, desa or kelurahan. The data migration and the `muat_wilayah`
command both use these functions, so a fresh database and a reload agree.
"""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

BALANGAN_CSV = Path(__file__).resolve().parent / "data" / "wilayah-balangan.csv"

_PATTERNS = {
    "kabupaten": re.compile(r"^\d{2}\.\d{2}$"),
    "kecamatan": re.compile(r"^\d{2}\.\d{2}\.\d{2}$"),
    "desa": re.compile(r"^\d{2}\.\d{2}\.\d{2}\.2\d{3}$"),
    "kelurahan": re.compile(r"^\d{2}\.\d{2}\.\d{2}\.1\d{3}$"),
}


@dataclass(frozen=True)
class BarisWilayah:
    baris: int
    kode: str
    nama: str
    jenis: str

    @property
    def induk(self):
        return self.kode.rsplit(".", 1)[0]


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
        kode, nama, jenis = (cell.strip() for cell in cells[:3])
        jenis = jenis.lower()
        if jenis not in _PATTERNS:
            errors.append(f"Baris {number}: jenis '{jenis}' tidak dikenal.")
        elif not _PATTERNS[jenis].match(kode):
            errors.append(f"Baris {number}: kode '{kode}' tidak sesuai untuk {jenis}.")
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


def apply_wilayah(rows, Kabupaten, Kecamatan, Desa):
    """Create or rename every row; a parent must be in the file or already known.

    The caller runs this inside a transaction, so an error leaves nothing saved.
    Returns (created, updated).
    """
    created = updated = 0
    order = {"kabupaten": 0, "kecamatan": 1, "desa": 2, "kelurahan": 2}
    errors = []
    for row in sorted(rows, key=lambda r: (order[r.jenis], r.kode)):
        if row.jenis == "kabupaten":
            _, was_created = Kabupaten.objects.update_or_create(kode=row.kode, defaults={"nama": row.nama})
        elif row.jenis == "kecamatan":
            if not Kabupaten.objects.filter(kode=row.induk).exists():
                errors.append(f"Baris {row.baris}: kabupaten {row.induk} tidak ada.")
                continue
            _, was_created = Kecamatan.objects.update_or_create(
                kode=row.kode, defaults={"nama": row.nama, "kabupaten_id": row.induk}
            )
        else:
            if not Kecamatan.objects.filter(kode=row.induk).exists():
                errors.append(f"Baris {row.baris}: kecamatan {row.induk} tidak ada.")
                continue
            _, was_created = Desa.objects.update_or_create(
                kode=row.kode,
                defaults={"nama": row.nama, "kecamatan_id": row.induk, "jenis": row.jenis},
            )
        created += was_created
        updated += not was_created
    if errors:
        raise WilayahTidakValid(errors)
    return created, updated

"""The recap workbook: an ordered list of sheet modules, written one after the other.

Each sheet module has NAMA (the sheet's name), DESKRIPSI (one line for the Ringkasan) and
write(workbook, scope). A later app adds its sheet by adding its module here.
"""

from openpyxl import Workbook

from kependudukan.ekonomi.privasi import ekspor_catat
from kudapanmas.rekap import (
    ekonomi,
    kegiatan_linmas,
    kepatuhan,
    kependudukan,
    laporan_rt,
    linmas,
    masalah_rt,
    penerima_bantuan,
    rincian,
    ringkasan,
    temuan,
)

SHEETS = [
    ringkasan,
    kepatuhan,
    kependudukan,
    rincian,
    linmas,
    kegiatan_linmas,
    ekonomi,
    penerima_bantuan,
    laporan_rt,
    masalah_rt,
    temuan,
]


def write_rekap(scope, target):
    """Write the workbook of `scope` to `target` (a path or a binary file object)."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = f"Rekap {scope.wilayah} {scope.label}"
    workbook.properties.creator = "KUDAPANMAS"
    scope.isi = [(module.NAMA, module.DESKRIPSI) for module in SHEETS]
    for module in SHEETS:
        module.write(workbook, scope)
    workbook.save(target)


def catat_unduhan(scope, user=None):
    """Record that the workbook left the system: its `Penerima Bantuan` sheet holds names and
    NIKs (kependudukan.ekonomi.privasi). The download and the `rekap_excel` command (no user)
    both call this."""
    ekspor_catat(user=user, isi=f"Rekap Excel {scope.wilayah} {scope.label} (nama dan NIK penerima bantuan)")

"""Sheet `Masalah RT`: every problem and proposal written in the RT reports of the month(s)."""

from kudapanmas.rekap.sheet import NUMBER, Column, Sheet
from laporan_rt.rekap import masalah_rt

NAMA = "Masalah RT"
DESKRIPSI = "Setiap masalah dan usulan yang ditulis RT dalam laporan bulanannya."

COLUMNS = [
    Column("No", 6, NUMBER),
    Column("Periode", 14),
    Column("Kode Desa", 14),
    Column("Desa/Kelurahan", 16),
    Column("RT", 8),
    Column("RW/Dusun", 14),
    Column("Jenis", 9),
    Column("Isi", 80, wrap=True),
]


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        COLUMNS,
        heading="MASALAH DAN USULAN DARI LAPORAN RT",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
        freeze_column=5,
    )
    number = 0
    for periode in scope.periode_list:
        for item in masalah_rt(scope.desa_list, periode):
            number += 1
            sheet.append(
                [
                    number,
                    periode.label,
                    item.desa_kode,
                    item.desa_nama,
                    item.rt,
                    item.rw,
                    item.jenis,
                    item.teks,
                ]
            )
    sheet.close()

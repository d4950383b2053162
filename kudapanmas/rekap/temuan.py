"""Sheet `Temuan`: every data-quality finding of the month(s), one row each.

The findings are the apps' own (desa.temuan.Temuan), the same the operator saw before
sending and the Kasi Trantib saw when reviewing.
"""

from kependudukan.ekonomi.tanda import temuan_ekonomi
from kependudukan.temuan import temuan_kependudukan
from kudapanmas.rekap.sheet import IDENTITY, NUMBER, Column, Sheet
from laporan_rt.temuan import temuan_laporan_rt

NAMA = "Temuan"
DESKRIPSI = "Setiap temuan kualitas data: desa, nama dan NIK bila tentang peristiwa, aturan, rincian."


def _kependudukan(scope, periode):
    return temuan_kependudukan(scope.desa_list, periode)


def _ekonomi(scope, periode):
    return temuan_ekonomi(scope.desa_list, periode, tanda=scope.tanda_penerima(periode))


def _laporan_rt(scope, periode):
    return temuan_laporan_rt(scope.desa_list, periode)


# Each source: a function (scope, periode) -> [Temuan]. Later apps add theirs here.
SOURCES = [_kependudukan, _ekonomi, _laporan_rt]

COLUMNS = [
    Column("No", 6, NUMBER),
    Column("Periode", 14),
    Column("Kode Desa", 14),
    Column("Desa/Kelurahan", 16),
    Column("Nama", 24),
    Column("NIK", 18, IDENTITY),
    Column("Aturan", 22),
    Column("Rincian", 64, wrap=True),
    Column("Sifat", 14),
]


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        COLUMNS,
        heading="TEMUAN KUALITAS DATA",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
        freeze_column=5,
    )
    number = 0
    for periode in scope.periode_list:
        for source in SOURCES:
            for temuan in source(scope, periode):
                number += 1
                sheet.append(row(number, periode, temuan))
    sheet.close(note="Sifat Informasi: dicatat untuk diketahui, bukan kesalahan yang harus diperbaiki.")


def row(number, periode, temuan):
    return [
        number,
        periode.label,
        temuan.desa_kode,
        temuan.desa_nama,
        temuan.nama,
        temuan.nik,
        temuan.aturan,
        temuan.detail,
        "Informasi" if temuan.informasi else "Perlu diperbaiki",
    ]

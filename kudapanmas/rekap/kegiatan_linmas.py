"""Sheet `Kegiatan Linmas`: every Linmas activity and incident of the month(s), one row each.

Activities first, then incidents, each in desa and date order; the `Catatan` column says
which one a row is, so a filter shows either. The participants' names are read as plain
names in one query a month: prefetching them as members costs four times as much, and a
kabupaten-wide year has 30,000 activities.
"""

from desa.periode import WITA
from kudapanmas.rekap.sheet import DATE, NUMBER, Column, Sheet
from linmas.ringkasan import kegiatan_bulan, kejadian_bulan, nama_peserta_bulan

NAMA = "Kegiatan Linmas"
DESKRIPSI = "Setiap kegiatan dan kejadian Linmas: tanggal, tempat, uraian, peserta, korban, tindakan."
CHUNK = 1000

COLUMNS = [
    Column("No", 6, NUMBER),
    Column("Kode Desa", 14),
    Column("Desa/Kelurahan", 16),
    Column("Catatan", 9),
    Column("Tanggal", 11, DATE),
    Column("Jam (WITA)", 7),
    Column("Jenis", 20, wrap=True),
    Column("Tempat", 20, wrap=True),
    Column("RT", 5, NUMBER),
    Column("Uraian", 40, wrap=True),
    Column("Anggota yang ikut / Tindakan", 32, wrap=True),
    Column("Jumlah peserta", 8, NUMBER),
    Column("Foto", 6, NUMBER),
    Column("Korban meninggal", 9, NUMBER),
    Column("Korban luka", 8, NUMBER),
    Column("Kerugian", 18, wrap=True),
    Column("Penyerahan", 18, wrap=True),
]


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        COLUMNS,
        heading="DAFTAR KEGIATAN DAN KEJADIAN LINMAS",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
        freeze_column=5,
    )
    number = 0
    for periode in scope.periode_list:
        names = nama_peserta_bulan(scope.desa_list, periode)
        activities = kegiatan_bulan(scope.desa_list, periode).prefetch_related(None)
        for kegiatan in activities.iterator(chunk_size=CHUNK):
            number += 1
            sheet.append(kegiatan_row(number, kegiatan, names.get(kegiatan.pk, [])))
    for periode in scope.periode_list:
        for kejadian in kejadian_bulan(scope.desa_list, periode).iterator(chunk_size=CHUNK):
            number += 1
            sheet.append(kejadian_row(number, kejadian))
    sheet.close()


def kegiatan_row(number, kegiatan, names):
    peserta = ", ".join(names)
    return [
        number,
        kegiatan.desa_id,
        kegiatan.desa.nama,
        "Kegiatan",
        kegiatan.tanggal,
        "",
        kegiatan.jenis_label,
        kegiatan.tempat,
        kegiatan.rt.nomor if kegiatan.rt else None,
        kegiatan.uraian,
        peserta,
        kegiatan.jumlah_peserta,
        kegiatan.jumlah_foto,
        None,
        None,
        "",
        "",
    ]


def kejadian_row(number, kejadian):
    waktu = kejadian.waktu.astimezone(WITA)
    return [
        number,
        kejadian.desa_id,
        kejadian.desa.nama,
        "Kejadian",
        waktu.date(),
        f"{waktu:%H.%M}",
        kejadian.jenis_label,
        kejadian.tempat,
        kejadian.rt.nomor if kejadian.rt else None,
        kejadian.uraian,
        kejadian.tindakan,
        None,
        None,
        kejadian.korban_meninggal,
        kejadian.korban_luka,
        kejadian.kerugian,
        kejadian.penyerahan_label,
    ]

"""Sheet `Penerima Bantuan`: every aid recipient with an open *perlu verifikasi* flag, by name.

The flags are kependudukan.ekonomi.tanda's (read once through the scope), the ones the desa
and the Kasi Trantib see. The workbook holds names and NIKs, so its download is recorded
(kependudukan.ekonomi.privasi).
"""

from kudapanmas.rekap.sheet import IDENTITY, NUMBER, Column, Sheet

NAMA = "Penerima Bantuan"
DESKRIPSI = (
    "Setiap penerima bantuan yang perlu verifikasi (meninggal, pindah, ganda antardesa), nama dan NIK."
)

COLUMNS = [
    Column("No", 6, NUMBER),
    Column("Periode", 14),
    Column("Kode Desa", 14),
    Column("Desa/Kelurahan", 16),
    Column("Program", 9),
    Column("NIK", 18, IDENTITY),
    Column("Nama", 24),
    Column("No. KK", 18, IDENTITY),
    Column("Mulai menerima", 14),
    Column("Tanda", 22),
    Column("Rincian", 60, wrap=True),
]


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        COLUMNS,
        heading="PENERIMA BANTUAN PERLU VERIFIKASI",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
        freeze_column=6,
    )
    number = 0
    for periode in scope.periode_list:
        for tanda in scope.tanda_penerima(periode):
            if not tanda.terbuka:
                continue
            number += 1
            sheet.append(row(number, periode, tanda))
    sheet.close(note="Data pribadi: setiap unduhan rekap ini dicatat (siapa, kapan, apa).")


def row(number, periode, tanda):
    item = tanda.penerima
    return [
        number,
        periode.label,
        item.desa_id,
        item.desa.nama,
        item.program.kode,
        item.nik,
        item.nama,
        item.no_kk,
        item.mulai.label,
        tanda.label,
        tanda.detail,
    ]

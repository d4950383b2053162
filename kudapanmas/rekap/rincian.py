"""Sheet `Rincian Peristiwa`: every population event counted in the month(s), by name and address.

The list comes from kependudukan.rincian one month at a time, so a year of a whole kabupaten
never sits in memory at once.
"""

from kependudukan.models import JenisPeristiwa, SebabKematian, TingkatPindah
from kependudukan.rincian import rincian_peristiwa
from kudapanmas.rekap.sheet import DATE, IDENTITY, NUMBER, Column, Sheet

NAMA = "Rincian Peristiwa"
DESKRIPSI = "Setiap peristiwa kependudukan (lahir, meninggal, datang, pindah) menurut nama dan alamat."

# Labels looked up once: get_FOO_display() per cell costs more than the rest of a row.
_JENIS = dict(JenisPeristiwa.choices)
_TINGKAT = dict(TingkatPindah.choices)
_SEBAB = dict(SebabKematian.choices)

COLUMNS = [
    Column("No", 7, NUMBER),
    Column("Kode Desa", 14),
    Column("Desa/Kelurahan", 16),
    Column("RT", 5, NUMBER),
    Column("Jenis Peristiwa", 11),
    Column("Tanggal Peristiwa", 11, DATE),
    Column("Tanggal Lapor", 11, DATE),
    Column("NIK", 18, IDENTITY),
    Column("No. KK", 18, IDENTITY),
    Column("Nama", 26),
    Column("Jenis Kelamin", 8),
    Column("Tanggal Lahir", 11, DATE),
    Column("Warga Negara", 8),
    Column("Kepala Keluarga", 9),
    Column("Asal/Tujuan", 30, wrap=True),
    Column("Tingkat Pindah", 15),
    Column("Keterangan", 24, wrap=True),
    Column("Tanda", 30, wrap=True),
]


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        COLUMNS,
        heading="RINCIAN PERISTIWA KEPENDUDUKAN (BY NAME BY ADDRESS)",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
        freeze_column=5,
    )
    number = 0
    for periode in scope.periode_list:
        for event in rincian_peristiwa(scope.desa_list, periode):
            number += 1
            sheet.append(row(number, event))
    sheet.close(
        note="Tanda: Terlambat dilaporkan = terjadi lebih dari satu bulan sebelum tanggal lapor; "
        "Pindah belum cocok = pasangan datang/pindahnya belum tercatat di desa lain."
    )


def row(number, event):
    return [
        number,
        event.desa_id,
        event.desa.nama,
        event.nomor_rt,
        _JENIS.get(event.jenis, event.jenis),
        event.tanggal_peristiwa,
        event.tanggal_lapor,
        event.nik,
        event.no_kk,
        event.nama,
        event.jenis_kelamin,
        event.tanggal_lahir,
        event.kewarganegaraan,
        "Ya" if event.kepala_keluarga else "",
        asal_tujuan(event),
        _TINGKAT.get(event.tingkat_pindah, event.tingkat_pindah),
        keterangan(event),
        tanda(event),
    ]


def asal_tujuan(event):
    parts = [event.alamat_asal_tujuan] if event.alamat_asal_tujuan else []
    if event.desa_asal_tujuan_id:
        parts.append(f"{event.desa_asal_tujuan} ({event.desa_asal_tujuan_id})")
    return "; ".join(parts)


def keterangan(event):
    parts = []
    if event.jenis == JenisPeristiwa.MATI and event.sebab_kematian:
        parts.append(f"Sebab: {_SEBAB.get(event.sebab_kematian, event.sebab_kematian)}")
    if event.keterangan:
        parts.append(event.keterangan)
    return "; ".join(parts)


def tanda(event):
    """The event's flags in words: late registration, an unmatched move, NIK warnings."""
    flags = []
    if event.terlambat:
        flags.append("Terlambat dilaporkan")
    if event.belum_cocok:
        flags.append("Pindah belum cocok")
    flags += [f"NIK: {warning}" for warning in event.peringatan]
    return "; ".join(flags)

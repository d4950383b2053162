"""Sheet `Laporan RT`: one row per desa: how many RT reported, and the sums of their reports.

The numbers are laporan_rt.rekap's (`rekap_laporan_rt`), columns in the order of its
KOLOM_LAPORAN_RT. For a year the flows (events, activities, guests, incidents, problems) and
the reports are summed; awal is that of the first month with reports, akhir of the last.
"""

from desa.models.laporan import JenisLaporan
from kudapanmas.rekap import styles
from kudapanmas.rekap.scope import CATATAN_BEKU, TIDAK_DIHITUNG, teks_beku
from kudapanmas.rekap.sheet import NUMBER, Column, Sheet, fit
from laporan_rt.models import KEGIATAN_FIELDS
from laporan_rt.rekap import (
    KOLOM_LAPORAN_RT,
    BarisLaporanRT,
    jumlah_laporan_rt,
    rekap_laporan_rt,
    tambah_bulan,
)

NAMA = "Laporan RT"
DESKRIPSI = "Laporan bulanan RT per desa/kelurahan: RT yang melapor, penduduk, peristiwa, kegiatan, tamu."

_GROUP_OF_WORD = {
    "Awal": "Awal bulan",
    "Akhir": "Akhir bulan",
    "Lahir": "Lahir",
    "Meninggal": "Meninggal",
    "Datang": "Datang",
    "Pindah": "Pindah",
}
_KEGIATAN = {label.capitalize() for label in KEGIATAN_FIELDS.values()}


def columns(scope):
    result = [
        Column("No", 4.5, NUMBER),
        Column("Kode Desa", 14),
        Column("Desa/Kelurahan", fit([desa.nama for desa in scope.desa_list], 14, 26)),
    ]
    for header in KOLOM_LAPORAN_RT:
        first, _, rest = header.partition(" ")
        if first in _GROUP_OF_WORD and rest:
            group = _GROUP_OF_WORD[first]
            if scope.is_tahunan and first in ("Awal", "Akhir"):
                group = f"{first} tahun"
            result.append(Column(rest, 6, NUMBER, group))
        elif header in _KEGIATAN:
            result.append(Column(header.replace("/", "/ "), 8, NUMBER, "Kegiatan (kali)"))
        elif header in ("RT melapor", "Jumlah RT"):
            label = {"RT melapor": "Laporan terkirim", "Jumlah RT": "Laporan diharapkan"}[header]
            result.append(Column(label if scope.is_tahunan else header, 9, NUMBER, "RT"))
        else:
            result.append(Column(header, 9, NUMBER))
    result.append(Column("Keterangan", 24, wrap=True))
    return result


def rows_of(scope):
    """{desa kode: BarisLaporanRT} over the covered months."""
    rows = {}
    for periode in scope.periode_list:
        for kode, month in rekap_laporan_rt(scope.desa_list, periode).items():
            row = rows.setdefault(kode, BarisLaporanRT(kode, month.desa_nama))
            tambah_bulan(row, month)
    return rows


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        columns(scope),
        heading="REKAPITULASI LAPORAN BULANAN RT",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
    )
    rows = rows_of(scope)
    jenis = JenisLaporan.LAPORAN_RT
    keadaan = scope.keadaan_laporan(jenis)
    reported = scope.dilaporkan(jenis)
    number = 0
    for kecamatan, block in scope.blocks(rows):
        for row in block:
            number += 1
            parts = [keadaan[row.desa_kode], "" if reported[row.desa_kode] else TIDAK_DIHITUNG]
            parts.append(teks_beku(row.bulan_beku, None if scope.is_tahunan else row.beku_at))
            sheet.append([number, row.desa_kode, row.desa_nama, *row.kolom(), "; ".join(filter(None, parts))])
        if scope.is_kabupaten:
            sheet.append_total(
                f"JUMLAH KECAMATAN {kecamatan.nama.upper()}",
                [*jumlah_laporan_rt(scope.dihitung(jenis, block)).kolom(), scope.cakupan(jenis, block)],
                fill=styles.FILL_SUBTOTAL,
            )
    every = list(rows.values())
    sheet.append_total(
        "JUMLAH", [*jumlah_laporan_rt(scope.dihitung(jenis, every)).kolom(), scope.cakupan(jenis, every)]
    )
    sheet.close(
        note="Hanya laporan RT yang sudah dikirim ke desa yang dihitung. Rinciannya di lembar Masalah RT. "
        + CATATAN_BEKU
    )

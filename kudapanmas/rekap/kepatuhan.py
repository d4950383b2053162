"""Sheet `Kepatuhan`: one row per desa, one column group per required report kind.

A month shows each report's state, first-sent time, days late and verification time; a
year counts them. The last two columns are the desa's reporting and on-time rates.
"""

from desa.kepatuhan import UNTIMED_STATES
from desa.models.laporan import JenisLaporan, Keadaan
from kudapanmas.rekap import styles
from kudapanmas.rekap.scope import rekap_of
from kudapanmas.rekap.sheet import DATETIME, NUMBER, PERCENT, Column, Sheet, fit

NAMA = "Kepatuhan"
DESKRIPSI = "Kepatuhan pelaporan tiap desa/kelurahan per jenis laporan: keadaan, waktu kirim, keterlambatan."
SEMUA = "Semua laporan"


def columns(scope):
    result = [
        Column("No", 5, NUMBER),
        Column("Kode Desa", 14),
        Column("Desa/Kelurahan", fit([desa.nama for desa in scope.desa_list], 16, 26)),
    ]
    for jenis in scope.kinds:
        group = JenisLaporan(jenis).label
        if scope.is_tahunan:
            result += [
                Column("Laporan", 8, NUMBER, group),
                Column("Terkirim", 8, NUMBER, group),
                Column("Tepat waktu", 8, NUMBER, group),
                Column("Terverifikasi", 10, NUMBER, group),
                Column("Hari terlambat (terkirim)", 10, NUMBER, group),
            ]
        else:
            result += [
                Column("Keadaan", 15, group=group, wrap=True),
                Column("Pertama dikirim", 16, DATETIME, group),
                Column("Hari terlambat", 9, NUMBER, group),
                Column("Diverifikasi", 16, DATETIME, group),
            ]
    result += [
        Column("Tingkat pelaporan", 10, PERCENT, SEMUA),
        Column("Ketepatan waktu", 10, PERCENT, SEMUA),
    ]
    return result


def cells_by_desa(scope):
    """{desa kode: [[Sel of each month] for each kind]}; an empty list when the kind is not required."""
    result = {desa.pk: [[] for _ in scope.kinds] for desa in scope.desa_list}
    for periode in scope.bulan_berdata:
        for row in scope.kepatuhan[periode]:
            for index, sel in enumerate(row.sel):
                if sel is not None:
                    result[row.desa.pk][index].append(sel)
    return result


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        columns(scope),
        heading="KEPATUHAN PELAPORAN DESA/KELURAHAN",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
    )
    cells = cells_by_desa(scope)
    number = 0
    for kecamatan, block in scope.blocks({desa.pk: desa for desa in scope.desa_list}):
        for desa in block:
            number += 1
            sheet.append([number, desa.pk, desa.nama, *values(scope, cells[desa.pk])])
        if scope.is_kabupaten:
            sheet.append_total(
                f"JUMLAH KECAMATAN {kecamatan.nama.upper()}",
                total_values(scope, [cells[desa.pk] for desa in block]),
                fill=styles.FILL_SUBTOTAL,
            )
    sheet.append_total("JUMLAH", total_values(scope, list(cells.values())))
    note = (
        "Tingkat pelaporan = laporan terkirim ÷ laporan yang diharapkan; ketepatan waktu = laporan yang "
        "pertama kali dikirim sebelum batas waktu ÷ laporan yang diharapkan. Waktu dalam WITA."
    )
    if scope.is_tahunan:
        note += f" Bulan yang dihitung: {scope.label_bulan_berdata} (sejak laporan pertama tercatat)."
    sheet.close(note=note)


def values(scope, kinds):
    result = []
    for sels in kinds:
        if scope.is_tahunan:
            result += _counts(sels) if sels else [None] * 5
        elif sels:
            sel = sels[0]
            laporan = sel.laporan
            result += [
                sel.keadaan_label + (", nihil" if laporan and laporan.nihil and sel.is_sent else ""),
                laporan.pertama_dikirim_at if laporan else None,
                sel.hari_terlambat if sel.keadaan not in UNTIMED_STATES else None,
                laporan.diverifikasi_at if laporan else None,
            ]
        else:
            result += ["Tidak wajib", None, None, None]
    rekap = rekap_of(sel for sels in kinds for sel in sels)
    return [*result, rekap.tingkat_pelaporan, rekap.ketepatan_waktu]


def _counts(sels):
    rekap = rekap_of(sels)
    return [
        rekap.expected,
        rekap.sent,
        rekap.on_time,
        rekap.counts[Keadaan.DIVERIFIKASI],
        sum(sel.hari_terlambat for sel in sels if sel.is_sent),
    ]


def total_values(scope, rows):
    """The JUMLAH row: counts per kind (a month: how many were sent), then the overall rates."""
    result = []
    for index in range(len(scope.kinds)):
        sels = [sel for kinds in rows for sel in kinds[index]]
        if scope.is_tahunan:
            result += _counts(sels)
        else:
            rekap = rekap_of(sels)
            sent = f"{rekap.sent} dari {rekap.expected} terkirim" if rekap.expected else ""
            result += [sent, None, None, None]
    rekap = rekap_of(sel for kinds in rows for sels in kinds for sel in sels)
    return [*result, rekap.tingkat_pelaporan, rekap.ketepatan_waktu]

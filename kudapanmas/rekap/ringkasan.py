"""Sheet `Ringkasan`: the cover of the workbook.

Title, wilayah, period, when and by whom it was made, the reporting and on-time rates (per
kind, and per kecamatan in a kabupaten workbook), the list of sheets, and the camat's
signature block taken from the kecamatan's settings.
"""

from desa.models import Desa
from desa.models.laporan import JenisLaporan, Keadaan
from desa.periode import format_tanggal, format_waktu
from kudapanmas.rekap import styles
from kudapanmas.rekap.scope import rekap_of
from kudapanmas.rekap.sheet import NUMBER, PERCENT, Column, Sheet

NAMA = "Ringkasan"
DESKRIPSI = "Halaman ini: keterangan rekap, tingkat pelaporan dan ketepatan waktu, tanda tangan."

HEADER = [
    "Laporan diharapkan",
    "Terkirim",
    "Tepat waktu",
    "Terlambat",
    "Belum dikirim",
    "Terverifikasi",
    "Tingkat pelaporan",
    "Ketepatan waktu",
]
COLUMNS = [
    Column("", 32),
    *(Column("", 12, NUMBER) for _ in range(6)),
    *(Column("", 12, PERCENT) for _ in range(2)),
]
WIDTH = len(COLUMNS)
SIGNATURE_COLUMN = 6  # the signature block spans F..I


def write(workbook, scope):
    sheet = Sheet(
        workbook,
        NAMA,
        COLUMNS,
        heading="REKAPITULASI LAPORAN BULANAN DESA/KELURAHAN",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
        table=False,
        one_page=True,
    )
    for label, value in keterangan(scope):
        _label_value(sheet, label, value)
    sheet.raw([])
    sels = [sel for periode in scope.bulan_berdata for row in scope.kepatuhan[periode] for sel in row.sel]
    _section(sheet, "A. Kepatuhan pelaporan menurut jenis laporan", "Jenis laporan")
    for index, jenis in enumerate(scope.kinds):
        of_kind = [row.sel[index] for periode in scope.bulan_berdata for row in scope.kepatuhan[periode]]
        sheet.append([JenisLaporan(jenis).label, *rates(of_kind)])
    sheet.append_total("Semua jenis laporan", rates(sels), span=1)
    if scope.is_kabupaten:
        sheet.raw([])
        _section(sheet, "B. Kepatuhan pelaporan menurut kecamatan", "Kecamatan")
        for kecamatan, rows in _by_kecamatan(scope):
            sheet.append([kecamatan.nama, *rates(sel for row in rows for sel in row.sel)])
        sheet.append_total(scope.tingkat, rates(sels), span=1)
    sheet.raw([])
    _section(sheet, f"{'C' if scope.is_kabupaten else 'B'}. Isi buku kerja", "Lembar", header=["Isi"])
    for nama, deskripsi in scope.isi:
        _label_value(sheet, nama, deskripsi, bordered=True)
    if scope.kecamatan is not None:
        sheet.raw([])
        _signature(sheet, scope)
    sheet.close()


def keterangan(scope):
    jumlah = len(scope.desa_list)
    kelurahan = sum(desa.jenis == Desa.Jenis.KELURAHAN for desa in scope.desa_list)
    wilayah = scope.wilayah
    if scope.kecamatan is not None:
        wilayah += f", {scope.kecamatan.kabupaten}"
    rows = [
        ("Wilayah", wilayah),
        ("Periode", scope.label),
        ("Jumlah desa/kelurahan", f"{jumlah} ({jumlah - kelurahan} desa, {kelurahan} kelurahan)"),
    ]
    if scope.is_tahunan:
        rows.append(
            ("Bulan yang dihitung kepatuhannya", f"{scope.label_bulan_berdata} (sejak laporan pertama)")
        )
    if scope.kecamatan is not None and not scope.is_tahunan:
        batas = scope.periode.next().awal.replace(day=scope.kecamatan.hari_batas_waktu)
        rows.append(("Batas waktu laporan", f"{format_tanggal(batas)} pukul 23.59 WITA"))
    rows += [("Dibuat", format_waktu(scope.created_at)), ("Dibuat oleh", scope.dibuat_oleh)]
    rows.append(
        (
            "Data pribadi",
            "Berisi NIK dan No. KK lengkap; unduhan ini dicatat (UU 27/2022)."
            if scope.dengan_nik
            else "NIK dan No. KK disamarkan (6311********0001); nama tetap tertulis.",
        )
    )
    return rows


def rates(sels):
    rekap = rekap_of(sels)
    return [
        rekap.expected,
        rekap.sent,
        rekap.on_time,
        rekap.late,
        rekap.expected - rekap.sent,
        rekap.counts[Keadaan.DIVERIFIKASI],
        rekap.tingkat_pelaporan,
        rekap.ketepatan_waktu,
    ]


def _by_kecamatan(scope):
    """[(kecamatan, [BarisDesa of every covered month])] in code order."""
    rows = {}
    for periode in scope.bulan_berdata:
        for row in scope.kepatuhan[periode]:
            rows.setdefault(row.desa.kecamatan_id, (row.desa.kecamatan, []))[1].append(row)
    return [rows[kode] for kode in sorted(rows)]


def _section(sheet, title, first, header=HEADER):
    sheet.raw([sheet.styled(title, font=styles.FONT_SUBTITLE)])
    cells = [sheet.header_cell(first), *(sheet.header_cell(label) for label in header)]
    if len(header) == 1:
        cells += [sheet.header_cell(None) for _ in range(WIDTH - 2)]
    number = sheet.raw(cells, height=30)
    if len(header) == 1:
        sheet.merge(number, 2, number, WIDTH)


def _label_value(sheet, label, value, *, bordered=False):
    border = {"border": styles.BORDER} if bordered else {}
    cells = [
        sheet.styled(label, font=styles.FONT_BOLD, alignment=styles.ALIGN_TOP, **border),
        sheet.styled(value, font=styles.FONT_BODY, alignment=styles.ALIGN_WRAP, **border),
    ]
    if bordered:
        cells += [sheet.styled(None, **border) for _ in range(WIDTH - 2)]
    number = sheet.raw(cells)
    sheet.merge(number, 2, number, WIDTH)


def _signature(sheet, scope):
    kecamatan = scope.kecamatan
    lines = [
        (f"{kecamatan.nama}, {format_tanggal(scope.created_at)}", styles.FONT_BODY),
        ("Mengetahui,", styles.FONT_BODY),
        (f"Camat {kecamatan.nama}", styles.FONT_BODY),
        (None, None),
        (None, None),
        (None, None),
        (kecamatan.nama_camat or "(" + "." * 40 + ")", styles.FONT_SIGNATURE_NAME),
        (f"NIP {kecamatan.nip_camat}" if kecamatan.nip_camat else "NIP " + "." * 30, styles.FONT_BODY),
    ]
    for text, font in lines:
        cells = [None] * (SIGNATURE_COLUMN - 1)
        if text:
            cells.append(sheet.styled(text, font=font, alignment=styles.ALIGN_CENTER))
        number = sheet.raw(cells)
        sheet.merge(number, SIGNATURE_COLUMN, number, WIDTH)

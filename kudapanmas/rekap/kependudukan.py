"""Sheet `Kependudukan`: book B.3, one row per desa, in the column positions of FORMATS.md.

The kabupaten reads this sheet by column position: A No, B Kode Desa, C Desa/Kelurahan,
D..AG the 30 numbers of kependudukan.b3 (`BarisB3.kolom()`), AH Keterangan. Only adding
columns after AH is allowed.
"""

from desa.models.laporan import JenisLaporan
from kependudukan.b3 import jumlah_b3, rekap_b3, rekap_b3_tahun
from kudapanmas.rekap import styles
from kudapanmas.rekap.scope import CATATAN_BEKU, TIDAK_DIHITUNG, teks_beku
from kudapanmas.rekap.sheet import NUMBER, Column, Sheet, fit, fit_number

NAMA = "Kependudukan"
DESKRIPSI = "Rekapitulasi jumlah penduduk (buku B.3), satu baris per desa/kelurahan, dengan baris JUMLAH."

_GROUPS = ["WNA L", "WNA P", "WNI L", "WNI P"]
_FAMILIES = ["Jumlah KK", "Jumlah anggota keluarga", "Jumlah jiwa"]


def columns(scope, rows):
    """The 34 columns; the number columns as wide as their largest number (the JUMLAH row's)."""
    awal, akhir = ("Awal tahun", "Akhir tahun") if scope.is_tahunan else ("Awal bulan", "Akhir bulan")
    labels = []
    for group, with_families in [
        (awal, True),
        ("Lahir", False),
        ("Datang", False),
        ("Meninggal", False),
        ("Pindah", False),
        (akhir, True),
    ]:
        labels += [(group, label) for label in _GROUPS + (_FAMILIES if with_families else [])]
    numbers = list(zip(*(row.kolom() for row in rows), strict=True)) if rows else [[]] * len(labels)
    return [
        Column("No", 4.5, NUMBER),
        Column("Kode Desa", 14),
        Column("Desa/Kelurahan", fit([desa.nama for desa in scope.desa_list], 14, 26)),
        *(
            Column(label, fit_number(label, values), NUMBER, group)
            for (group, label), values in zip(labels, numbers, strict=True)
        ),
        Column("Keterangan", 26, wrap=True),
    ]


def rows_of(scope):
    """{desa kode: BarisB3} from kependudukan, the one source of these numbers."""
    if scope.is_tahunan:
        return rekap_b3_tahun(scope.desa_list, scope.tahun)
    return rekap_b3(scope.desa_list, scope.periode)


def write(workbook, scope):
    rows = rows_of(scope)
    jenis = JenisLaporan.KEPENDUDUKAN
    total = jumlah_b3(scope.dihitung(jenis, list(rows.values())))
    sheet = Sheet(
        workbook,
        NAMA,
        columns(scope, [*rows.values(), total]),
        heading="REKAPITULASI JUMLAH PENDUDUK (BUKU B.3)",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
    )
    keadaan = scope.keadaan_laporan(jenis)
    reported = scope.dilaporkan(jenis)
    number = 0
    blocks = scope.blocks(rows)
    for kecamatan, block in blocks:
        for row in block:
            number += 1
            sheet.append(
                [
                    number,
                    row.desa_kode,
                    row.desa_nama,
                    *row.kolom(),
                    keterangan(scope, row, keadaan, reported[row.desa_kode]),
                ]
            )
        if scope.is_kabupaten:
            sheet.append_total(
                f"JUMLAH KECAMATAN {kecamatan.nama.upper()}",
                [*jumlah_b3(scope.dihitung(jenis, block)).kolom(), scope.cakupan(jenis, block)],
                fill=styles.FILL_SUBTOTAL,
            )
    sheet.append_total("JUMLAH", [*total.kolom(), scope.cakupan(jenis, list(rows.values()))])
    sheet.close(
        note=(
            "Jumlah jiwa = WNA L + WNA P + WNI L + WNI P; jumlah anggota keluarga = jumlah jiwa − jumlah KK; "
            "akhir = awal + lahir + datang − meninggal − pindah (± koreksi yang disebut di Keterangan). "
            + CATATAN_BEKU
        )
    )


def keterangan(scope, row, keadaan, reported=True):
    """The report's state, then why a row is empty or which corrections it counts."""
    parts = [keadaan[row.desa_kode]]
    if not reported:
        parts.append(TIDAK_DIHITUNG)
    if scope.is_tahunan and row.ada_data and row.mulai.bulan > 1:
        parts.append(f"data mulai {row.mulai.label}")
    if row.bulan_beku:
        parts.append(teks_beku(row.bulan_beku, row.beku_at))
    if row.keterangan:
        parts.append(row.keterangan)
    return "; ".join(parts)

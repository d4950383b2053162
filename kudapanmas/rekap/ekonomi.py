"""Sheet `Ekonomi`: one row per desa: households by desil and by KS category, recipients per
programme, flags open and resolved, households not checked for over six months.

The numbers are kependudukan.ekonomi.laporan's (`rekap_ekonomi`), the ones the desa's monthly
page shows. For a year the households, recipients and flags are those of the last month covered;
the households checked and the new and stopped recipients are summed over the months.
"""

from desa.models.laporan import JenisLaporan
from kependudukan.ekonomi.laporan import DESIL, BarisEkonomi, BarisProgram, rekap_ekonomi
from kependudukan.ekonomi.models import KategoriKS
from kudapanmas.rekap.scope import CATATAN_BEKU, TIDAK_DIHITUNG, teks_beku
from kudapanmas.rekap.sheet import NUMBER, Column, Sheet, fit

NAMA = "Ekonomi"
DESKRIPSI = (
    "Keluarga menurut desil DTSEN dan kategori KS, penerima per program bantuan, penerima perlu verifikasi."
)


def rows_of(scope):
    """{desa kode: BarisEkonomi} over the covered months."""
    rows = {}
    for periode in scope.periode_list:
        months = rekap_ekonomi(scope.desa_list, periode, tanda=scope.tanda_penerima(periode))
        for kode, month in months.items():
            row = rows.get(kode)
            if row is None:
                rows[kode] = month
                continue
            month.bulan_beku += row.bulan_beku
            month.beku_at = month.beku_at or row.beku_at
            for item, old in zip(month.program, row.program, strict=True):
                item.baru += old.baru
                item.berhenti += old.berhenti
            month.dimutakhirkan += row.dimutakhirkan
            rows[kode] = month
    return rows


def columns(scope, programs):
    ks = [label for _, label in KategoriKS.choices] + ["KS belum diisi"]
    return [
        Column("No", 4.5, NUMBER),
        Column("Kode Desa", 14),
        Column("Desa/Kelurahan", fit([desa.nama for desa in scope.desa_list], 14, 26)),
        Column("Jumlah keluarga", 9, NUMBER),
        *(Column(f"Desil {number}", 6, NUMBER, "Keluarga menurut desil DTSEN") for number in DESIL),
        Column("Belum diketahui", 9, NUMBER, "Keluarga menurut desil DTSEN"),
        *(Column(label, 8, NUMBER, "Keluarga menurut kategori KS") for label in ks),
        Column("Dimutakhirkan", 11, NUMBER),
        Column("Belum dimutakhirkan > 6 bulan", 12, NUMBER),
        Column("Perlu verifikasi terbuka", 11, NUMBER, "Penerima bantuan ditandai"),
        Column("Sudah ditindaklanjuti", 12, NUMBER, "Penerima bantuan ditandai"),
        Column("Informasi desil", 10, NUMBER, "Penerima bantuan ditandai"),
        *(
            Column(f"{kode} {label}", 8, NUMBER, f"Penerima {kode}")
            for kode in programs
            for label in ("menerima", "baru", "berhenti")
        ),
        Column("Keterangan", 26, wrap=True),
    ]


def numbers(row):
    values = [row.jumlah_keluarga, *row.per_desil, *row.per_ks, row.dimutakhirkan, row.belum_dimutakhirkan]
    values += [row.tanda_terbuka, row.tanda_selesai, row.tanda_informasi]
    for item in row.program:
        values += [item.aktif, item.baru, item.berhenti]
    return values


def jumlah(rows, programs):
    total = BarisEkonomi("", "JUMLAH", program=[BarisProgram(kode) for kode in programs])
    for row in rows:
        total.jumlah_keluarga += row.jumlah_keluarga
        total.per_desil = [a + b for a, b in zip(total.per_desil, row.per_desil, strict=True)]
        total.per_ks = [a + b for a, b in zip(total.per_ks, row.per_ks, strict=True)]
        total.dimutakhirkan += row.dimutakhirkan
        total.belum_dimutakhirkan += row.belum_dimutakhirkan
        total.tanda_terbuka += row.tanda_terbuka
        total.tanda_selesai += row.tanda_selesai
        total.tanda_informasi += row.tanda_informasi
        for item, other in zip(total.program, row.program, strict=True):
            item.aktif, item.baru, item.berhenti = (
                item.aktif + other.aktif,
                item.baru + other.baru,
                item.berhenti + other.berhenti,
            )
    return total


def write(workbook, scope):
    rows = rows_of(scope)
    programs = [item.kode for item in next(iter(rows.values())).program] if rows else []
    sheet = Sheet(
        workbook,
        NAMA,
        columns(scope, programs),
        heading="EKONOMI KELUARGA DAN PENERIMA BANTUAN",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
    )
    jenis = JenisLaporan.EKONOMI
    keadaan = scope.keadaan_laporan(jenis)
    reported = scope.dilaporkan(jenis)
    for number, desa in enumerate(scope.desa_list, start=1):
        row = rows[desa.pk]
        parts = [keadaan[desa.pk], "" if reported[desa.pk] else TIDAK_DIHITUNG]
        parts.append(teks_beku(row.bulan_beku, None if scope.is_tahunan else row.beku_at))
        sheet.append([number, row.desa_kode, row.desa_nama, *numbers(row), "; ".join(filter(None, parts))])
    counted = scope.dihitung(jenis, list(rows.values()))
    sheet.append_total(
        "JUMLAH", [*numbers(jumlah(counted, programs)), scope.cakupan(jenis, list(rows.values()))]
    )
    sheet.close(
        note="Keluarga dihitung menurut pemutakhiran terakhir sampai akhir bulan; belum dimutakhirkan = "
        "terakhir dicek lebih dari 6 bulan sebelumnya. "
        "Rincian penerima yang ditandai ada di sheet Penerima Bantuan. " + CATATAN_BEKU
    )

"""Sheet `Linmas`: one row per desa: members by position, activities by kind, participants,
incidents and whether the kecamatan's mandatory programme was met.

The figures are linmas.ringkasan's, month by month (six queries a month, whatever the
number of desa). For a year the activities, participations and incidents are summed, the
roster is that of the last month, and the programme is counted in months met.
"""

from dataclasses import dataclass, field

from desa.models.laporan import JenisLaporan
from kudapanmas.rekap import styles
from kudapanmas.rekap.scope import CATATAN_BEKU, TIDAK_DIHITUNG, teks_beku
from kudapanmas.rekap.sheet import NUMBER, Column, Sheet, fit, fit_number
from linmas.models import JUMLAH_ANGGOTA_MINIMUM, Jabatan, JenisKegiatan
from linmas.ringkasan import ringkasan_linmas

NAMA = "Linmas"
DESKRIPSI = "Satlinmas per desa/kelurahan: anggota, kegiatan menurut jenis, kejadian, program kegiatan wajib."

_JABATAN_PENDEK = {
    Jabatan.KEPALA_SATUAN: "Kepala Satuan",
    Jabatan.KEPALA_SATUAN_TUGAS: "Danton",
    Jabatan.KOMANDAN_REGU: "Danru",
    Jabatan.ANGGOTA: "Anggota",
}


@dataclass
class BarisLinmas:
    """One desa's Linmas figures over the covered months."""

    desa_kode: str
    desa_nama: str
    anggota: list  # members per Jabatan, in Jabatan order, at the end of the last month
    kegiatan: list  # activities per JenisKegiatan, in JenisKegiatan order
    peserta: int = 0
    terlibat: int = 0  # different members who took part: in the month, or in the year's busiest month
    kejadian: int = 0
    korban_meninggal: int = 0
    korban_luka: int = 0
    bulan_program: int = 0  # months judged against a programme
    bulan_terpenuhi: int = 0
    kekurangan: list = field(default_factory=list)  # (periode, [SyaratProgram not met])
    bulan_beku: int = 0  # months read from their snapshots
    beku_at: object = None  # when the last of them was verified

    @property
    def kurang_anggota(self):
        return sum(self.anggota) < JUMLAH_ANGGOTA_MINIMUM


def rows_of(scope):
    """{desa kode: BarisLinmas} summed over the covered months. The programme is judged only from
    the first month the ledger knows (bulan_berdata): before it the desa did not report here."""
    rows = {}
    judged = set(scope.bulan_berdata)
    for periode in scope.periode_list:
        for kode, ringkasan in ringkasan_linmas(scope.desa_list, periode).items():
            row = rows.get(kode)
            if row is None:
                row = rows[kode] = BarisLinmas(kode, ringkasan.desa_nama, [], [0] * len(JenisKegiatan.values))
            row.anggota = [ringkasan.anggota_per_jabatan[jabatan] for jabatan in Jabatan.values]
            for index, jenis in enumerate(JenisKegiatan.values):
                row.kegiatan[index] += ringkasan.kegiatan_per_jenis[jenis]
            row.peserta += ringkasan.jumlah_peserta
            row.terlibat = max(row.terlibat, ringkasan.anggota_terlibat)
            row.kejadian += ringkasan.jumlah_kejadian
            row.korban_meninggal += ringkasan.korban_meninggal
            row.korban_luka += ringkasan.korban_luka
            if ringkasan.beku_at is not None:
                row.bulan_beku += 1
                row.beku_at = None if scope.is_tahunan else ringkasan.beku_at
            if ringkasan.program and periode in judged:
                row.bulan_program += 1
                row.bulan_terpenuhi += bool(ringkasan.program_terpenuhi)
                if not ringkasan.program_terpenuhi:
                    row.kekurangan.append((periode, ringkasan.syarat_belum_terpenuhi))
    return rows


def columns(scope, total):
    """The columns; each number column as wide as the JUMLAH row's number or its header's words."""
    anggota = "Anggota aktif (akhir tahun)" if scope.is_tahunan else "Anggota aktif (akhir bulan)"
    terlibat = "Anggota terlibat, bulan tertinggi" if scope.is_tahunan else "Anggota terlibat"
    groups = [(anggota, _JABATAN_PENDEK[jabatan]) for jabatan in Jabatan]
    groups.append((anggota, "Jumlah"))
    # "Ronda/ siskamling": a header may wrap after a slash.
    groups += [("Kegiatan (kali)", jenis.label.replace("/", "/ ")) for jenis in JenisKegiatan]
    groups.append(("Kegiatan (kali)", "Jumlah"))
    groups += [("Peserta", "Keikutsertaan anggota"), ("Peserta", terlibat)]
    groups += [("Kejadian", "Jumlah"), ("Kejadian", "Korban meninggal"), ("Kejadian", "Korban luka")]
    result = [
        Column("No", 4.5, NUMBER),
        Column("Kode Desa", 14),
        Column("Desa/Kelurahan", fit([desa.nama for desa in scope.desa_list], 14, 26)),
    ]
    for (group, label), value in zip(groups, total, strict=False):
        result.append(Column(label, fit_number(label, [value]), NUMBER, group))
    result += [
        Column("Terpenuhi", 11, group="Program kegiatan wajib", wrap=True),
        Column("Kekurangan", 28, group="Program kegiatan wajib", wrap=True),
        Column("Keterangan", 24, wrap=True),
    ]
    return result


def write(workbook, scope):
    rows = rows_of(scope)
    jenis = JenisLaporan.LINMAS
    total = total_values(list(rows.values()), scope)
    sheet = Sheet(
        workbook,
        NAMA,
        columns(scope, total),
        heading="REKAPITULASI KEGIATAN SATUAN PERLINDUNGAN MASYARAKAT (SATLINMAS)",
        subheading=f"{scope.wilayah} · {scope.label}".upper(),
    )
    keadaan = scope.keadaan_laporan(jenis)
    reported = scope.dilaporkan(jenis)
    number = 0
    for kecamatan, block in scope.blocks(rows):
        for row in block:
            number += 1
            sheet.append(
                [
                    number,
                    row.desa_kode,
                    row.desa_nama,
                    *numbers(row),
                    terpenuhi(row, scope),
                    kekurangan(row, scope),
                    keterangan(row, keadaan, reported[row.desa_kode]),
                ]
            )
        if scope.is_kabupaten:
            sheet.append_total(
                f"JUMLAH KECAMATAN {kecamatan.nama.upper()}",
                total_values(block, scope),
                fill=styles.FILL_SUBTOTAL,
            )
    sheet.append_total("JUMLAH", total)
    sheet.close(
        note=(
            f"Keikutsertaan: satu anggota yang ikut 3 kegiatan dihitung 3. Satlinmas desa paling sedikit "
            f"{JUMLAH_ANGGOTA_MINIMUM} anggota (Permendagri 84/2014). {CATATAN_BEKU}"
        )
    )


def numbers(row):
    return [
        *row.anggota,
        sum(row.anggota),
        *row.kegiatan,
        sum(row.kegiatan),
        row.peserta,
        row.terlibat,
        row.kejadian,
        row.korban_meninggal,
        row.korban_luka,
    ]


def keterangan(row, keadaan, reported=True):
    parts = [keadaan[row.desa_kode]]
    if not reported:
        parts.append(TIDAK_DIHITUNG)
    if row.kurang_anggota:
        parts.append(f"anggota kurang dari {JUMLAH_ANGGOTA_MINIMUM}")
    if row.bulan_beku:
        parts.append(teks_beku(row.bulan_beku, row.beku_at))
    return "; ".join(parts)


def terpenuhi(row, scope):
    if not row.bulan_program:
        return "Tidak ada program"
    if not scope.is_tahunan:
        return "Ya" if row.bulan_terpenuhi else "Tidak"
    return f"{row.bulan_terpenuhi} dari {row.bulan_program} bulan"


def kekurangan(row, scope):
    if not scope.is_tahunan:
        return "; ".join(syarat.teks for _, syarat_list in row.kekurangan for syarat in syarat_list)
    return "; ".join(
        f"{periode.label.split()[0]} ({', '.join(syarat.label for syarat in syarat_list)})"
        for periode, syarat_list in row.kekurangan
    )


def total_values(rows, scope):
    """The totals of the rows whose report is sent or verified, saying how many desa they cover."""
    every, rows = rows, scope.dihitung(JenisLaporan.LINMAS, rows)
    sums = [0] * (len(Jabatan) + len(JenisKegiatan) + 7)
    for row in rows:
        sums = [total + value for total, value in zip(sums, numbers(row), strict=True)]
    judged = [row for row in rows if row.bulan_program]
    met = sum(row.bulan_terpenuhi for row in judged)
    if scope.is_tahunan:
        met = f"{met} dari {sum(row.bulan_program for row in judged)} bulan"
    else:
        met = f"{met} dari {len(judged)} desa"
    return [*sums, met if judged else "", "", scope.cakupan(JenisLaporan.LINMAS, every)]

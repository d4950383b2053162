"""A small, hand-made month for the recap tests: Agustus 2025 in Kecamatan Paringin.

Desa A (Balang) starts in Juli 2025 with 1 WNA L, 500 WNI L, 510 WNI P and 300 KK; one
birth and one arriving head of family in Juli; in Agustus two girls are born, a man dies,
a foreign woman arrives as head of family, a head of family and a woman leave. Desa B
(Lok Batung) starts in Agustus 2025 with 300 WNI L, 320 WNI P and 200 KK; one boy is born.
The other 14 desa of Paringin have no data awal. RT 003 of desa A sends its RT report. The
numbers the tests expect are worked out by hand in the tests themselves.
"""

import datetime
import io

from openpyxl import load_workbook

from desa.models import RT
from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.periode import WITA, Periode
from kependudukan.models import DataAwal, Peristiwa
from kudapanmas.rekap.workbook import write_rekap
from laporan_rt.models import LaporanRT
from linmas.models import AnggotaLinmas, ButirProgram, Jabatan, Kegiatan, Kejadian, ProgramLinmas, Regu

PERIODE = Periode(2025, 8)
INJEKSI = '=HYPERLINK("http://contoh.invalid","klik")'


def waktu(*args):
    return datetime.datetime(*args, tzinfo=WITA)


def event(desa, jenis, tanggal, jenis_kelamin, *, nik="", wna=False, kepala=False, lapor=None, **fields):
    return Peristiwa.objects.create(
        desa=desa,
        jenis=jenis,
        tanggal_peristiwa=tanggal,
        tanggal_lapor=lapor or tanggal,
        nik=nik,
        nama=fields.pop("nama", f"{jenis.title()} {tanggal:%d%m}"),
        jenis_kelamin=jenis_kelamin,
        kewarganegaraan="WNA" if wna else "WNI",
        kepala_keluarga=kepala,
        **fields,
    )


def isi_kependudukan(desa_a, desa_b):
    date = datetime.date
    DataAwal.objects.create(
        desa=desa_a, periode=date(2025, 7, 1), wna_l=1, wni_l=500, wni_p=510, jumlah_kk=300
    )
    DataAwal.objects.create(desa=desa_b, periode=date(2025, 8, 1), wni_l=300, wni_p=320, jumlah_kk=200)
    event(desa_a, "LAHIR", date(2025, 7, 3), "L")
    event(desa_a, "DATANG", date(2025, 7, 20), "P", nik="6311065507900001", kepala=True)
    event(desa_a, "LAHIR", date(2025, 8, 2), "P", nomor_rt=3, nama="Siti Aisyah")
    event(desa_a, "LAHIR", date(2025, 8, 9), "P", nomor_rt=3, keterangan="+62 811 kembar")
    event(
        desa_a,
        "MATI",
        date(2025, 6, 1),
        "L",
        lapor=date(2025, 8, 12),
        nik="6311060101500002",
        no_kk="6311060101100009",
        tanggal_lahir=date(1950, 1, 1),
        sebab_kematian="sakit",
        nama="Ahmad Yani",
    )
    event(desa_a, "DATANG", date(2025, 8, 15), "P", nik="3171016002900003", wna=True, kepala=True)
    event(
        desa_a,
        "PINDAH",
        date(2025, 8, 20),
        "L",
        nik="6311060505800004",
        kepala=True,
        nama=INJEKSI,
        alamat_asal_tujuan="-Jl. Mawar 5, Banjarmasin",
        tingkat_pindah="antar_kabupaten",
        peringatan=["Jenis kelamin pada NIK perempuan, tercatat laki-laki."],
    )
    event(desa_a, "PINDAH", date(2025, 8, 21), "P", nik="6311064505850005")
    event(desa_b, "LAHIR", date(2025, 8, 5), "L")


def isi_ledger(desa_a, desa_b, user):
    LaporanBulanan.objects.create(
        desa=desa_a,
        jenis=JenisLaporan.KEPENDUDUKAN,
        periode=PERIODE,
        status=Status.DIVERIFIKASI,
        pertama_dikirim_at=waktu(2025, 9, 3, 10),
        dikirim_at=waktu(2025, 9, 3, 10),
        diverifikasi_at=waktu(2025, 9, 4, 9, 30),
        diverifikasi_oleh=user,
    )
    # Sent on 8 September, the deadline ended with 5 September: 3 days late.
    LaporanBulanan.objects.create(
        desa=desa_b,
        jenis=JenisLaporan.KEPENDUDUKAN,
        periode=PERIODE,
        status=Status.DIKIRIM,
        pertama_dikirim_at=waktu(2025, 9, 8, 10),
        dikirim_at=waktu(2025, 9, 8, 10),
    )
    LaporanBulanan.objects.create(
        desa=desa_a,
        jenis=JenisLaporan.LINMAS,
        periode=PERIODE,
        status=Status.DIKIRIM,
        pertama_dikirim_at=waktu(2025, 9, 2, 8),
        dikirim_at=waktu(2025, 9, 2, 8),
    )


def isi_linmas(desa_a, kecamatan):
    date = datetime.date
    jabatan = [Jabatan.KEPALA_SATUAN, Jabatan.KEPALA_SATUAN_TUGAS] + [Jabatan.KOMANDAN_REGU] * 2
    jabatan += [Jabatan.ANGGOTA] * 8
    regu = ["", "", Regu.PENGAMANAN, Regu.DAPUR_UMUM] + [Regu.PENGAMANAN] * 8
    anggota = [
        AnggotaLinmas.objects.create(
            desa=desa_a,
            nik=f"63110601018{index:05d}",
            nama=f"Anggota {index:02d}",
            jenis_kelamin="L",
            tanggal_lahir=date(1980, 1, 1),
            alamat="Balang",
            jabatan=jabatan[index],
            regu=regu[index],
            nomor_sk="SK/01/2025",
            tanggal_sk=date(2025, 1, 10),
        )
        for index in range(12)
    ]
    program = ProgramLinmas.objects.create(kecamatan=kecamatan, berlaku_mulai=date(2025, 1, 1))
    ButirProgram.objects.create(program=program, jenis_kegiatan="ronda", jumlah_minimum=4)
    ButirProgram.objects.create(program=program, jenis_kegiatan="apel", jumlah_minimum=1)
    for day, size in [(2, 3), (9, 2), (16, 2), (23, 2)]:
        kegiatan = Kegiatan.objects.create(
            desa=desa_a,
            tanggal=date(2025, 8, day),
            jenis="ronda",
            tempat="Pos ronda RT 3",
            uraian="Ronda malam.",
        )
        kegiatan.peserta.set(anggota[:size])
    apel = Kegiatan.objects.create(
        desa=desa_a, tanggal=date(2025, 8, 17), jenis="apel", tempat="@SUM(A1)", uraian="\t=1+1 apel HUT RI"
    )
    apel.peserta.set(anggota)
    Kejadian.objects.create(
        desa=desa_a,
        waktu=waktu(2025, 8, 31, 23, 30),
        jenis="kebakaran",
        tempat="RT 2",
        uraian="Dapur terbakar.",
        tindakan="Memadamkan api bersama warga.",
        korban_luka=2,
        kerugian="1 dapur",
    )


def isi_laporan_rt(desa_a):
    """RT 003 of desa A reports 40 KK, 60 men and 62 women, two girls born, four ronda, and writes
    a problem (starting like a formula) and a proposal."""
    rt = RT.objects.create(desa=desa_a, nomor=3, rw="Dusun I")
    LaporanRT.objects.create(
        desa=desa_a,
        rt=rt,
        periode=PERIODE,
        awal_kk=40,
        awal_l=60,
        awal_p=62,
        lahir_p=2,
        akhir_kk=40,
        kegiatan_ronda=4,
        masalah="=1+2 jalan rusak di RT 003",
        usulan="Perbaikan jembatan desa.",
        dikirim_at=waktu(2025, 8, 31, 20),
    )


def isi_semua(desa_a, desa_b, kecamatan, user):
    kecamatan.jenis_laporan_wajib = [JenisLaporan.KEPENDUDUKAN, JenisLaporan.LINMAS]
    kecamatan.nama_camat = "Drs. H. Rahmadi"
    kecamatan.nip_camat = "197001011990031001"
    kecamatan.save()
    isi_kependudukan(desa_a, desa_b)
    isi_ledger(desa_a, desa_b, user)
    isi_linmas(desa_a, kecamatan)
    isi_laporan_rt(desa_a)


def buka(scope):
    """Write the workbook of `scope` in memory and open it again with openpyxl."""
    target = io.BytesIO()
    write_rekap(scope, target)
    target.seek(0)
    return load_workbook(target)


def rows_of(sheet, first_row):
    """The rows from `first_row` on, as lists of values."""
    return [list(row) for row in sheet.iter_rows(min_row=first_row, values_only=True)]

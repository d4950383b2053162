"""Data-quality findings (temuan) of a month's population records.

Shown to the operator before sending and to the kecamatan when reviewing; the recap's
`Temuan` sheet lists them too. A fixed number of queries for any number of desa.
"""

from django.urls import reverse
from django.utils import timezone

from desa.models.laporan import JenisLaporan
from desa.periode import Periode, format_tanggal
from desa.temuan import Temuan
from kependudukan.b3 import rekap_b3
from kependudukan.models import JenisPeristiwa, Peristiwa
from kependudukan.pindah import BATAS_TUNGGU, penjelasan
from kependudukan.rincian import rincian_peristiwa

BATAS_PENDUDUK_TANPA_PERISTIWA = 1000

NIK_TIDAK_COCOK = "NIK tidak cocok"
PELAPORAN_TERLAMBAT = "Pelaporan terlambat"
PINDAH_BELUM_COCOK = "Pindah belum cocok"
BULAN_TANPA_PERISTIWA = "Bulan tanpa peristiwa"


def temuan_kependudukan(desa_list, periode, hari_ini=None):
    """Every finding about these desa's records of `periode`, desa by desa."""
    desa_list = list(desa_list)
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini - BATAS_TUNGGU
    found = []
    for event in rincian_peristiwa(desa_list, periode):
        found += _about_event(event, batas)
    # The other side of a move: another desa recorded a move to or from one of these desa.
    other_side = (
        Peristiwa.objects.awaiting_partner()
        .filter(desa_asal_tujuan__in=[desa.pk for desa in desa_list], periode=periode.awal)
        .filter(tanggal_peristiwa__lte=batas)
        .select_related("desa", "desa_asal_tujuan")
    )
    for event in other_side:
        found.append(_other_side(event))
    rows = rekap_b3(desa_list, periode)
    if periode < Periode.current():
        for desa in desa_list:
            row = rows[desa.pk]
            if row.ada_data and row.jumlah_peristiwa == 0 and row.jiwa_awal > BATAS_PENDUDUK_TANPA_PERISTIWA:
                found.append(_no_event(desa, periode, row))
    order = {desa.pk: index for index, desa in enumerate(desa_list)}
    return sorted(found, key=lambda temuan: order.get(temuan.desa_kode, len(order)))


def _about_event(event, batas):
    found = []
    base = {
        "desa_kode": event.desa_id,
        "desa_nama": event.desa.nama,
        "nama": event.nama,
        "nik": event.nik,
        "url": event.get_absolute_url(),
        "jenis": JenisLaporan.KEPENDUDUKAN,
    }
    what = f"{event.get_jenis_display()} {event.nama}"
    for warning in event.peringatan:
        found.append(Temuan(aturan=NIK_TIDAK_COCOK, detail=f"{what}: {warning}", **base))
    if event.terlambat:
        detail = (
            f"{what}: terjadi {format_tanggal(event.tanggal_peristiwa)}, baru dilaporkan "
            f"{format_tanggal(event.tanggal_lapor)}."
        )
        found.append(Temuan(aturan=PELAPORAN_TERLAMBAT, detail=detail, informasi=True, **base))
    if event.belum_cocok and event.tanggal_peristiwa <= batas:
        found.append(Temuan(aturan=PINDAH_BELUM_COCOK, detail=f"{event.nama}: {penjelasan(event)}", **base))
    return found


def _other_side(event):
    desa = event.desa_asal_tujuan
    if event.jenis == JenisPeristiwa.PINDAH:
        detail = (
            f"{event.desa} mencatat {event.nama} pindah ke desa ini pada "
            f"{format_tanggal(event.tanggal_peristiwa)}, tetapi kedatangannya belum dicatat di sini."
        )
        fix = JenisPeristiwa.DATANG
    else:
        detail = (
            f"{event.desa} mencatat {event.nama} datang dari desa ini pada "
            f"{format_tanggal(event.tanggal_peristiwa)}, tetapi kepindahannya belum dicatat di sini."
        )
        fix = JenisPeristiwa.PINDAH
    return Temuan(
        desa_kode=desa.pk,
        desa_nama=desa.nama,
        aturan=PINDAH_BELUM_COCOK,
        detail=detail,
        nama=event.nama,
        nik=event.nik,
        url=reverse("kependudukan:peristiwa_create", args=[desa.pk, fix]),
        jenis=JenisLaporan.KEPENDUDUKAN,
    )


def _no_event(desa, periode, row):
    jiwa = f"{row.jiwa_awal:,}".replace(",", ".")
    return Temuan(
        desa_kode=desa.pk,
        desa_nama=desa.nama,
        aturan=BULAN_TANPA_PERISTIWA,
        detail=(
            f"Tidak ada peristiwa kependudukan tercatat {periode.label}, padahal penduduknya {jiwa} jiwa. "
            "Periksa apakah memang tidak ada kelahiran, kematian atau perpindahan."
        ),
        url=reverse("kependudukan:peristiwa_list", args=[desa.pk, str(periode)]),
        jenis=JenisLaporan.KEPENDUDUKAN,
    )

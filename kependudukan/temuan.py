"""Data-quality findings (temuan) of a month's population records.

Shown to the operator before sending and to the kecamatan when reviewing; the recap's
`Temuan` sheet lists them too. A fixed number of queries for any number of desa.
"""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from desa.models.laporan import JenisLaporan
from desa.periode import Periode, format_tanggal
from desa.temuan import Temuan
from kependudukan.b3 import rekap_b3
from kependudukan.models import DataAwal, JenisPeristiwa, Peristiwa
from kependudukan.models.peristiwa import AWAITING_PARTNER
from kependudukan.pindah import BATAS_TUNGGU, penjelasan
from kependudukan.rincian import rincian_queryset

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
    for event in _flag_candidates(desa_list, periode, batas):
        found += _about_event(event, batas)
    # The other side of a move: another desa recorded a move to or from one of these desa.
    other_side = (
        Peristiwa.objects.awaiting_partner()
        .filter(desa_asal_tujuan__in=[desa.pk for desa in desa_list], periode=periode)
        .filter(tanggal_peristiwa__lte=batas)
        .select_related("desa", "desa_asal_tujuan")
    )
    for event in other_side:
        found.append(_other_side(event))
    if periode < Periode.current():
        found += _quiet_months(desa_list, periode)
    order = {desa.pk: index for index, desa in enumerate(desa_list)}
    return sorted(found, key=lambda temuan: order.get(temuan.desa_kode, len(order)))


def _quiet_months(desa_list, periode):
    """A populous desa that recorded no event at all in a past month: worth a second look.

    B.3 sums every earlier month for the population, so only the desa that report
    kependudukan by then and have no event this month are counted through it: one query to
    find them, and B.3's few when there are any."""
    recorded = Peristiwa.objects.filter(desa_id=OuterRef("desa_id"), periode=periode)
    quiet_ids = set(
        DataAwal.objects.filter(desa_id__in=[desa.pk for desa in desa_list], periode__lte=periode)
        .filter(~Exists(recorded))
        .values_list("desa_id", flat=True)
    )
    quiet = [desa for desa in desa_list if desa.pk in quiet_ids]
    if not quiet:
        return []
    rows = rekap_b3(quiet, periode)
    found = []
    for desa in quiet:
        row = rows[desa.pk]
        if row.ada_data and row.jumlah_peristiwa == 0 and row.jiwa_awal > BATAS_PENDUDUK_TANPA_PERISTIWA:
            found.append(_no_event(desa, periode, row))
    return found


def _flag_candidates(desa_list, periode, batas):
    """The month's events that may carry a flag, in the by-name list's order.

    A narrowing in SQL, so a kabupaten's year is not loaded twice over for the few flagged
    events; `_about_event` decides. An event that happened in its reporting month is never a
    late registration (that needs a month between the event and the report).
    """
    return rincian_queryset(desa_list, periode).filter(
        Q(tanggal_peristiwa__lt=periode.awal)
        | ~Q(peringatan=[])
        | (AWAITING_PARTNER & Q(tanggal_peristiwa__lte=batas))
    )


def _about_event(event, batas):
    found = []
    what = f"{event.get_jenis_display()} {event.nama}"
    for warning in event.peringatan:
        found.append((NIK_TIDAK_COCOK, f"{what}: {warning}", False))
    if event.terlambat:
        detail = (
            f"{what}: terjadi {format_tanggal(event.tanggal_peristiwa)}, baru dilaporkan "
            f"{format_tanggal(event.tanggal_lapor)}."
        )
        found.append((PELAPORAN_TERLAMBAT, detail, True))
    if event.belum_cocok and event.tanggal_peristiwa <= batas:
        found.append((PINDAH_BELUM_COCOK, f"{event.nama}: {penjelasan(event)}", False))
    if not found:
        return []
    base = {
        "desa_kode": event.desa_id,
        "desa_nama": event.desa.nama,
        "nama": event.nama,
        "nik": event.nik,
        "url": event.get_absolute_url(),
        "jenis": JenisLaporan.KEPENDUDUKAN,
    }
    return [Temuan(aturan=rule, detail=detail, informasi=info, **base) for rule, detail, info in found]


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

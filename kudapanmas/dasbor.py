"""The data behind the compliance pages: kecamatan dashboard, kabupaten overview, queue, rapor desa.

Every function reads the ledger in a fixed number of queries, however many desa and months.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from desa import kepatuhan, ledger
from desa.models import Desa, Kabupaten, Kecamatan
from desa.models.laporan import JenisLaporan, Keadaan, LaporanBulanan, Status
from desa.periode import Periode
from desa.registry import available_kinds, required_kinds
from desa.scoping import Peran
from laporan_rt.rekap import cakupan_rt


def periode_or_404(periode):
    if not ledger.periode_in_range(periode):
        raise Http404("Periode di luar jangkauan.")
    return periode


def default_periode():
    """The month people are working on: last month, whose deadline falls in this one."""
    return Periode.current().previous()


def kecamatan_for_user(user, kode, *, manage=False):
    """A kecamatan whose whole compliance the user may see: 404 outside the scope; 403 for an
    operator (they see their own desa's row) and, for `manage`, for anyone but its Kasi Trantib."""
    kecamatan = get_object_or_404(Kecamatan.objects.for_user(user), pk=kode)
    if user.is_operator and not user.is_superuser:
        raise PermissionDenied("Halaman ini untuk kecamatan dan kabupaten. Laporan desa Anda ada di Beranda.")
    if manage and not (user.is_kasi_trantib and user.kecamatan_id == kecamatan.pk):
        raise PermissionDenied("Hanya Kasi Trantib kecamatan ini yang dapat memakai halaman ini.")
    return kecamatan


def kabupaten_for_user(user, kode):
    """The kabupaten overview: the Kabupaten role of that kabupaten and administrators."""
    if user.is_superuser or user.peran == Peran.ADMINISTRATOR:
        return get_object_or_404(Kabupaten, pk=kode)
    if user.peran == Peran.KABUPATEN and user.kabupaten_id == kode:
        return get_object_or_404(Kabupaten, pk=kode)
    if Kecamatan.objects.for_user(user).filter(kabupaten_id=kode).exists():
        raise PermissionDenied("Ringkasan kabupaten hanya untuk peran Kabupaten.")
    raise Http404("Kabupaten tidak ditemukan.")


def desa_of(kecamatan):
    """The kecamatan's desa, each holding this very kecamatan (its deadline day, its kinds)."""
    desa_list = list(Desa.objects.filter(kecamatan=kecamatan))
    for desa in desa_list:
        desa.kecamatan = kecamatan
    return desa_list


@dataclass
class Saringan:
    """One state filter of the dashboard, with how many cells are in that state."""

    value: str
    label: str
    count: int
    active: bool


@dataclass
class DasborKecamatan:
    kecamatan: object
    periode: object
    kinds: list
    rows: list
    rekap: object
    saringan: list
    keadaan: str

    @property
    def batas(self):
        return self.periode.batas_waktu(self.kecamatan.hari_batas_waktu)

    @property
    def belum_wajib(self):
        """The month lies before the kecamatan began reporting through KUDAPANMAS."""
        return not self.kecamatan.wajib_lapor(self.periode)

    @property
    def mulai(self):
        return Periode.of(self.kecamatan.mulai_pelaporan) if self.kecamatan.mulai_pelaporan else None


def dasbor_kecamatan(kecamatan, periode, keadaan="", now=None):
    """The grid of a kecamatan's desa × required kinds, its rates, and the rows in state `keadaan`."""
    kinds = required_kinds(kecamatan)
    desa_list = desa_of(kecamatan)
    rows = kepatuhan.grid(desa_list, kinds, periode, now)
    add_rt_coverage(rows, periode)
    rekap = kepatuhan.rekap(rows)
    if keadaan not in Keadaan.values:
        keadaan = ""
    saringan = [Saringan("", "Semua", rekap.cells, not keadaan)]
    for state in Keadaan:
        count, active = rekap.counts[state.value], keadaan == state.value
        if state == Keadaan.BELUM_WAJIB and not (count or active):
            continue  # only for months before the kecamatan began reporting here
        saringan.append(Saringan(state.value, state.label, count, active))
    shown = [row for row in rows if row.has(keadaan)] if keadaan else rows
    return DasborKecamatan(kecamatan, periode, kinds, shown, rekap, saringan, keadaan)


def add_rt_coverage(rows, periode):
    """Write "x dari y RT" on each desa's Laporan RT cell (two queries for the whole grid)."""
    if not any(sel.jenis == JenisLaporan.LAPORAN_RT for row in rows for sel in row.sel):
        return
    cakupan = cakupan_rt([row.desa for row in rows], periode)
    for row in rows:
        for sel in row.sel:
            if sel.jenis == JenisLaporan.LAPORAN_RT:
                sel.catatan = cakupan[row.desa.pk].label


@dataclass
class BarisKecamatan:
    kecamatan: object
    jumlah_desa: int = 0
    rekap: kepatuhan.Rekap = field(default_factory=kepatuhan.Rekap)


def ringkasan_kabupaten(kabupaten, periode, now=None):
    """One row per kecamatan of the kabupaten (those with desa), in code order."""
    desa_list = list(Desa.objects.filter(kecamatan__kabupaten=kabupaten).select_related("kecamatan"))
    rows = {}
    for baris in kepatuhan.grid_required(desa_list, periode, now):
        row = rows.setdefault(baris.desa.kecamatan_id, BarisKecamatan(baris.desa.kecamatan))
        row.jumlah_desa += 1
        for sel in baris.sel:
            row.rekap.add(sel)
    result = [rows[kode] for kode in sorted(rows)]
    total = kepatuhan.Rekap()
    for row in result:
        total.merge(row.rekap)
    return result, total


def waiting(kecamatan):
    """Sent reports of every month waiting for verification, oldest first (a re-send waits from
    its re-send)."""
    return (
        LaporanBulanan.objects.filter(
            desa__kecamatan=kecamatan, status=Status.DIKIRIM, jenis__in=available_kinds()
        )
        .select_related("desa__kecamatan")
        .order_by("dikirim_at", "pk")
    )


@dataclass
class ItemAntrean:
    sel: object
    menunggu: str
    menunggu_hari: int


def antrean(kecamatan, now=None):
    now = now or timezone.now()
    items = []
    for laporan in waiting(kecamatan):
        sel = kepatuhan.make_sel(laporan.desa, laporan.jenis, laporan.periode_obj, laporan, now)
        delta = now - laporan.dikirim_at
        items.append(ItemAntrean(sel, lama(delta), delta.days))
    return items


def lama(delta):
    """How long something has waited, in words: "3 hari 4 jam", "5 jam", "kurang dari 1 jam"."""
    if delta < datetime.timedelta(hours=1):
        return "kurang dari 1 jam"
    hari, detik = delta.days, delta.seconds
    jam = detik // 3600
    if not hari:
        return f"{jam} jam"
    return f"{hari} hari {jam} jam" if jam else f"{hari} hari"

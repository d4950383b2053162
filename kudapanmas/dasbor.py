"""The data behind the compliance pages: kecamatan dashboard, kabupaten overview, queue, rapor desa.

Every function reads the ledger in a fixed number of queries, however many desa and months.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone

from desa import kepatuhan
from desa.forms.masukan import angka, filter_dari
from desa.models import Desa, Kecamatan
from desa.models.laporan import JenisLaporan, Keadaan, LaporanBulanan, Status
from desa.periode import PERIODE_PERTAMA, Periode, periode_in_range
from desa.registry import available_kinds, required_kinds
from laporan_rt.rekap import cakupan_rt


def default_periode():
    """The month people are working on: last month, whose deadline falls in this one."""
    return Periode.current().previous()


def desa_of(kecamatan):
    """The kecamatan's desa, each holding this very kecamatan (its deadline day, its kinds)."""
    desa_list = list(Desa.objects.filter(kecamatan=kecamatan))
    for desa in desa_list:
        desa.kecamatan = kecamatan
    return desa_list


# The state of a cell in a few letters, for the phone grid (one line per desa); the legend
# under the grid spells each one out.
SINGKAT = {
    Keadaan.BELUM_WAJIB: "·",
    Keadaan.BELUM_JATUH_TEMPO: "—",
    Keadaan.BELUM_DIKIRIM: "✗ belum",
    Keadaan.TEPAT_WAKTU: "kirim",
    Keadaan.TERLAMBAT: "telat",
    Keadaan.DIKEMBALIKAN: "↩ kmbl",
    Keadaan.DIVERIFIKASI: "✓ ver",
}
# The kinds' column headings on a phone.
JENIS_SINGKAT = {
    JenisLaporan.KEPENDUDUKAN: "Pddk",
    JenisLaporan.EKONOMI: "Eko",
    JenisLaporan.LINMAS: "Linmas",
    JenisLaporan.LAPORAN_RT: "RT",
}


@dataclass
class Legenda:
    keadaan: str
    singkat: str
    label: str


@dataclass
class Kolom:
    jenis: str
    label: str
    singkat: str


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
    def kolom(self):
        return [Kolom(jenis, JenisLaporan(jenis).label, JENIS_SINGKAT[jenis]) for jenis in self.kinds]

    @property
    def legenda(self):
        """The short states that occur in the grid, in the order of Keadaan."""
        shown = {sel.keadaan for row in self.rows for sel in row.sel}
        return [Legenda(state.value, SINGKAT[state], state.label) for state in Keadaan if state in shown]

    @property
    def batas(self):
        return self.periode.batas_waktu(self.kecamatan.hari_batas_waktu)

    @property
    def belum_wajib(self):
        """The month lies before the kecamatan began reporting through KUDAPANMAS."""
        return not self.kecamatan.wajib_lapor(self.periode)

    @property
    def mulai(self):
        return self.kecamatan.mulai_pelaporan


def dasbor_kecamatan(kecamatan, periode, keadaan="", now=None):
    """The grid of a kecamatan's desa × required kinds, its rates, and the rows in state `keadaan`."""
    kinds = required_kinds(kecamatan)
    desa_list = desa_of(kecamatan)
    rows = kepatuhan.grid(desa_list, kinds, periode, now)
    add_rt_coverage(rows, periode)
    for row in rows:
        for sel in row.sel:
            sel.singkat = SINGKAT[sel.keadaan]
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


# The trend of the provinsi overview: this many months up to the one shown.
BULAN_TREN = 12
# A provinsi's counts are kept this long at most (a new version of its data replaces them sooner).
CACHE_DETIK = 6 * 3600


@dataclass
class BarisKabupaten:
    kabupaten: object
    jumlah_kecamatan: int = 0
    jumlah_desa: int = 0
    rekap: kepatuhan.Rekap = field(default_factory=kepatuhan.Rekap)
    tren: list = field(default_factory=list)  # [Rekap] of each month of RingkasanProvinsi.bulan
    berjalan: tuple = ()  # for each month of the trend: whether its deadline has not passed yet

    @property
    def kolom_tren(self):
        """(Rekap, deadline not passed yet) for each month: a month still open is not shaded."""
        return list(zip(self.tren, self.berjalan, strict=True))


@dataclass
class RingkasanProvinsi:
    rows: list  # [BarisKabupaten], in code order, those without kecamatan in the database included
    total: kepatuhan.Rekap
    bulan: list  # the trend's months, oldest first, ending with the month shown
    tren: list  # [Rekap] of the whole provinsi, one per month
    berjalan: tuple = ()

    @property
    def kolom_tren(self):
        return list(zip(self.tren, self.berjalan, strict=True))


def ringkasan_provinsi(provinsi, periode, now=None):
    """One row per kabupaten/kota of the provinsi: its rates for `periode` and the 12 months to it.

    Counted by the database (kepatuhan.angka_kecamatan) in a fixed number of queries: a provinsi
    holds up to some 8,500 desa, whose year is far too many cells to build one by one."""
    bulan = [periode.shift(-offset) for offset in range(BULAN_TREN - 1, -1, -1)]
    bulan = [month for month in bulan if periode_in_range(month)]
    kecamatan_list = list(Kecamatan.objects.filter(kabupaten__provinsi=provinsi).order_by("kode"))
    now = now or timezone.now()
    angka = _angka_provinsi(provinsi, kecamatan_list, bulan, now)
    # A month is still open while the latest deadline of the provinsi's kecamatan has not passed.
    hari = max((kecamatan.hari_batas_waktu for kecamatan in kecamatan_list), default=1)
    berjalan = tuple(month.batas_waktu(hari) > now for month in bulan)
    kecamatan_of = {}
    for kecamatan in kecamatan_list:
        kecamatan_of.setdefault(kecamatan.kabupaten_id, []).append(kecamatan.pk)
    rows = []
    for kabupaten in provinsi.kabupaten_set.order_by("kode"):
        ids = kecamatan_of.get(kabupaten.pk, [])
        tren = [angka.of(ids, month) for month in bulan]
        rows.append(
            BarisKabupaten(
                kabupaten,
                jumlah_kecamatan=len(ids),
                jumlah_desa=sum(angka.jumlah_desa.get(kode, 0) for kode in ids),
                rekap=tren[-1],
                tren=tren,
                berjalan=berjalan,
            )
        )
    tren = []
    for index in range(len(bulan)):
        month = kepatuhan.Rekap()
        for row in rows:
            month.merge(row.tren[index])
        tren.append(month)
    return RingkasanProvinsi(rows, tren[-1], bulan, tren, berjalan)


def _angka_provinsi(provinsi, kecamatan_list, bulan, now):
    """The provinsi's counts, kept in the cache under the version of its data: the sum of its
    desa's versi_data (raised by every write to a desa's records or ledger, desa.gerbang), their
    number, and the rules of its kecamatan. Any change gives a new key, so a kept count is never
    stale; the figures do not depend on the clock (kepatuhan.angka_kecamatan)."""
    awalan = f"{provinsi.kode}."
    data = Desa.objects.filter(kode__startswith=awalan).aggregate(versi=Sum("versi_data"), jumlah=Count("pk"))
    aturan = [
        (k.pk, k.hari_batas_waktu, str(k.mulai_pelaporan), tuple(required_kinds(k))) for k in kecamatan_list
    ]
    versi = hashlib.sha256(repr((data, aturan, [str(month) for month in bulan])).encode()).hexdigest()[:32]
    key = f"kepatuhan-provinsi:{provinsi.kode}:{versi}"
    angka = cache.get(key)
    if angka is None:
        angka = kepatuhan.angka_kecamatan(kecamatan_list, bulan, now, awalan=awalan)
        cache.set(key, angka, timeout=CACHE_DETIK)
    return angka


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
class SaringanAntrean:
    """The queue's filters as read from the query string: each value valid or left empty, with a
    message for each one refused, and the choices the filter form offers."""

    jenis: str = ""
    desa: str = ""
    periode: object = None
    pilihan_jenis: list = field(default_factory=list)
    pilihan_desa: list = field(default_factory=list)
    pilihan_periode: list = field(default_factory=list)
    kesalahan: list = field(default_factory=list)

    @property
    def aktif(self):
        return bool(self.jenis or self.desa or self.periode)

    @property
    def periode_teks(self):
        return str(self.periode) if self.periode else ""

    @property
    def query(self):
        """The valid filters as a query string, for links and forms that lead back to this view."""
        values = {"jenis": self.jenis, "desa": self.desa, "periode": self.periode_teks}
        return urlencode({name: value for name, value in values.items() if value})

    def apply(self, queryset):
        if self.jenis:
            queryset = queryset.filter(jenis=self.jenis)
        if self.desa:
            queryset = queryset.filter(desa_id=self.desa)
        if self.periode:
            queryset = queryset.filter(periode=self.periode)
        return queryset


def saringan_antrean(kecamatan, query):
    """Read the queue's filters (jenis, desa, periode TTTT-BB); a bad value is dropped with a message."""
    values = filter_dari(query, ("jenis", "desa", "periode"))
    kinds = available_kinds()
    desa_list = sorted(desa_of(kecamatan), key=lambda desa: desa.nama)
    months = sorted(set(waiting(kecamatan).values_list("periode", flat=True)), reverse=True)
    saringan = SaringanAntrean(
        pilihan_jenis=[(jenis, JenisLaporan(jenis).label) for jenis in kinds],
        pilihan_desa=[(desa.kode, desa.nama) for desa in desa_list],
    )
    if values["jenis"] in kinds:
        saringan.jenis = values["jenis"]
    elif values["jenis"]:
        saringan.kesalahan.append("Jenis laporan yang dipilih tidak dikenal; semua jenis ditampilkan.")
    if values["desa"] in {desa.kode for desa in desa_list}:
        saringan.desa = values["desa"]
    elif values["desa"]:
        saringan.kesalahan.append(f"Desa yang dipilih bukan desa {kecamatan}; semua desa ditampilkan.")
    if values["periode"]:
        saringan.periode = _periode_saringan(values["periode"])
        if saringan.periode is None:
            terakhir = Periode.current().shift(12)
            saringan.kesalahan.append(
                f"Bulan ditulis TTTT-BB, antara {PERIODE_PERTAMA} dan {terakhir}, misalnya "
                f"{default_periode()}; semua bulan ditampilkan."
            )
    if saringan.periode and saringan.periode not in months:
        months = sorted([*months, saringan.periode], reverse=True)
    saringan.pilihan_periode = [(str(periode), periode.label) for periode in months]
    return saringan


def _periode_saringan(text):
    try:
        periode = Periode.parse(text)
    except ValueError:
        return None
    return periode if periode_in_range(periode) else None


@dataclass
class ItemAntrean:
    sel: object
    menunggu: str
    menunggu_hari: int


def antrean(kecamatan, saringan=None, now=None):
    now = now or timezone.now()
    queryset = waiting(kecamatan)
    if saringan is not None:
        queryset = saringan.apply(queryset)
    items = []
    for laporan in queryset:
        sel = kepatuhan.make_sel(laporan.desa, laporan.jenis, laporan.periode, laporan, now)
        delta = now - laporan.dikirim_at
        items.append(ItemAntrean(sel, lama(delta), delta.days))
    return items


@dataclass
class PilihanVerifikasi:
    """The reports chosen for verification together, as the confirmation page lists them."""

    items: list  # [kepatuhan.Sel] waiting for verification, oldest send first
    lain: list  # [kepatuhan.Sel] chosen but no longer waiting: they will not be verified
    tidak_dikenal: int  # chosen ids that are no report of this kecamatan

    @property
    def kosong(self):
        """Nothing chosen is a report of this kecamatan (ids of others are not worth a page)."""
        return not (self.items or self.lain)


def pilihan_verifikasi(kecamatan, user, values, now=None):
    """The reports named by `values` (ids as posted), through the user's scope and this kecamatan."""
    now = now or timezone.now()
    ids = list(dict.fromkeys(pk for pk in (angka(value) for value in values) if pk is not None))
    rows = (
        LaporanBulanan.objects.for_user(user)
        .filter(pk__in=ids, desa__kecamatan=kecamatan, jenis__in=available_kinds())
        .select_related("desa__kecamatan")
        .order_by("dikirim_at", "pk")
    )
    items, lain = [], []
    for laporan in rows:
        sel = kepatuhan.make_sel(laporan.desa, laporan.jenis, laporan.periode, laporan, now)
        (items if laporan.status == Status.DIKIRIM else lain).append(sel)
    unknown = len({value for value in values if value}) - len(items) - len(lain)
    return PilihanVerifikasi(items, lain, max(unknown, 0))


def nama_laporan(laporan):
    """How a message names one report among many: "Balang · Kependudukan · Agustus 2026"."""
    return f"{laporan.desa.nama} · {laporan.get_jenis_display()} · {laporan.periode.label}"


def lama(delta):
    """How long something has waited, in words: "3 hari 4 jam", "5 jam", "kurang dari 1 jam"."""
    if delta < datetime.timedelta(hours=1):
        return "kurang dari 1 jam"
    hari, detik = delta.days, delta.seconds
    jam = detik // 3600
    if not hari:
        return f"{jam} jam"
    return f"{hari} hari {jam} jam" if jam else f"{hari} hari"

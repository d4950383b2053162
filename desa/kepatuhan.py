"""Compliance of a set of desa for a month: the cells of the dashboard grid and its rates.

Reads only the ledger, in one query for the whole set of desa and months, however many
there are. `desa_list` must carry its kecamatan (select_related), whose deadline day it uses.
"""

import functools
from dataclasses import dataclass, field

from django.db.models import Case, Count, DateTimeField, Q, Value, When
from django.db.models.functions import Substr
from django.utils import timezone

from desa.models.laporan import JenisLaporan, Keadaan, LaporanBulanan, hari_terlambat, keadaan
from desa.models.wilayah import Desa
from desa.periode import Periode
from desa.registry import monthly_report_url, required_kinds

SENT_STATES = {Keadaan.TEPAT_WAKTU, Keadaan.TERLAMBAT, Keadaan.DIKEMBALIKAN, Keadaan.DIVERIFIKASI}
# What a reminder is about: not sent yet (due soon or overdue) or sent back for revision.
OPEN_STATES = {Keadaan.BELUM_JATUH_TEMPO, Keadaan.BELUM_DIKIRIM, Keadaan.DIKEMBALIKAN}
UNSENT_STATES = {Keadaan.BELUM_JATUH_TEMPO, Keadaan.BELUM_DIKIRIM}
# No days late: the deadline has not come, or the month was never required.
UNTIMED_STATES = {Keadaan.BELUM_JATUH_TEMPO, Keadaan.BELUM_WAJIB}


@dataclass
class Sel:
    desa: object
    jenis: str
    periode: object
    laporan: object  # LaporanBulanan or None
    batas: object
    keadaan: str
    hari_terlambat: int
    link: str = ""  # the monthly page, when the grid already knows it (see _Links)
    catatan: str = ""  # a short detail a floor-3 page adds, e.g. "3 dari 5 RT"

    @property
    def jenis_label(self):
        return JenisLaporan(self.jenis).label

    @property
    def keadaan_label(self):
        return Keadaan(self.keadaan).label

    @property
    def is_sent(self):
        return self.laporan is not None and self.laporan.is_sent

    @property
    def is_on_time(self):
        return self.is_sent and self.laporan.pertama_dikirim_at < self.batas

    @property
    def is_extended(self):
        return self.laporan is not None and self.laporan.batas_waktu_perpanjangan is not None

    @property
    def is_open(self):
        return self.keadaan in OPEN_STATES

    @property
    def url(self):
        return self.link or monthly_report_url(self.jenis, self.desa, self.periode)


@dataclass
class BarisDesa:
    desa: object
    sel: list = field(default_factory=list)

    def has(self, state):
        return any(sel.keadaan == state for sel in self.sel)


@dataclass
class Rekap:
    expected: int = 0
    sent: int = 0
    on_time: int = 0
    counts: dict = field(default_factory=lambda: dict.fromkeys(Keadaan.values, 0))

    @property
    def tingkat_pelaporan(self):
        return self.sent / self.expected if self.expected else None

    @property
    def ketepatan_waktu(self):
        return self.on_time / self.expected if self.expected else None

    @property
    def cells(self):
        """Every cell counted, the months not yet required included."""
        return sum(self.counts.values())

    @property
    def late(self):
        return self.sent - self.on_time

    @property
    def menunggu(self):
        """Sent and not yet reviewed: the cells still timed as on time or late."""
        return self.counts[Keadaan.TEPAT_WAKTU] + self.counts[Keadaan.TERLAMBAT]

    def add(self, sel):
        if sel.keadaan == Keadaan.BELUM_WAJIB:  # counted for the filter, never expected
            self.counts[sel.keadaan] += 1
            return
        self.expected += 1
        self.sent += sel.is_sent
        self.on_time += sel.is_on_time
        self.counts[sel.keadaan] += 1

    def merge(self, other):
        """Add another Rekap's figures, e.g. a kecamatan's into the kabupaten's."""
        self.expected += other.expected
        self.sent += other.sent
        self.on_time += other.on_time
        for state, count in other.counts.items():
            self.counts[state] += count


def ledger_rows(desa_ids, periodes, kinds):
    """{(desa_id, jenis, Periode): LaporanBulanan}, in one query."""
    rows = LaporanBulanan.objects.filter(
        desa_id__in=list(desa_ids),
        periode__in=list(periodes),
        jenis__in=list(kinds),
    ).order_by()  # the model's ordering would join Desa for nothing
    return {(row.desa_id, row.jenis, row.periode): row for row in rows}


def grid(desa_list, kinds, periode, now=None):
    """Rows of cells, one per desa × kind, for `periode`; desa_list carries its kecamatan."""
    now = now or timezone.now()
    return history(desa_list, kinds, [periode], now)[periode]


def grid_required(desa_list, periode, now=None):
    """Like grid(), each desa with the kinds its own kecamatan requires (desa of several kecamatan)."""
    now = now or timezone.now()
    kinds_of = {}
    for desa in desa_list:
        if desa.kecamatan_id not in kinds_of:
            kinds_of[desa.kecamatan_id] = required_kinds(desa.kecamatan)
    every_kind = {jenis for kinds in kinds_of.values() for jenis in kinds}
    ledger = ledger_rows([d.pk for d in desa_list], [periode], every_kind)
    links = _Links()
    return [_row(desa, kinds_of[desa.kecamatan_id], periode, ledger, now, links) for desa in desa_list]


def history(desa_list, kinds, periodes, now=None):
    """{periode: [BarisDesa]} for several months at once, in one query."""
    now = now or timezone.now()
    periodes = list(periodes)
    ledger = ledger_rows([d.pk for d in desa_list], periodes, kinds)
    links = _Links()
    return {
        periode: [_row(desa, kinds, periode, ledger, now, links) for desa in desa_list]
        for periode in periodes
    }


def _row(desa, kinds, periode, ledger, now, links):
    row = BarisDesa(desa)
    for jenis in kinds:
        sel = make_sel(desa, jenis, periode, ledger.get((desa.pk, jenis, periode)), now)
        sel.link = links.url(jenis, periode, desa.kode)
        row.sel.append(sel)
    return row


class _Links:
    """Monthly-page URLs for a whole grid: one reverse() per kind and month, not one per cell."""

    # A code no desa has, of the same shape, swapped for each desa's code.
    SENTINEL = "00.00.00.0000"

    def __init__(self):
        self.templates = {}

    def url(self, jenis, periode, kode):
        key = (jenis, periode)
        if key not in self.templates:
            self.templates[key] = monthly_report_url(jenis, self.SENTINEL, periode)
        return self.templates[key].replace(self.SENTINEL, kode)


def make_sel(desa, jenis, periode, laporan, now):
    hari = desa.kecamatan.hari_batas_waktu
    if laporan is not None and laporan.batas_waktu_perpanjangan:
        batas = laporan.batas_waktu(hari)
    else:
        batas = _batas(periode, hari)
    state = keadaan(laporan, batas, now)
    if state in UNSENT_STATES and not desa.kecamatan.wajib_lapor(periode):
        state = Keadaan.BELUM_WAJIB
    late = hari_terlambat(laporan, batas, now) if state not in UNTIMED_STATES else 0
    return Sel(desa, jenis, periode, laporan, batas, state, late)


@functools.lru_cache(maxsize=512)
def _batas(periode, hari):
    """A month's usual deadline; a grid asks it for every cell, so it is worked out once."""
    return periode.batas_waktu(hari)


def rekap(rows):
    total = Rekap()
    for row in rows:
        for sel in row.sel:
            total.add(sel)
    return total


@dataclass
class AngkaWilayah:
    """What angka_kecamatan counted: {(kecamatan_id, periode): Rekap} and {kecamatan_id: desa}."""

    rekap: dict
    jumlah_desa: dict

    def of(self, kecamatan_ids, periode):
        """The Rekap of several kecamatan (a kabupaten's) for one month."""
        total = Rekap()
        for kode in kecamatan_ids:
            if (kode, periode) in self.rekap:
                total.merge(self.rekap[(kode, periode)])
        return total


def angka_kecamatan(kecamatan_list, periodes, now=None, awalan=None):
    """Expected, sent and on-time reports of each kecamatan and month, counted by the database.

    A provinsi's year is hundreds of thousands of cells, too many to build one Sel at a time:
    the ledger is grouped in SQL by the kecamatan part of the desa code, with no join, each
    month's deadline a CASE over the few deadline days in use. `awalan` ("63.") says that the
    list is every kecamatan under that code, so the ledger is read by its (periode, desa) index.
    The rare rows the grouping cannot judge (an extended deadline, a month before the kecamatan
    began) are read one by one and judged by make_sel. The figures (expected, sent, on_time;
    not the per-state counts) equal rekap(grid_required(...)) cell for cell.
    """
    now = now or timezone.now()
    kecamatan_of = {kecamatan.pk: kecamatan for kecamatan in kecamatan_list}
    periodes = list(periodes)
    result = {(kode, periode): Rekap() for kode in kecamatan_of for periode in periodes}
    if not kecamatan_of or not periodes:
        return AngkaWilayah(result, {})
    jumlah_desa = dict(
        Desa.objects.filter(kecamatan_id__in=list(kecamatan_of))
        .values_list("kecamatan_id")
        .annotate(jumlah=Count("pk"))
        .order_by()
    )
    kinds_of = {kode: set(required_kinds(kecamatan)) for kode, kecamatan in kecamatan_of.items()}
    tidak_wajib = {}  # periode → the kecamatan that did not require it yet
    for kode, kecamatan in kecamatan_of.items():
        for periode in periodes:
            if kecamatan.wajib_lapor(periode):
                result[(kode, periode)].expected = jumlah_desa.get(kode, 0) * len(kinds_of[kode])
            else:
                tidak_wajib.setdefault(periode, []).append(kode)

    ledger = LaporanBulanan.objects.annotate(kecamatan_kode=Substr("desa_id", 1, 8)).filter(
        periode__in=periodes, jenis__in=set().union(*kinds_of.values())
    )
    if awalan:
        ledger = ledger.filter(desa__kode__startswith=awalan)  # on the ledger's own column, no join
    else:
        ledger = ledger.filter(kecamatan_kode__in=list(kecamatan_of))
    ledger = ledger.order_by()

    by_day = {}
    for kode, kecamatan in kecamatan_of.items():
        by_day.setdefault(kecamatan.hari_batas_waktu, []).append(kode)
    usual = max(by_day, key=lambda hari: len(by_day[hari]))
    batas = Case(
        *[
            When(
                periode=periode,
                then=Case(
                    *[
                        When(kecamatan_kode__in=codes, then=Value(_batas(periode, hari)))
                        for hari, codes in sorted(by_day.items())
                        if hari != usual
                    ],
                    default=Value(_batas(periode, usual)),
                ),
            )
            for periode in periodes
        ],
        output_field=DateTimeField(),
    )
    counted = (
        ledger.filter(batas_waktu_perpanjangan__isnull=True, pertama_dikirim_at__isnull=False)
        .values_list("kecamatan_kode", "periode", "jenis")
        # Counted on periode (never null), not on the id: every column read is then in
        # laporan_periode_desa_idx, so PostgreSQL answers from the index alone.
        .annotate(sent=Count("periode"), on_time=Count("periode", filter=Q(pertama_dikirim_at__lt=batas)))
    )
    for kode, periode, jenis, sent, on_time in counted:
        if kode in kecamatan_of and jenis in kinds_of[kode] and kode not in tidak_wajib.get(periode, ()):
            rekap = result[(kode, periode)]
            rekap.sent += sent
            rekap.on_time += on_time

    # Two reads, not one OR: the extended rows come from their own small partial index.
    ledger = ledger.select_related("desa")
    one_by_one = {laporan.pk: laporan for laporan in ledger.filter(batas_waktu_perpanjangan__isnull=False)}
    if tidak_wajib:
        before = Q()
        for periode, codes in tidak_wajib.items():
            before |= Q(periode=periode, kecamatan_kode__in=codes)
        one_by_one.update((laporan.pk, laporan) for laporan in ledger.filter(before))
    for laporan in one_by_one.values():
        kode = laporan.desa.kecamatan_id
        if kode not in kecamatan_of or laporan.jenis not in kinds_of[kode]:
            continue
        laporan.desa.kecamatan = kecamatan_of[kode]
        sel = make_sel(laporan.desa, laporan.jenis, laporan.periode, laporan, now)
        rekap = result[(kode, laporan.periode)]
        if kecamatan_of[kode].wajib_lapor(laporan.periode):
            rekap.sent += sel.is_sent
            rekap.on_time += sel.is_on_time
        elif sel.keadaan != Keadaan.BELUM_WAJIB:  # sent before the kecamatan began: counted, as the grid does
            rekap.expected += 1
            rekap.sent += sel.is_sent
            rekap.on_time += sel.is_on_time
    return AngkaWilayah(result, jumlah_desa)


def last_closed_periode(kecamatan, now=None):
    """The latest month whose deadline has passed: the last one a rapor can judge."""
    now = now or timezone.now()
    periode = Periode.of(timezone.localtime(now).date()).previous()
    while periode.batas_waktu(kecamatan.hari_batas_waktu) > now:
        periode = periode.previous()
    return periode

"""The numbers of book B.3 (Buku Rekapitulasi Jumlah Penduduk), one truth for every reader.

The monthly page, the Excel recap, the RT reports and the tests all call `rekap_b3` (one
month), `rekap_b3_tahun` (a year) or `rekap_b3_deret` (consecutive months). Each runs four
queries (data awal, the snapshots of verified months, the events counted in one GROUP BY, the
corrections) however many desa, months and events there are. Continuity holds by construction:
awal of a month is the data awal plus everything counted before that month, so awal of M+1 is
always akhir of M.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, Count, F, Q, Value, When

from desa import cuplikan
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from kependudukan.models import DataAwal, JenisPeristiwa, Koreksi, Peristiwa

# The groups of each block, in the column order of FORMATS.md: WNA L, WNA P, WNI L, WNI P.
GROUPS = [("WNA", "L", "wna_l"), ("WNA", "P", "wna_p"), ("WNI", "L", "wni_l"), ("WNI", "P", "wni_p")]
GROUP_INDEX = {
    (kewarganegaraan, jenis_kelamin): i for i, (kewarganegaraan, jenis_kelamin, _) in enumerate(GROUPS)
}
BLOCK_OF_KIND = {
    JenisPeristiwa.LAHIR: "lahir",
    JenisPeristiwa.DATANG: "datang",
    JenisPeristiwa.MATI: "meninggal",
    JenisPeristiwa.PINDAH: "pindah",
}
# Header labels of the 30 number columns D..AG of the recap sheet.
KOLOM_D_AG = [
    f"{blok} {label}"
    for blok, labels in [
        ("Awal", ["WNA L", "WNA P", "WNI L", "WNI P", "Jumlah KK", "Jumlah anggota keluarga", "Jumlah jiwa"]),
        ("Lahir", ["WNA L", "WNA P", "WNI L", "WNI P"]),
        ("Datang", ["WNA L", "WNA P", "WNI L", "WNI P"]),
        ("Meninggal", ["WNA L", "WNA P", "WNI L", "WNI P"]),
        ("Pindah", ["WNA L", "WNA P", "WNI L", "WNI P"]),
        (
            "Akhir",
            ["WNA L", "WNA P", "WNI L", "WNI P", "Jumlah KK", "Jumlah anggota keluarga", "Jumlah jiwa"],
        ),
    ]
    for label in labels
]


@dataclass(frozen=True)
class Kelompok:
    """Four counts: WNA L, WNA P, WNI L, WNI P."""

    wna_l: int = 0
    wna_p: int = 0
    wni_l: int = 0
    wni_p: int = 0

    @property
    def jumlah(self):
        return self.wna_l + self.wna_p + self.wni_l + self.wni_p

    def nilai(self):
        """The four counts in FORMATS.md order."""
        return [self.wna_l, self.wna_p, self.wni_l, self.wni_p]

    def __add__(self, other):
        return Kelompok(*(a + b for a, b in zip(self.nilai(), other.nilai(), strict=True)))

    def __sub__(self, other):
        return Kelompok(*(a - b for a, b in zip(self.nilai(), other.nilai(), strict=True)))

    def __bool__(self):
        return any(self.nilai())


@dataclass
class BarisB3:
    """One row of book B.3 for one desa over `mulai`..`sampai` (one month, or a year)."""

    desa_kode: str
    desa_nama: str
    mulai: Periode
    sampai: Periode
    ada_data: bool = True
    keterangan_kosong: str = ""  # why there are no numbers, when ada_data is False
    awal: Kelompok = field(default_factory=Kelompok)
    lahir: Kelompok = field(default_factory=Kelompok)
    datang: Kelompok = field(default_factory=Kelompok)
    meninggal: Kelompok = field(default_factory=Kelompok)
    pindah: Kelompok = field(default_factory=Kelompok)
    koreksi: Kelompok = field(default_factory=Kelompok)
    kk_awal: int = 0
    kk_datang: int = 0
    kk_pindah: int = 0
    kk_koreksi: int = 0
    alasan_koreksi: list = field(default_factory=list)  # "+1 WNI L: reason" of the span's corrections
    beku_at: object = None  # when the month was verified, if the row is its snapshot's
    bulan_beku: int = 0  # months of the span read from their snapshots

    @property
    def akhir(self):
        return self.awal + self.lahir + self.datang - self.meninggal - self.pindah + self.koreksi

    @property
    def kk_akhir(self):
        return self.kk_awal + self.kk_datang - self.kk_pindah + self.kk_koreksi

    @property
    def jiwa_awal(self):
        return self.awal.jumlah

    @property
    def jiwa_akhir(self):
        return self.akhir.jumlah

    @property
    def anggota_awal(self):
        return self.jiwa_awal - self.kk_awal

    @property
    def anggota_akhir(self):
        return self.jiwa_akhir - self.kk_akhir

    @property
    def jumlah_peristiwa(self):
        return sum(getattr(self, blok).jumlah for blok in BLOCK_OF_KIND.values())

    @property
    def ada_koreksi(self):
        return bool(self.koreksi) or bool(self.kk_koreksi)

    def kolom(self):
        """The 30 numbers of columns D..AG of the recap sheet; all None when there is no data."""
        if not self.ada_data:
            return [None] * len(KOLOM_D_AG)
        return [
            *self.awal.nilai(), self.kk_awal, self.anggota_awal, self.jiwa_awal,
            *self.lahir.nilai(), *self.datang.nilai(), *self.meninggal.nilai(), *self.pindah.nilai(),
            *self.akhir.nilai(), self.kk_akhir, self.anggota_akhir, self.jiwa_akhir,
        ]  # fmt: skip

    @property
    def keterangan(self):
        """Why a row is empty, or the corrections counted in it."""
        if not self.ada_data:
            return self.keterangan_kosong
        if self.alasan_koreksi:
            return "Koreksi: " + "; ".join(self.alasan_koreksi)
        return ""


_BLOCKS = ("awal", "lahir", "datang", "meninggal", "pindah", "koreksi")
_KK = ("kk_awal", "kk_datang", "kk_pindah", "kk_koreksi")


def ke_angka(row):
    """The JSON-able numbers of a month's row, as stored in its snapshot (and digested by receipts)."""
    if not row.ada_data:
        return {"ada_data": False, "keterangan_kosong": row.keterangan_kosong}
    return {
        "ada_data": True,
        "mulai": str(row.mulai),
        **{blok: getattr(row, blok).nilai() for blok in _BLOCKS},
        **{name: getattr(row, name) for name in _KK},
        "alasan_koreksi": list(row.alasan_koreksi),
        # Derived, stored so the snapshot reads on its own.
        "akhir": row.akhir.nilai(),
        "kk_akhir": row.kk_akhir,
        "jiwa_akhir": row.jiwa_akhir,
    }


def dari_cuplikan(kode, nama, periode, snapshot):
    """The month's row of desa `kode` as its snapshot (desa.models.CuplikanAngka) stored it."""
    angka = snapshot.angka
    row = BarisB3(kode, nama, periode, periode, beku_at=snapshot.dibuat_at, bulan_beku=1)
    if not angka.get("ada_data", True):
        row.ada_data = False
        row.keterangan_kosong = angka.get("keterangan_kosong", "")
        return row
    row.mulai = Periode.parse(angka["mulai"])
    for blok in _BLOCKS:
        setattr(row, blok, Kelompok(*angka[blok]))
    for name in _KK:
        setattr(row, name, angka[name])
    row.alasan_koreksi = list(angka.get("alasan_koreksi", []))
    return row


def angka_bulan(desa, periode):
    """What the month report of `desa` shows: desa.registry's figures of KEPENDUDUKAN."""
    return ke_angka(rekap_b3([desa], periode)[desa.pk])


def _beku(desa_list, sampai):
    """{desa kode: {Periode: snapshot}} of the verified months up to `sampai`."""
    result = defaultdict(dict)
    snapshots = cuplikan.berlaku(JenisLaporan.KEPENDUDUKAN, [desa.pk for desa in desa_list], sampai=sampai)
    for (desa_id, periode), snapshot in snapshots.items():
        result[desa_id][periode] = snapshot
    return result


def rekap_b3(desa_list, periode):
    """{desa kode: BarisB3} for one month, in a fixed number of queries."""
    return _rekap(desa_list, periode, periode)


def rekap_b3_tahun(desa_list, tahun):
    """{desa kode: BarisB3} for a year: awal of January (or of the desa's first month), akhir of the
    last month so far, the events of the year summed."""
    sampai = min(Periode(tahun, 12), Periode.current())
    return _rekap(desa_list, Periode(tahun, 1), sampai)


def jumlah_b3(rows, nama="JUMLAH"):
    """The JUMLAH row: the sum of the rows that have numbers."""
    rows = list(rows)
    total = BarisB3("", nama, rows[0].mulai if rows else None, rows[0].sampai if rows else None)
    with_data = [row for row in rows if row.ada_data]
    for name in ("awal", "lahir", "datang", "meninggal", "pindah", "koreksi"):
        setattr(total, name, sum((getattr(row, name) for row in with_data), Kelompok()))
    for name in ("kk_awal", "kk_datang", "kk_pindah", "kk_koreksi"):
        setattr(total, name, sum(getattr(row, name) for row in with_data))
    return total


def _rekap(desa_list, mulai, sampai):
    desa_list = list(desa_list)
    starts = {
        row.desa_id: row for row in DataAwal.objects.filter(desa_id__in=[desa.pk for desa in desa_list])
    }
    beku = _beku(desa_list, sampai)
    rows = {}
    counted = []
    # Per counted desa: events before `dari` are in its awal already, and the months in `beku_span`
    # come from their snapshots; neither is counted from the records.
    skip = {}
    for desa in desa_list:
        data_awal = starts.get(desa.pk)
        snapshots = beku.get(desa.pk, {})
        if mulai == sampai and mulai in snapshots:
            rows[desa.pk] = dari_cuplikan(desa.pk, desa.nama, mulai, snapshots[mulai])
        elif data_awal is None:
            rows[desa.pk] = _empty(desa, mulai, sampai, "Data awal kependudukan belum diisi.")
        elif mulai > sampai:
            rows[desa.pk] = _empty(desa, mulai, sampai, "Periode ini belum berjalan.")
        elif data_awal.periode > sampai:
            reason = f"Data kependudukan desa ini baru dimulai {data_awal.periode.label}."
            rows[desa.pk] = _empty(desa, mulai, sampai, reason)
        else:
            start = max(mulai, data_awal.periode)
            row = BarisB3(
                desa.pk,
                desa.nama,
                start,
                sampai,
                awal=Kelompok(data_awal.wna_l, data_awal.wna_p, data_awal.wni_l, data_awal.wni_p),
                kk_awal=data_awal.jumlah_kk,
            )
            if snapshots:
                skip[desa.pk] = _from_snapshots(row, snapshots, data_awal.periode, start, sampai)
            rows[desa.pk] = row
            counted.append(desa.pk)
    if counted:
        not_counted = _not_counted(skip)
        _add_events(rows, counted, mulai, sampai, not_counted)
        _add_corrections(rows, counted, mulai, sampai, not_counted)
    return {desa.pk: rows[desa.pk] for desa in desa_list}


def _from_snapshots(row, snapshots, pertama, start, sampai):
    """Start `row` (start..sampai) from the verified months: its awal from the snapshot of `start`
    or of the latest verified month before it, and the span's verified months added as stored.
    Returns (dari, months): the records before `dari` and those of `months` are not counted."""
    dari = pertama
    if start in snapshots:
        anchor = dari_cuplikan(row.desa_kode, row.desa_nama, start, snapshots[start])
        row.awal, row.kk_awal, dari = anchor.awal, anchor.kk_awal, start
    else:
        before = [periode for periode in snapshots if pertama <= periode < start]
        if before:
            anchor = dari_cuplikan(row.desa_kode, row.desa_nama, max(before), snapshots[max(before)])
            row.awal, row.kk_awal, dari = anchor.akhir, anchor.kk_akhir, max(before).next()
    months = sorted(periode for periode in snapshots if start <= periode <= sampai)
    for periode in months:
        month = dari_cuplikan(row.desa_kode, row.desa_nama, periode, snapshots[periode])
        for blok in _BLOCKS[1:]:
            setattr(row, blok, getattr(row, blok) + getattr(month, blok))
        for name in _KK[1:]:
            setattr(row, name, getattr(row, name) + getattr(month, name))
        row.alasan_koreksi += month.alasan_koreksi
    row.bulan_beku = len(months)
    if len(months) == 1 and start == sampai:
        row.beku_at = snapshots[months[0]].dibuat_at
    return dari, tuple(months)


def _not_counted(skip):
    """One Q over the records the snapshots stand for, desa with the same bounds grouped."""
    groups = defaultdict(list)
    for desa_id, bounds in skip.items():
        groups[bounds].append(desa_id)
    condition = Q(pk__in=[])
    for (dari, months), desa_ids in groups.items():
        condition |= Q(desa_id__in=desa_ids) & (Q(periode__lt=dari) | Q(periode__in=months))
    return condition


def _empty(desa, mulai, sampai, reason):
    return BarisB3(desa.pk, desa.nama, mulai, sampai, ada_data=False, keterangan_kosong=reason)


def _counted_events(desa_ids, sampai, *by, not_counted=None, **annotations):
    """One GROUP BY query over the events counted up to `sampai` (from each desa's first month):
    a count per `by` and person group, a few dozen rows per desa however many events there are."""
    return (
        Peristiwa.objects.filter(
            desa_id__in=desa_ids,
            periode__lte=sampai,
            periode__gte=F("desa__data_awal_kependudukan__periode"),
        )
        .exclude(not_counted or Q(pk__in=[]))
        .annotate(**annotations)
        .values(*by, "jenis", "kewarganegaraan", "jenis_kelamin", "kepala_keluarga")
        .annotate(jumlah=Count("pk"))
        .order_by()
    )


def _tally():
    return {**{blok: [0, 0, 0, 0] for blok in BLOCK_OF_KIND.values()}, "kk_datang": 0, "kk_pindah": 0}


def _add(tally, item):
    blok = BLOCK_OF_KIND[item["jenis"]]
    tally[blok][GROUP_INDEX[(item["kewarganegaraan"], item["jenis_kelamin"])]] += item["jumlah"]
    if item["kepala_keluarga"] and blok in ("datang", "pindah"):
        tally[f"kk_{blok}"] += item["jumlah"]


def _set_month(row, tally):
    for blok in BLOCK_OF_KIND.values():
        setattr(row, blok, Kelompok(*tally[blok]))
    row.kk_datang, row.kk_pindah = tally["kk_datang"], tally["kk_pindah"]


def _add_month(row, tally):
    """Add counted events to a row that may already hold the span's verified months."""
    for blok in BLOCK_OF_KIND.values():
        setattr(row, blok, getattr(row, blok) + Kelompok(*tally[blok]))
    row.kk_datang += tally["kk_datang"]
    row.kk_pindah += tally["kk_pindah"]


def _add_events(rows, desa_ids, mulai, sampai, not_counted):
    before = Case(
        When(periode__lt=mulai, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    tallies = {}
    events = _counted_events(desa_ids, sampai, "desa_id", "sebelum", not_counted=not_counted, sebelum=before)
    for item in events:
        _add(tallies.setdefault((item["desa_id"], item["sebelum"]), _tally()), item)
    for (desa_id, is_before), tally in tallies.items():
        row = rows[desa_id]
        if is_before:
            groups = {blok: Kelompok(*tally[blok]) for blok in BLOCK_OF_KIND.values()}
            row.awal = row.awal + groups["lahir"] + groups["datang"] - groups["meninggal"] - groups["pindah"]
            row.kk_awal += tally["kk_datang"] - tally["kk_pindah"]
        else:
            _add_month(row, tally)


def _add_corrections(rows, desa_ids, mulai, sampai, not_counted):
    # Corrections are rare, so their rows are read as they are: the reasons are shown too.
    corrections = (
        Koreksi.objects.filter(
            desa_id__in=desa_ids,
            periode__lte=sampai,
            periode__gte=F("desa__data_awal_kependudukan__periode"),
        )
        .exclude(not_counted)
        .order_by("tanggal_lapor", "pk")
    )
    for koreksi in corrections:
        row = rows[koreksi.desa_id]
        change = Kelompok(koreksi.wna_l, koreksi.wna_p, koreksi.wni_l, koreksi.wni_p)
        if koreksi.periode < mulai:
            row.awal = row.awal + change
            row.kk_awal += koreksi.jumlah_kk
        else:
            row.koreksi = row.koreksi + change
            row.kk_koreksi += koreksi.jumlah_kk
            row.alasan_koreksi.append(f"{koreksi.ringkasan} ({koreksi.alasan})")


def rekap_b3_deret(desa_list, mulai, sampai):
    """{desa kode: {Periode: BarisB3}} for every month mulai..sampai, in a fixed number of queries.

    The months are rolled forward from each desa's data awal, so each awal is the akhir
    before it; months before a desa's first month are absent from its dict.
    """
    desa_list = list(desa_list)
    starts = {row.desa_id: row for row in DataAwal.objects.filter(desa_id__in=[d.pk for d in desa_list])}
    ids = list(starts)
    per_month = defaultdict(_tally)
    if ids:
        for item in _counted_events(ids, sampai, "desa_id", "periode"):
            _add(per_month[(item["desa_id"], item["periode"])], item)
    corrections = defaultdict(list)
    for koreksi in Koreksi.objects.filter(desa_id__in=ids, periode__lte=sampai).order_by(
        "tanggal_lapor", "pk"
    ):
        corrections[(koreksi.desa_id, koreksi.periode)].append(koreksi)
    beku = _beku(desa_list, sampai)
    result = {}
    for desa in desa_list:
        data_awal = starts.get(desa.pk)
        result[desa.pk] = (
            {}
            if data_awal is None
            else _roll(desa, data_awal, mulai, sampai, per_month, corrections, beku.get(desa.pk, {}))
        )
    return result


def _roll(desa, data_awal, mulai, sampai, per_month, corrections, snapshots):
    months = {}
    awal = Kelompok(data_awal.wna_l, data_awal.wna_p, data_awal.wni_l, data_awal.wni_p)
    kk = data_awal.jumlah_kk
    periode = data_awal.periode
    while periode <= sampai:
        if periode in snapshots:
            row = dari_cuplikan(desa.pk, desa.nama, periode, snapshots[periode])
            if periode >= mulai:
                months[periode] = row
            awal, kk = row.akhir, row.kk_akhir
            periode = periode.next()
            continue
        row = BarisB3(desa.pk, desa.nama, periode, periode, awal=awal, kk_awal=kk)
        tally = per_month.get((desa.pk, periode))
        if tally:
            _set_month(row, tally)
        for koreksi in corrections.get((desa.pk, periode), []):
            row.koreksi = row.koreksi + Kelompok(koreksi.wna_l, koreksi.wna_p, koreksi.wni_l, koreksi.wni_p)
            row.kk_koreksi += koreksi.jumlah_kk
            row.alasan_koreksi.append(f"{koreksi.ringkasan} ({koreksi.alasan})")
        if periode >= mulai:
            months[periode] = row
        awal, kk = row.akhir, row.kk_akhir
        periode = periode.next()
    return months

"""The RT reports of a set of desa for a month: one truth for the pages, the recap and the checks.

Every function here runs a fixed number of queries however many desa it is given.
Only reports *sent* to the desa count (a draft is work in progress). The RT a desa
expects in a month are its active RT, plus any inactive RT that still reported.

Shapes for the recap workbook (sheets `Laporan RT` and `Masalah RT`):
- `rekap_laporan_rt(desa_list, periode)` -> {desa kode: BarisLaporanRT}, in desa_list order.
  A row's `kolom()` gives the numbers whose headers are `KOLOM_LAPORAN_RT`, to be written
  after the columns No, Kode Desa, Desa/Kelurahan; `jumlah_laporan_rt(rows)` is the JUMLAH row,
  and `tambah_bulan(row, month)` adds a month to a desa's row of a year.
- `masalah_rt(desa_list, periode)` -> [BarisMasalahRT] in desa code, RT and kind order:
  desa_kode, desa_nama, rt (label "RT 003"), rw, jenis ("Masalah" or "Usulan"), teks.
- `cakupan_rt(desa_list, periode)` -> {desa kode: CakupanRT}: "x dari y RT" for the
  dashboard and reminders.

A desa's verified month is read from the snapshot stored when it was verified (desa.cuplikan):
its row, and so its coverage, stay what was verified.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from desa import cuplikan
from desa.models import RT
from desa.models.laporan import JenisLaporan
from laporan_rt.models import KEGIATAN_FIELDS, PERISTIWA_FIELDS, KejadianRT, LaporanRT, TamuWajibLapor

AWAL_FIELDS = ["awal_kk", "awal_l", "awal_p"]
AKHIR_FIELDS = ["akhir_kk", "akhir_l", "akhir_p"]
SUM_FIELDS = [
    *AWAL_FIELDS,
    *(name for fields in PERISTIWA_FIELDS.values() for name in fields.values()),
    *AKHIR_FIELDS,
    *KEGIATAN_FIELDS,
]  # fmt: skip
FLOW_FIELDS = [name for name in SUM_FIELDS if name not in AWAL_FIELDS + AKHIR_FIELDS]
KOLOM_LAPORAN_RT = [
    "RT melapor", "Jumlah RT",
    "Awal KK", "Awal L", "Awal P",
    "Lahir L", "Lahir P", "Meninggal L", "Meninggal P",
    "Datang L", "Datang P", "Pindah L", "Pindah P",
    "Akhir KK", "Akhir L", "Akhir P",
    *(label.capitalize() for label in KEGIATAN_FIELDS.values()),
    "Tamu wajib lapor", "Kejadian", "Masalah/usulan",
]  # fmt: skip


@dataclass(frozen=True)
class CakupanRT:
    melapor: int
    jumlah: int

    @property
    def label(self):
        return f"{self.melapor} dari {self.jumlah} RT"

    @property
    def lengkap(self):
        return self.jumlah > 0 and self.melapor >= self.jumlah


@dataclass
class BarisLaporanRT:
    desa_kode: str
    desa_nama: str
    rt_melapor: int = 0
    rt_jumlah: int = 0
    jumlah: dict = field(default_factory=lambda: dict.fromkeys(SUM_FIELDS, 0))
    tamu: int = 0
    kejadian: int = 0
    masalah: int = 0  # problems and proposals written, each counted once
    beku_at: object = None  # when the month was verified, if the row is its snapshot's
    bulan_beku: int = 0  # months read from their snapshots (a row over several months)

    @property
    def cakupan(self):
        return CakupanRT(self.rt_melapor, self.rt_jumlah)

    def kolom(self):
        """The numbers under KOLOM_LAPORAN_RT, in that order."""
        return [
            self.rt_melapor,
            self.rt_jumlah,
            *(self.jumlah[name] for name in SUM_FIELDS),
            self.tamu,
            self.kejadian,
            self.masalah,
        ]


@dataclass(frozen=True)
class BarisMasalahRT:
    desa_kode: str
    desa_nama: str
    rt_nomor: int
    rw: str
    jenis: str  # "Masalah" or "Usulan"
    teks: str

    @property
    def rt(self):
        return f"RT {self.rt_nomor:03d}"


def _ids(desa_list):
    return [getattr(desa, "pk", desa) for desa in desa_list]


def _terkirim(desa_list, periode):
    return LaporanRT.objects.in_desa(desa_list).of_month(periode).terkirim()


def _rt_aktif(desa_ids):
    rows = RT.objects.filter(desa_id__in=desa_ids, aktif=True).values("desa_id").annotate(n=Count("pk"))
    return {row["desa_id"]: row["n"] for row in rows.order_by()}


def cakupan_rt(desa_list, periode):
    """{desa kode: CakupanRT}: how many of the expected RT sent their report (two queries)."""
    ids = _ids(desa_list)
    aktif = _rt_aktif(ids)
    sent = (
        _terkirim(ids, periode)
        .values("desa_id")
        .annotate(melapor=Count("pk"), nonaktif=Count("pk", filter=Q(rt__aktif=False)))
        .order_by()
    )
    counts = {row["desa_id"]: row for row in sent}
    result = {}
    for kode in ids:
        row = counts.get(kode, {"melapor": 0, "nonaktif": 0})
        result[kode] = CakupanRT(row["melapor"], aktif.get(kode, 0) + row["nonaktif"])
    for (kode, _), snapshot in _beku(ids, periode).items():
        result[kode] = CakupanRT(snapshot.angka["rt_melapor"], snapshot.angka["rt_jumlah"])
    return result


def _beku(ids, periode):
    return cuplikan.berlaku(JenisLaporan.LAPORAN_RT, ids, periode=periode)


def ke_angka(baris):
    """The JSON-able numbers of a desa's RT month, as stored in its snapshot."""
    return cuplikan.angka_baris(baris)


def dari_cuplikan(baris, snapshot):
    """`baris` (read from the records) as the snapshot of its verified month stored it."""
    angka = snapshot.angka
    jumlah = {name: angka["jumlah"].get(name, 0) for name in SUM_FIELDS}
    numbers = {name: angka[name] for name in ("rt_melapor", "rt_jumlah", "tamu", "kejadian", "masalah")}
    return BarisLaporanRT(
        baris.desa_kode, baris.desa_nama, jumlah=jumlah, beku_at=snapshot.dibuat_at, bulan_beku=1, **numbers
    )


def angka_bulan(desa, periode):
    """What the month report of `desa` shows: desa.registry's figures of LAPORAN_RT."""
    return ke_angka(rekap_laporan_rt([desa], periode)[desa.pk])


def rekap_laporan_rt(desa_list, periode):
    """{desa kode: BarisLaporanRT} for the month (four queries)."""
    desa_list = list(desa_list)
    ids = _ids(desa_list)
    aktif = _rt_aktif(ids)
    problem = ~Q(masalah="")
    proposal = ~Q(usulan="")
    sums = (
        _terkirim(ids, periode)
        .values("desa_id")
        .annotate(
            melapor=Count("pk"),
            nonaktif=Count("pk", filter=Q(rt__aktif=False)),
            ada_masalah=Count("pk", filter=problem),
            ada_usulan=Count("pk", filter=proposal),
            **{name: Sum(name) for name in SUM_FIELDS},
        )
        .order_by()
    )
    by_desa = {row["desa_id"]: row for row in sums}
    tamu = _count_children(TamuWajibLapor, ids, periode)
    kejadian = _count_children(KejadianRT, ids, periode)
    result = {}
    for desa in desa_list:
        row = by_desa.get(desa.pk)
        baris = BarisLaporanRT(desa.pk, desa.nama, rt_jumlah=aktif.get(desa.pk, 0))
        if row:
            baris.rt_melapor = row["melapor"]
            baris.rt_jumlah += row["nonaktif"]
            baris.jumlah = {name: row[name] or 0 for name in SUM_FIELDS}
            baris.masalah = row["ada_masalah"] + row["ada_usulan"]
        baris.tamu = tamu.get(desa.pk, 0)
        baris.kejadian = kejadian.get(desa.pk, 0)
        result[desa.pk] = baris
    for (kode, _), snapshot in _beku(ids, periode).items():
        result[kode] = dari_cuplikan(result[kode], snapshot)
    return result


def jumlah_laporan_rt(rows, nama="JUMLAH"):
    """The JUMLAH row of several desa rows."""
    total = BarisLaporanRT("", nama)
    for row in rows:
        _add(total, row, SUM_FIELDS)
    return total


def tambah_bulan(row, month):
    """Add one month's row of a desa to its row over several months (the yearly recap): the
    reports and flows are summed, awal is that of the first month with reports, akhir of the last."""
    if month.rt_melapor:
        for name in AKHIR_FIELDS if row.rt_melapor else AWAL_FIELDS + AKHIR_FIELDS:
            row.jumlah[name] = month.jumlah[name]
    _add(row, month, FLOW_FIELDS)
    row.bulan_beku += month.bulan_beku
    row.beku_at = month.beku_at or row.beku_at


def _add(total, row, fields):
    total.rt_melapor += row.rt_melapor
    total.rt_jumlah += row.rt_jumlah
    total.tamu += row.tamu
    total.kejadian += row.kejadian
    total.masalah += row.masalah
    for name in fields:
        total.jumlah[name] += row.jumlah[name]


def _count_children(model, desa_ids, periode):
    rows = (
        model.objects.filter(
            laporan__desa_id__in=desa_ids, laporan__periode=periode.awal, laporan__dikirim_at__isnull=False
        )
        .values("laporan__desa_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["laporan__desa_id"]: row["n"] for row in rows}


def masalah_rt(desa_list, periode):
    """[BarisMasalahRT]: every problem and proposal of the month's sent reports (one query)."""
    rows = (
        _terkirim(desa_list, periode)
        .filter(~Q(masalah="") | ~Q(usulan=""))
        .order_by("desa_id", "rt__nomor")
        .values_list("desa_id", "desa__nama", "rt__nomor", "rt__rw", "masalah", "usulan")
    )
    result = []
    for kode, nama, nomor, rw, masalah, usulan in rows:
        for jenis, teks in (("Masalah", masalah), ("Usulan", usulan)):
            if teks.strip():
                result.append(BarisMasalahRT(kode, nama, nomor, rw, jenis, teks.strip()))
    return result


def tamu_rt(desa_list, periode):
    """The guests of the month's sent reports, with their RT (one query)."""
    return (
        TamuWajibLapor.objects.filter(laporan__in=_terkirim(desa_list, periode).values("pk"))
        .select_related("laporan__rt")
        .order_by("laporan__desa_id", "laporan__rt__nomor", "tanggal_datang", "pk")
    )


def kejadian_rt(desa_list, periode):
    """The incidents of the month's sent reports, with their RT (one query)."""
    return (
        KejadianRT.objects.filter(laporan__in=_terkirim(desa_list, periode).values("pk"))
        .select_related("laporan__rt")
        .order_by("laporan__desa_id", "tanggal", "laporan__rt__nomor", "pk")
    )


def status_rt(desa, periode):
    """[(RT, LaporanRT or None)] of the desa's expected RT for the month, drafts included (two queries)."""
    reports = {
        laporan.rt_id: laporan
        for laporan in LaporanRT.objects.filter(desa=desa, periode=periode).select_related("dikirim_oleh")
    }
    rts = RT.objects.filter(desa=desa).filter(Q(aktif=True) | Q(pk__in=list(reports))).order_by("nomor")
    return [(rt, reports.get(rt.pk)) for rt in rts]


def rt_belum_melapor(desa, periode):
    """The active RT of the desa that have not sent the month's report (one query)."""
    sent = _terkirim([desa], periode).values("rt_id")
    return list(RT.objects.filter(desa=desa, aktif=True).exclude(pk__in=sent).order_by("nomor"))

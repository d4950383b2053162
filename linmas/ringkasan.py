"""The Linmas figures of a set of desa for a month: one truth for the page, the recap and the tests.

`ringkasan_linmas(desa_list, periode)` runs a fixed number of queries (at most seven, one of
them for the snapshots) however many desa it is given, so the recap can call it for a whole
kabupaten.
`periksa_program` is the programme check of one desa; both judge a requirement with
`syarat_program`, the only place that says what "met" means. A verified month is read from
the snapshot stored when it was verified (desa.cuplikan).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Sum

from desa import cuplikan
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from linmas.models import (
    JUMLAH_ANGGOTA_MINIMUM,
    AnggotaLinmas,
    ButirProgram,
    Jabatan,
    JenisKegiatan,
    JenisKejadian,
    Kegiatan,
    Kejadian,
    ProgramLinmas,
    Regu,
)

# The choices' values, read once: Django builds each list anew on every access, and the
# loops below run for every desa of a kabupaten and every month of a year.
JABATAN = Jabatan.values
REGU = Regu.values
JENIS_KEGIATAN = JenisKegiatan.values
JENIS_KEJADIAN = JenisKejadian.values


@dataclass(frozen=True)
class SyaratProgram:
    """One requirement of the programme for one desa-month."""

    jenis_kegiatan: str  # JenisKegiatan value
    minimum: int  # at least this many activities of the kind in the month
    jumlah: int  # activities of the kind recorded in the month

    @property
    def label(self):
        return JenisKegiatan(self.jenis_kegiatan).label

    @property
    def terpenuhi(self):
        return self.jumlah >= self.minimum

    @property
    def teks(self):
        """ "Ronda/siskamling: 2 dari 4 kali"."""
        return f"{self.label}: {self.jumlah} dari {self.minimum} kali"


def syarat_program(butir, kegiatan_per_jenis):
    """Judge each requirement: `butir` is [(jenis_kegiatan, minimum)], counts are {jenis: n}."""
    return [
        SyaratProgram(jenis, minimum, kegiatan_per_jenis.get(jenis, 0))
        for jenis, minimum in sorted(butir, key=lambda item: JENIS_KEGIATAN.index(item[0]))
    ]


def program_berlaku(kecamatan_ids, periode):
    """{kecamatan_id: ProgramLinmas or None}: the version in force in the month (two queries).

    Each returned programme carries `butir`, a list of (jenis_kegiatan, minimum).
    """
    kecamatan_ids = set(kecamatan_ids)
    chosen = {}
    for program in ProgramLinmas.objects.filter(kecamatan_id__in=kecamatan_ids).berlaku_pada(periode):
        chosen.setdefault(program.kecamatan_id, program)
    programs = list(chosen.values())
    butir = defaultdict(list)
    if programs:
        rows = ButirProgram.objects.filter(program__in=programs).values_list(
            "program_id", "jenis_kegiatan", "jumlah_minimum"
        )
        for program_id, jenis, minimum in rows:
            butir[program_id].append((jenis, minimum))
    for program in programs:
        program.butir = butir[program.pk]
    return {kecamatan_id: chosen.get(kecamatan_id) for kecamatan_id in kecamatan_ids}


def periksa_program(desa, periode):
    """Each requirement of the programme in force for this desa and month, met or not."""
    program = program_berlaku([desa.kecamatan_id], periode)[desa.kecamatan_id]
    if program is None:
        return []
    counts = dict(
        Kegiatan.objects.filter(desa=desa)
        .of_month(periode)
        .values_list("jenis")
        .annotate(jumlah=Count("id"))
        .order_by()
    )
    return syarat_program(program.butir, counts)


@dataclass
class RingkasanLinmas:
    """One desa's Linmas month. Every dict has a key for every choice, zero when none.

    The roster counts are the members serving on the last day of the month (appointed by
    then, not yet stopped), so a past month keeps its figures when members leave later.
    """

    desa_kode: str
    desa_nama: str
    periode: Periode
    anggota_per_jabatan: dict  # {Jabatan value: members}
    anggota_per_regu: dict  # {Regu value: members}; the Kepala Satuan and Danton are in no regu
    kegiatan_per_jenis: dict  # {JenisKegiatan value: activities}
    peserta_per_jenis: dict  # {JenisKegiatan value: participations (a member in 3 ronda counts 3)}
    anggota_terlibat: int  # different members who took part in at least one activity
    kejadian_per_jenis: dict  # {JenisKejadian value: incidents}
    korban_meninggal: int
    korban_luka: int
    program: list = field(default_factory=list)  # [SyaratProgram]; empty without a programme
    program_mulai: Periode | None = None  # first month of the programme version in force
    beku_at: object = None  # when the month was verified, if the summary is its snapshot's

    @property
    def jumlah_anggota(self):
        return sum(self.anggota_per_jabatan.values())

    @property
    def kurang_anggota(self):
        return self.jumlah_anggota < JUMLAH_ANGGOTA_MINIMUM

    @property
    def jumlah_kegiatan(self):
        return sum(self.kegiatan_per_jenis.values())

    @property
    def jumlah_peserta(self):
        return sum(self.peserta_per_jenis.values())

    @property
    def jumlah_kejadian(self):
        return sum(self.kejadian_per_jenis.values())

    @property
    def kosong(self):
        """Nothing recorded: the month can only be sent as nihil."""
        return not self.jumlah_kegiatan and not self.jumlah_kejadian

    @property
    def program_terpenuhi(self):
        """True or False; None when the kecamatan has no programme in force."""
        if not self.program:
            return None
        return all(syarat.terpenuhi for syarat in self.program)

    @property
    def syarat_belum_terpenuhi(self):
        return [syarat for syarat in self.program if not syarat.terpenuhi]

    @property
    def baris_jabatan(self):
        return [(jabatan.label, self.anggota_per_jabatan[jabatan]) for jabatan in Jabatan]

    @property
    def baris_regu(self):
        return [(regu.label, self.anggota_per_regu[regu]) for regu in Regu]

    @property
    def baris_kegiatan(self):
        """[(label, activities, participations)] of the kinds done this month."""
        return [
            (jenis.label, self.kegiatan_per_jenis[jenis], self.peserta_per_jenis[jenis])
            for jenis in JenisKegiatan
            if self.kegiatan_per_jenis[jenis]
        ]


def ringkasan_linmas(desa_list, periode):
    """{desa kode: RingkasanLinmas} for each desa (Desa objects) in one month; at most seven queries."""
    desa_list = list(desa_list)
    ids = [desa.pk for desa in desa_list]
    jabatan = defaultdict(lambda: dict.fromkeys(JABATAN, 0))
    regu = defaultdict(lambda: dict.fromkeys(REGU, 0))
    anggota_rows = (
        AnggotaLinmas.objects.filter(desa_id__in=ids)
        .aktif_pada(periode.akhir)
        .values_list("desa_id", "jabatan", "regu")
        .annotate(jumlah=Count("id"))
        .order_by()
    )
    for desa_id, nilai_jabatan, nilai_regu, jumlah in anggota_rows:
        jabatan[desa_id][nilai_jabatan] += jumlah
        if nilai_regu:
            regu[desa_id][nilai_regu] += jumlah

    kegiatan = defaultdict(lambda: dict.fromkeys(JENIS_KEGIATAN, 0))
    peserta = defaultdict(lambda: dict.fromkeys(JENIS_KEGIATAN, 0))
    kegiatan_rows = (
        Kegiatan.objects.filter(desa_id__in=ids)
        .of_month(periode)
        .values_list("desa_id", "jenis")
        .annotate(jumlah=Count("id", distinct=True), peserta=Count("peserta"))
        .order_by()
    )
    for desa_id, jenis, jumlah, jumlah_peserta in kegiatan_rows:
        kegiatan[desa_id][jenis] = jumlah
        peserta[desa_id][jenis] = jumlah_peserta

    terlibat = dict(
        Kegiatan.peserta.through.objects.filter(
            kegiatan__desa_id__in=ids, kegiatan__tanggal__range=(periode.awal, periode.akhir)
        )
        .values_list("kegiatan__desa_id")
        .annotate(jumlah=Count("anggotalinmas_id", distinct=True))
        .order_by()
    )

    kejadian = defaultdict(lambda: dict.fromkeys(JENIS_KEJADIAN, 0))
    korban = defaultdict(lambda: [0, 0])
    kejadian_rows = (
        Kejadian.objects.filter(desa_id__in=ids)
        .of_month(periode)
        .values_list("desa_id", "jenis")
        .annotate(jumlah=Count("id"), meninggal=Sum("korban_meninggal"), luka=Sum("korban_luka"))
        .order_by()
    )
    for desa_id, jenis, jumlah, meninggal, luka in kejadian_rows:
        kejadian[desa_id][jenis] = jumlah
        korban[desa_id][0] += meninggal or 0
        korban[desa_id][1] += luka or 0

    programs = program_berlaku({desa.kecamatan_id for desa in desa_list}, periode)
    result = {}
    for desa in desa_list:
        program = programs.get(desa.kecamatan_id)
        result[desa.pk] = RingkasanLinmas(
            desa_kode=desa.pk,
            desa_nama=desa.nama,
            periode=periode,
            anggota_per_jabatan=jabatan[desa.pk],
            anggota_per_regu=regu[desa.pk],
            kegiatan_per_jenis=kegiatan[desa.pk],
            peserta_per_jenis=peserta[desa.pk],
            anggota_terlibat=terlibat.get(desa.pk, 0),
            kejadian_per_jenis=kejadian[desa.pk],
            korban_meninggal=korban[desa.pk][0],
            korban_luka=korban[desa.pk][1],
            program=syarat_program(program.butir, kegiatan[desa.pk]) if program else [],
            program_mulai=program.berlaku_mulai if program else None,
        )
    for (desa_id, _), snapshot in cuplikan.berlaku(JenisLaporan.LINMAS, ids, periode=periode).items():
        result[desa_id] = dari_cuplikan(result[desa_id], snapshot)
    return result


_ANGKA = (
    "anggota_per_jabatan",
    "anggota_per_regu",
    "kegiatan_per_jenis",
    "peserta_per_jenis",
    "anggota_terlibat",
    "kejadian_per_jenis",
    "korban_meninggal",
    "korban_luka",
)


def ke_angka(ringkasan):
    """The JSON-able numbers of a desa's Linmas month, as stored in its snapshot."""
    return {
        **{name: getattr(ringkasan, name) for name in _ANGKA},
        "program": [[syarat.jenis_kegiatan, syarat.minimum, syarat.jumlah] for syarat in ringkasan.program],
        "program_mulai": str(ringkasan.program_mulai) if ringkasan.program_mulai else None,
    }


def dari_cuplikan(ringkasan, snapshot):
    """`ringkasan` (read from the records) as the snapshot of its verified month stored it."""
    angka = snapshot.angka
    return RingkasanLinmas(
        desa_kode=ringkasan.desa_kode,
        desa_nama=ringkasan.desa_nama,
        periode=ringkasan.periode,
        **{name: angka[name] for name in _ANGKA},
        program=[SyaratProgram(*item) for item in angka["program"]],
        program_mulai=Periode.parse(angka["program_mulai"]) if angka["program_mulai"] else None,
        beku_at=snapshot.dibuat_at,
    )


def angka_bulan(desa, periode):
    """What the month report of `desa` shows: desa.registry's figures of LINMAS."""
    return ke_angka(ringkasan_linmas([desa], periode)[desa.pk])


def kegiatan_bulan(desa_list, periode):
    """The activities of a month for a set of desa, in desa then date order (two queries).

    Each Kegiatan has `desa` and `rt` loaded, `peserta` prefetched (names in order) and
    the annotations `jumlah_peserta` and `jumlah_foto`: the rows of a `Kegiatan Linmas` sheet.
    """
    return (
        Kegiatan.objects.filter(desa_id__in=[desa.pk for desa in desa_list])
        .of_month(periode)
        .select_related("desa", "rt")
        .annotate(
            jumlah_peserta=Count("peserta", distinct=True), jumlah_foto=Count("foto_set", distinct=True)
        )
        .prefetch_related(Prefetch("peserta", queryset=AnggotaLinmas.objects.order_by("nama")))
        .order_by("desa_id", "tanggal", "pk")
    )


def nama_peserta_bulan(desa_list, periode):
    """{kegiatan id: [participant names in name order]} of the month's activities (one query).

    For a long list (the recap's year of a kabupaten), where prefetching the participants
    as members costs four times as much."""
    names = defaultdict(list)
    month = Kegiatan.objects.filter(desa_id__in=[desa.pk for desa in desa_list]).of_month(periode)
    rows = (
        Kegiatan.peserta.through.objects.filter(kegiatan__in=month.values("pk"))
        .order_by("anggotalinmas__nama", "anggotalinmas_id")
        .values_list("kegiatan_id", "anggotalinmas__nama")
    )
    for kegiatan_id, nama in rows:
        names[kegiatan_id].append(nama)
    return names


def kejadian_bulan(desa_list, periode):
    """The incidents of a month for a set of desa, in desa then time order (one query)."""
    return (
        Kejadian.objects.filter(desa_id__in=[desa.pk for desa in desa_list])
        .of_month(periode)
        .select_related("desa", "rt")
        .order_by("desa_id", "waktu", "pk")
    )

"""The monthly Ekonomi report: one function for any set of desa, used by the page, the recap and
the send check, so all three read the same numbers. A verified month is read from the snapshot
stored when it was verified (desa.cuplikan)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from desa import cuplikan
from desa.ledger import TransisiDitolak
from desa.models.laporan import JenisLaporan
from kependudukan.ekonomi.keadaan import keadaan_keluarga
from kependudukan.ekonomi.models import KategoriKS, PenerimaBantuan, ProgramBantuan, batas_pemutakhiran
from kependudukan.ekonomi.tanda import tanda_penerima

DESIL = list(range(1, 11))
KETERANGAN_NIHIL = "Nihil: tidak ada pemutakhiran keluarga, penerima baru maupun penerima berhenti bulan ini."


@dataclass
class BarisProgram:
    kode: str
    aktif: int = 0
    baru: int = 0
    berhenti: int = 0


@dataclass
class BarisEkonomi:
    desa_kode: str
    desa_nama: str
    jumlah_keluarga: int = 0
    per_desil: list = field(default_factory=lambda: [0] * 11)  # desil 1..10, then unknown
    per_ks: list = field(default_factory=lambda: [0] * (len(KategoriKS.values) + 1))  # then empty
    program: list = field(default_factory=list)  # BarisProgram of each programme, in code order
    dimutakhirkan: int = 0  # households checked during the month
    belum_dimutakhirkan: int = 0
    tanda_terbuka: int = 0
    tanda_selesai: int = 0
    tanda_informasi: int = 0
    beku_at: object = None  # when the month was verified, if the row is its snapshot's
    bulan_beku: int = 0  # months read from their snapshots (a recap over several months)

    @property
    def desil_1_4(self):
        return sum(self.per_desil[:4])

    @property
    def ada_perubahan(self):
        return bool(self.dimutakhirkan or any(row.baru or row.berhenti for row in self.program))

    def desil_rows(self):
        labels = [f"Desil {number}" for number in DESIL] + ["Belum diketahui"]
        return list(zip(labels, self.per_desil, strict=True))

    def ks_rows(self):
        labels = [label for _, label in KategoriKS.choices] + ["Belum diisi"]
        return list(zip(labels, self.per_ks, strict=True))


def rekap_ekonomi(desa_list, periode, *, tanda=None, states=None):
    """{desa kode: BarisEkonomi} of `periode`, in the order of `desa_list`; a fixed number of queries.

    `tanda` (tanda_penerima) and `states` (keadaan_keluarga) of the same desa and month are
    read here unless the caller already has them."""
    desa_list = list(desa_list)
    ids = [desa.pk for desa in desa_list]
    programs = list(ProgramBantuan.objects.untuk_desa(desa_list).order_by("kode").values_list("pk", "kode"))
    rows = {}
    for desa in desa_list:
        rows[desa.pk] = BarisEkonomi(desa.pk, desa.nama, program=[BarisProgram(kode) for _, kode in programs])
    ks_index = {value: index for index, value in enumerate(KategoriKS.values)}
    batas = batas_pemutakhiran(periode)
    if states is None:
        states = keadaan_keluarga(ids, periode)
    for state in states.values():
        row = rows[state.keluarga.desa_id]
        row.jumlah_keluarga += 1
        row.per_desil[state.desil - 1 if state.desil else 10] += 1
        row.per_ks[ks_index.get(state.kategori_ks, len(ks_index))] += 1
        row.dimutakhirkan += periode.awal <= state.tanggal_pemutakhiran <= periode.akhir
        row.belum_dimutakhirkan += state.tanggal_pemutakhiran < batas
    position = {pk: index for index, (pk, _) in enumerate(programs)}
    counts = (
        PenerimaBantuan.objects.filter(desa_id__in=ids)
        .menerima_pada(periode)
        .values("desa_id", "program_id")
        .annotate(
            aktif=Count("pk"),
            baru=Count("pk", filter=Q(mulai=periode)),
            berhenti=Count("pk", filter=Q(selesai=periode)),
        )
    )
    for item in counts:
        target = rows[item["desa_id"]].program[position[item["program_id"]]]
        target.aktif, target.baru, target.berhenti = item["aktif"], item["baru"], item["berhenti"]
    if tanda is None:
        tanda = tanda_penerima(desa_list, periode, states=states)
    for flag in tanda:
        row = rows[flag.penerima.desa_id]
        if flag.informasi:
            row.tanda_informasi += 1
        elif flag.selesai:
            row.tanda_selesai += 1
        else:
            row.tanda_terbuka += 1
    for (desa_id, _), snapshot in cuplikan.berlaku(JenisLaporan.EKONOMI, ids, periode=periode).items():
        rows[desa_id] = dari_cuplikan(rows[desa_id], snapshot)
    return rows


def ke_angka(row):
    """The JSON-able numbers of a desa's month, as stored in its snapshot."""
    return cuplikan.angka_baris(row)


def dari_cuplikan(row, snapshot):
    """`row` (read from the records) as the snapshot stored it; the programmes keep the columns of
    `row`, so rows of one recap line up, a programme added after the verification showing zero."""
    angka = dict(snapshot.angka)
    stored = {item["kode"]: BarisProgram(**item) for item in angka.pop("program", [])}
    program = [stored.get(item.kode, BarisProgram(item.kode)) for item in row.program]
    return BarisEkonomi(
        row.desa_kode, row.desa_nama, program=program, beku_at=snapshot.dibuat_at, bulan_beku=1, **angka
    )


def angka_bulan(desa, periode):
    """What the month report of `desa` shows: desa.registry's figures of EKONOMI."""
    return ke_angka(rekap_ekonomi([desa], periode)[desa.pk])


def check_send(desa, periode, kiriman):
    """(nihil, keterangan) from the month's records; raises TransisiDitolak when it cannot be sent."""
    row = rekap_ekonomi([desa], periode)[desa.pk]
    if not row.jumlah_keluarga:
        raise TransisiDitolak(
            "Laporan belum dapat dikirim: belum ada data keluarga yang dicek sampai akhir "
            f"{periode.label}. Tambah atau impor data keluarga dulu."
        )
    keterangan = kiriman.keterangan
    if not row.ada_perubahan:
        return True, keterangan or KETERANGAN_NIHIL
    if kiriman.nihil:
        raise TransisiDitolak(
            "Bulan ini ada perubahan data ekonomi; laporan tidak dapat dikirim sebagai nihil."
        )
    return False, keterangan

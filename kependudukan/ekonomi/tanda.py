"""Recipients flagged *perlu verifikasi* in a month, and the findings (Temuan) they make.

- MENINGGAL_PINDAH: still receiving in the month while a MATI, or a PINDAH not followed by an
  arrival in the recipient's own desa, of the same NIK is recorded in any desa of the system
  with a tanggal peristiwa up to the month's end.
- GANDA: the same NIK receiving the same programme in two desa in the month.
- DESIL_TINGGI (information only): a household of desil 6-10 receiving a programme meant for
  desil 1-4.

A flag answered by a TindakLanjut (stopped, or kept with a reason) is resolved. Six queries
for any number of desa: the flags of a kabupaten's recap cost what one desa's page costs.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse

from desa.models.laporan import JenisLaporan
from desa.periode import format_tanggal
from desa.temuan import Temuan
from kependudukan.ekonomi.keadaan import keadaan_keluarga
from kependudukan.ekonomi.models import (
    JenisTanda,
    PenerimaBantuan,
    TindakLanjut,
    batas_pemutakhiran,
)
from kependudukan.models import JenisPeristiwa, Peristiwa

DATA_KELUARGA_LAMA = "Data keluarga lama"


@dataclass
class Tanda:
    penerima: PenerimaBantuan
    jenis: str  # JenisTanda
    detail: str
    peristiwa: Peristiwa | None = None
    tindak_lanjut: TindakLanjut | None = None

    @property
    def label(self):
        return JenisTanda(self.jenis).label

    @property
    def informasi(self):
        return self.jenis == JenisTanda.DESIL_TINGGI

    @property
    def selesai(self):
        return self.tindak_lanjut is not None

    @property
    def terbuka(self):
        return not self.informasi and not self.selesai

    @property
    def status(self):
        if self.informasi:
            return "Informasi"
        if self.tindak_lanjut is None:
            return "Perlu verifikasi"
        return f"Selesai: {self.tindak_lanjut.get_keputusan_display().lower()}"

    @property
    def peristiwa_id(self):
        return self.peristiwa.pk if self.peristiwa else None


def tanda_penerima(desa_list, periode, *, states=None, hanya=None):
    """Every flag of the recipients of these desa receiving in `periode`, desa by desa;
    `states` is keadaan_keluarga of the same desa and month when the caller has it, and
    `hanya` one recipient whose flags alone are wanted."""
    ids = [getattr(desa, "pk", desa) for desa in desa_list]
    receiving = PenerimaBantuan.objects.filter(desa_id__in=ids).menerima_pada(periode)
    if hanya is not None:
        receiving = receiving.filter(pk=hanya.pk)
    penerima = list(receiving.select_related("desa", "program").order_by("desa_id", "program__kode", "nama"))
    if not penerima:
        return []
    niks = receiving.values("nik")
    events = defaultdict(list)
    gone_kinds = [JenisPeristiwa.MATI, JenisPeristiwa.PINDAH, JenisPeristiwa.DATANG]
    for event in (
        Peristiwa.objects.filter(nik__in=niks, jenis__in=gone_kinds, tanggal_peristiwa__lte=periode.akhir)
        .select_related("desa")
        .order_by("tanggal_peristiwa", "pk")
    ):
        events[event.nik].append(event)
    desa_by_program = defaultdict(dict)
    for nik, program_id, desa_id, desa_nama in (
        PenerimaBantuan.objects.menerima_pada(periode)
        .filter(nik__in=niks)
        .values_list("nik", "program_id", "desa_id", "desa__nama")
    ):
        desa_by_program[(nik, program_id)][desa_id] = desa_nama
    decisions = {}
    for decision in TindakLanjut.objects.filter(penerima__in=receiving.values("pk")).select_related("oleh"):
        decisions[(decision.penerima_id, decision.jenis_tanda, decision.peristiwa_id)] = decision
    if states is None:
        states = keadaan_keluarga(ids, periode)
    by_kk = {(state.keluarga.desa_id, state.keluarga.no_kk): state for state in states.values()}
    found = []
    for item in penerima:
        event = gone_event(item, events.get(item.nik, []))
        if event is not None:
            key = (item.pk, JenisTanda.MENINGGAL_PINDAH, event.pk)
            found.append(
                Tanda(item, JenisTanda.MENINGGAL_PINDAH, _gone_detail(item, event), event, decisions.get(key))
            )
        others = {k: v for k, v in desa_by_program[(item.nik, item.program_id)].items() if k != item.desa_id}
        if others:
            detail = f"{item.nama} juga menerima {item.program} di {', '.join(sorted(others.values()))}."
            found.append(
                Tanda(item, JenisTanda.GANDA, detail, None, decisions.get((item.pk, JenisTanda.GANDA, None)))
            )
        state = states.get(item.keluarga_id) or by_kk.get((item.desa_id, item.no_kk))
        if item.program.untuk_desil_1_4 and state is not None and state.desil and state.desil >= 6:
            detail = (
                f"Keluarga {item.nama} tercatat desil {state.desil}, "
                f"sedangkan {item.program} untuk desil 1-4."
            )
            found.append(Tanda(item, JenisTanda.DESIL_TINGGI, detail))
    return found


def gone_event(penerima, events):
    """The event that says the recipient is gone, or None: the first MATI, else the last PINDAH
    unless the person arrived in (or moved into) the recipient's own desa since."""
    for event in events:
        if event.jenis == JenisPeristiwa.MATI:
            return event
    last_move = None
    for event in events:
        if event.jenis == JenisPeristiwa.PINDAH and event.desa_asal_tujuan_id != penerima.desa_id:
            last_move = event
    if last_move is None:
        return None
    for event in events:
        arrived = event.jenis == JenisPeristiwa.DATANG and event.desa_id == penerima.desa_id
        if arrived and event.tanggal_peristiwa >= last_move.tanggal_peristiwa:
            return None
    return last_move


def _gone_detail(penerima, event):
    what = "meninggal" if event.jenis == JenisPeristiwa.MATI else "pindah"
    where = "" if event.desa_id == penerima.desa_id else f" (dicatat {event.desa})"
    return (
        f"{penerima.nama} masih menerima {penerima.program}, padahal tercatat {what} "
        f"{format_tanggal(event.tanggal_peristiwa)}{where}."
    )


def temuan_ekonomi(desa_list, periode, *, tanda=None, states=None):
    """The month's Ekonomi findings of these desa: every flag, then stale household data.

    `tanda` (tanda_penerima) and `states` (keadaan_keluarga) of the same desa and month are
    read here unless the caller already has them."""
    desa_list = list(desa_list)
    if states is None:
        states = keadaan_keluarga(desa_list, periode)
    if tanda is None:
        tanda = tanda_penerima(desa_list, periode, states=states)
    found = []
    for flag in tanda:
        item = flag.penerima
        detail = flag.detail
        if flag.tindak_lanjut is not None:
            decision = flag.tindak_lanjut
            detail += (
                f" Sudah ditindaklanjuti: {decision.get_keputusan_display().lower()} ({decision.alasan})."
            )
        found.append(
            Temuan(
                desa_kode=item.desa_id,
                desa_nama=item.desa.nama,
                aturan=flag.label,
                detail=detail,
                nama=item.nama,
                nik=item.nik,
                url=item.get_absolute_url(),
                jenis=JenisLaporan.EKONOMI,
                informasi=not flag.terbuka,
            )
        )
    found += _stale(desa_list, periode, states)
    order = {desa.pk: index for index, desa in enumerate(desa_list)}
    return sorted(found, key=lambda temuan: order.get(temuan.desa_kode, len(order)))


def _stale(desa_list, periode, states):
    batas = batas_pemutakhiran(periode)
    counts = defaultdict(int)
    for state in states.values():
        if state.tanggal_pemutakhiran < batas:
            counts[state.keluarga.desa_id] += 1
    return [
        Temuan(
            desa_kode=desa.pk,
            desa_nama=desa.nama,
            aturan=DATA_KELUARGA_LAMA,
            detail=(
                f"{counts[desa.pk]} keluarga belum dimutakhirkan lebih dari 6 bulan "
                f"(terakhir dicek sebelum {format_tanggal(batas)})."
            ),
            url=reverse("ekonomi:keluarga_list", args=[desa.pk]) + "?lama=1",
            jenis=JenisLaporan.EKONOMI,
            informasi=True,
        )
        for desa in desa_list
        if counts[desa.pk]
    ]

"""Ledger demo: twelve months of monthly-report history for the desa of Kecamatan Paringin and
every registered kind, with believable timestamps and their history.

Mostly sent on time and verified, a few late, two reports currently returned (one with a
consultation thread), one desa behind by two months, the last month partly sent, and one
announcement. The history keeps the rules of the ledger: months are sent in order, and a
returned month of the first kind (Kependudukan, whose months carry into the next) has no
later month sent. The plan of each (desa, kind, month) is drawn from a Random seeded with that
key, so a second run plans the same and only adds what is missing.
"""

import datetime
import random

from django.db.models import F
from django.utils import timezone

from desa.models import Desa, KomentarLaporan, LaporanBulanan, Pengguna, RiwayatLaporan
from desa.models.laporan import Status
from desa.periode import WITA, Periode
from desa.registry import available_kinds
from desa.scoping import Peran
from kudapanmas.models import Pengumuman

BULAN = 12
# (desa position, months back from the last month): the two reports now waiting for a fix.
DIKEMBALIKAN = {
    (4, 1): "Jumlah KK akhir bulan tidak sama dengan data Disdukcapil; mohon dicek.",
    (9, 0): None,
}
TERTINGGAL = 11  # a desa behind: the last two months of the first kind not sent
HOUR = datetime.timedelta(hours=1)
CATATAN_KEMBALI = [
    "NIK dua warga yang pindah datang belum lengkap; lengkapi lalu kirim ulang.",
    "Tanggal lapor kelahiran bayi RT 003 terisi sebelum tanggal lahir.",
    "Foto kegiatan ronda belum dilampirkan.",
]


def fill(context):
    paringin = context["paringin"]
    kinds = available_kinds()
    desa_list = list(Desa.objects.filter(kecamatan=paringin).select_related("kecamatan"))
    kasi = Pengguna.objects.filter(peran=Peran.KASI_TRANTIB, kecamatan=paringin).first()
    operators = {
        user.desa_id: user for user in Pengguna.objects.filter(peran=Peran.OPERATOR_DESA, desa__in=desa_list)
    }
    now = timezone.now()
    last = Periode.current().previous()
    if paringin.mulai_pelaporan is None:  # the demo history starts here; earlier months are not due
        paringin.mulai_pelaporan = last.shift(1 - BULAN).awal
        paringin.save(update_fields=["mulai_pelaporan"])
    existing = set(
        LaporanBulanan.objects.filter(desa__in=desa_list).values_list("desa_id", "jenis", "periode")
    )
    stories = []
    for position, desa in enumerate(desa_list):
        for jenis in kinds:
            for back in range(BULAN):
                periode = last.shift(-back)
                if (desa.pk, jenis, periode) in existing:
                    continue
                story = _story(position, desa, jenis, periode, back, now, operators.get(desa.pk), kasi)
                if story:
                    stories.append(story)
    simpan(stories)
    _pengumuman(paringin, kasi)


def _story(position, desa, jenis, periode, back, now, operator, kasi):
    """The planned history of one report as (row fields, [history], [comments]); None: not sent."""
    rng = random.Random(f"{desa.pk}/{jenis}/{periode}")
    hari = desa.kecamatan.hari_batas_waktu
    batas = periode.batas_waktu(hari)
    first_kind = jenis == available_kinds()[0]
    returned = (position, back) in DIKEMBALIKAN and first_kind
    if first_kind and position == TERTINGGAL and back <= 1:
        return None
    if first_kind and back < max((b for p, b in DIKEMBALIKAN if p == position), default=-1):
        return None  # waits until its returned earlier month is sent again
    if back == 0 and not returned and rng.random() < (0.1 if now >= batas else 0.5):
        return None  # the last month: not everyone has sent yet
    late = rng.random() < 0.08
    day = rng.randint(hari + 1, hari + 6) if late else rng.randint(1, hari)
    following = periode.next()
    sent = datetime.datetime(
        following.tahun, following.bulan, day, rng.randint(8, 15), rng.randint(0, 59), tzinfo=WITA
    )
    if sent >= now:
        sent = now - datetime.timedelta(hours=rng.randint(2, 30))
    if sent.astimezone(WITA).date() < following.awal:
        return None
    row, history = terkirim(desa, jenis, periode, sent, operator)
    comments = []
    if returned:
        when = sent + datetime.timedelta(days=1, hours=2)
        catatan = DIKEMBALIKAN[(position, back)] or rng.choice(CATATAN_KEMBALI)
        history.append(("kembalikan", Status.DIKIRIM, Status.DIKEMBALIKAN, kasi, min(when, now), catatan))
        row.update(status=Status.DIKEMBALIKAN, catatan_kembali=catatan)
        if DIKEMBALIKAN[(position, back)]:
            comments = [
                (
                    operator,
                    "Baik Pak, data KK kami cocokkan dulu dengan Disdukcapil minggu ini.",
                    when + HOUR,
                ),
                (
                    kasi,
                    "Terima kasih. Bila sudah cocok, kirim ulang sebelum rapat koordinasi.",
                    when + 3 * HOUR,
                ),
            ]
        return row, history, comments
    verified = sent + datetime.timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 5))
    if verified >= now or (back == 0 and rng.random() < 0.4):
        row["status"] = Status.DIKIRIM  # waiting in the verification queue
        return row, history, comments
    if back >= 2 and rng.random() < 0.06:
        # Returned once and fixed: the resend is recorded but timeliness stays with the first send.
        fix = rng.choice(CATATAN_KEMBALI)
        resent = sent + datetime.timedelta(days=2, hours=3)
        history += [
            ("kembalikan", Status.DIKIRIM, Status.DIKEMBALIKAN, kasi, sent + datetime.timedelta(days=1), fix),
            ("kirim ulang", Status.DIKEMBALIKAN, Status.DIKIRIM, operator, resent, ""),
        ]
        row["dikirim_at"] = resent
        verified = resent + datetime.timedelta(days=1)
    history.append(("verifikasi", Status.DIKIRIM, Status.DIVERIFIKASI, kasi, verified, ""))
    row.update(status=Status.DIVERIFIKASI, diverifikasi_at=verified, diverifikasi_oleh=kasi)
    return row, history, comments


def terkirim(desa, jenis, periode, sent, operator, nihil=False):
    """The row and first history entry of a report sent at `sent` by `operator`."""
    row = {
        "desa": desa,
        "jenis": jenis,
        "periode": periode.awal,
        "pertama_dikirim_at": sent,
        "dikirim_at": sent,
        "dikirim_oleh": operator,
        "nihil": nihil,
        "keterangan": "",
    }
    return row, [("kirim", Status.BELUM_DIKIRIM, Status.DIKIRIM, operator, sent, "")]


def simpan(stories):
    # As a real write does (desa.gerbang.kunci_desa): what was counted or written of these desa
    # before (a kept provinsi count, a finished recap) is stale now.
    Desa.objects.filter(pk__in={row["desa"].pk for row, _, _ in stories}).update(
        versi_data=F("versi_data") + 1
    )
    rows = LaporanBulanan.objects.bulk_create(
        [LaporanBulanan(versi=len(history), **row) for row, history, _ in stories]
    )
    # auto_now_add stamps "now" on create; the story's own times are put back afterwards.
    riwayat, waktu, komentar, dibuat = [], [], [], []
    for laporan, (_, history, comments) in zip(rows, stories, strict=True):
        for aksi, dari, ke, oleh, when, catatan in history:
            riwayat.append(
                RiwayatLaporan(laporan=laporan, aksi=aksi, dari=dari, ke=ke, oleh=oleh, catatan=catatan)
            )
            waktu.append(when)
        for penulis, isi, when in comments:
            komentar.append(KomentarLaporan(laporan=laporan, penulis=penulis, isi=isi))
            dibuat.append(when)
    _backdate(RiwayatLaporan.objects.bulk_create(riwayat), "created_at", waktu)
    _backdate(KomentarLaporan.objects.bulk_create(komentar), "created_at", dibuat)


def _backdate(objects, field, moments):
    for obj, moment in zip(objects, moments, strict=True):
        setattr(obj, field, moment)
    if objects:
        type(objects[0]).objects.bulk_update(objects, [field], batch_size=500)


def _pengumuman(kecamatan, kasi):
    Pengumuman.objects.get_or_create(
        kecamatan=kecamatan,
        judul="Rapat koordinasi operator desa",
        defaults={
            "isi": "Rapat koordinasi pelaporan bulanan diadakan di aula kantor kecamatan. "
            "Bawa catatan kendala pengisian KUDAPANMAS di desa masing-masing.",
            "berlaku_sampai": timezone.localdate() + datetime.timedelta(days=30),
            "dibuat_oleh": kasi,
        },
    )

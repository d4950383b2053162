"""Transitions of the monthly report ledger and the lock they imply.

Each transition is atomic, takes the desa's row and then its ledger row FOR UPDATE (the
order desa.gerbang keeps for every write), checks what the state, the calendar and the
app's content rules allow with a message in Bahasa Indonesia, bumps the version and writes
the history. E-mails go out after the commit.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from desa import cuplikan, gerbang, notifikasi, registry, tanda_terima
from desa.gerbang import PeriodeTerkunci, TransisiDitolak, lock_message
from desa.models.bukti import AksiTandaTerima
from desa.models.laporan import KomentarLaporan, LaporanBulanan, RiwayatLaporan, Status
from desa.periode import Periode, format_tanggal
from desa.scoping import is_kasi_trantib_of, may_send, may_verify, may_write

__all__ = ["PeriodeTerkunci", "TransisiDitolak", "lock_message"]

# An extension is for a desa in trouble (no signal, an operator ill), not a second calendar.
PERPANJANGAN_MAKSIMUM_HARI = 60
KOMENTAR_MAKSIMUM = 2000
# Reports verified after one confirmation: about a kecamatan-month (Paringin's sixteen desa, four
# kinds, three months make 192); a kecamatan of more desa verifies in more than one round.
VERIFIKASI_BANYAK_MAKSIMUM = 200


def laporan_for(desa, jenis, periode):
    """The ledger row, or an unsaved blank one when nothing was recorded yet."""
    periode = Periode.coerce(periode)
    laporan = LaporanBulanan.objects.filter(desa=desa, jenis=jenis, periode=periode).first()
    return laporan or LaporanBulanan(desa=desa, jenis=jenis, periode=periode)


def is_locked(desa, jenis, periode):
    return laporan_for(desa, jenis, periode).is_locked


def ensure_unlocked(desa, jenis, periode):
    """Raise PeriodeTerkunci when the month's records of this desa and kind may not change.

    A read without a lock, for pages and form messages; a write checks again through
    desa.gerbang.tulis, inside its transaction.
    """
    laporan = laporan_for(desa, jenis, periode)
    if laporan.is_locked:
        raise PeriodeTerkunci(lock_message(laporan))


def lock_message_for(laporan, user):
    """lock_message in the words of its reader, for a page that shows a locked month: "sedang
    diperiksa kecamatan" is the operator's view, while the Kasi Trantib is the kecamatan."""
    judul = f"Laporan {laporan.get_jenis_display()} {laporan.periode.label}"
    verified = laporan.status == Status.DIVERIFIKASI
    if may_verify(user, laporan.desa):
        if verified:
            return f"{judul} sudah terverifikasi dan terkunci. Buka kembali bila ada yang keliru."
        return f"{judul} menunggu verifikasi Anda; datanya terkunci sampai diverifikasi atau dikembalikan."
    if may_write(user, laporan.desa):
        return lock_message(laporan)
    if verified:
        return f"{judul} sudah diverifikasi Kasi Trantib dan terkunci."
    return f"{judul} sudah dikirim desa dan menunggu verifikasi Kasi Trantib."


def locked_periods(desa_ids, jenis):
    """{(desa_id, Periode)} of every locked month, for checking many rows at once
    (an import reads it after desa.gerbang.kunci_desa, so it cannot change meanwhile)."""
    rows = (
        LaporanBulanan.objects.terkunci()
        .filter(desa_id__in=desa_ids, jenis=jenis)
        .values_list("desa_id", "periode")
    )
    return set(rows)


def deadline_day(kecamatan, periode):
    """The kecamatan's deadline day in the month after `periode`, kept inside that month."""
    following = Periode.coerce(periode).next()
    return following.awal.replace(day=min(kecamatan.hari_batas_waktu, following.akhir.day))


def bisa_dikirim_mulai(periode):
    """The first day a month's report may be sent: the first day of the month after it (WITA)."""
    return Periode.coerce(periode).next().awal


def bulan_belum_dikirim(desa, jenis, periode):
    """The first earlier month of this kind that must be sent before `periode`, or None.

    The chain starts at the kecamatan's first reporting month; without one, at the desa's first
    month ever sent of this kind (so a desa's first send may be any month). A month counts as
    sent while it is sent or verified: a returned month goes first.
    """
    periode = Periode.coerce(periode)
    mulai = desa.kecamatan.mulai_pelaporan
    if mulai is None:
        mulai = (
            LaporanBulanan.objects.filter(desa=desa, jenis=jenis, pertama_dikirim_at__isnull=False)
            .order_by("periode")
            .values_list("periode", flat=True)
            .first()
        )
    if mulai is None or mulai >= periode:
        return None
    terkirim = set(
        LaporanBulanan.objects.terkunci()
        .filter(desa=desa, jenis=jenis, periode__gte=mulai, periode__lt=periode)
        .values_list("periode", flat=True)
    )
    bulan = mulai
    while bulan < periode:
        if bulan not in terkirim:
            return bulan
        bulan = bulan.next()
    return None


def alasan_belum_bisa_dikirim(desa, jenis, periode):
    """Why the month cannot be sent yet by the calendar (running month, an earlier month unsent), or ""."""
    periode = Periode.coerce(periode)
    if periode >= Periode.current():
        return (
            f"Laporan {periode.label} baru dapat dikirim mulai "
            f"{format_tanggal(bisa_dikirim_mulai(periode))}, setelah bulannya selesai."
        )
    belum = bulan_belum_dikirim(desa, jenis, periode)
    if belum is not None:
        return (
            f"Kirim dulu laporan {belum.label}: laporan dikirim berurutan, "
            f"dan laporan {belum.label} belum terkirim."
        )
    return ""


def laporan_berikut_terkirim(laporan):
    """The later months of the same desa and kind that are sent or verified, which a return or
    reopen of `laporan` sends back too when the kind's numbers carry into the next month."""
    if not registry.is_berantai(laporan.jenis):
        return LaporanBulanan.objects.none()
    return (
        LaporanBulanan.objects.terkunci()
        .filter(desa_id=laporan.desa_id, jenis=laporan.jenis, periode__gt=laporan.periode)
        .order_by("periode")
    )


def kirim(*, desa, jenis, periode, user, kiriman=None, nihil=False, keterangan="", versi=None):
    """The operator sends the month's report (or a nihil report with a statement).

    `kiriman` is the cleaned send form (desa.forms.kirim); without it, `nihil` and
    `keterangan` stand for it. Every
    check (the calendar, the earlier months, the content the app requires) runs after the
    lock, inside the transaction that records the send: an event saved at the same instant
    either lands before the send and is counted, or is refused as locked.
    """
    if not may_send(user, desa):
        raise TransisiDitolak("Hanya operator desa yang dapat mengirim laporan desanya.")
    if kiriman is None:
        kiriman = registry.Kiriman(nihil=bool(nihil), keterangan=(keterangan or "").strip())
    periode = Periode.coerce(periode)
    if periode >= Periode.current():
        raise TransisiDitolak(alasan_belum_bisa_dikirim(desa, jenis, periode))
    with transaction.atomic():
        gerbang.kunci_desa([desa])
        (laporan,) = gerbang.kunci_laporan(desa, jenis, [periode])
        _check_version(laporan, versi)
        if laporan.status == Status.DIKIRIM:
            raise TransisiDitolak("Laporan ini sudah terkirim dan sedang menunggu verifikasi.")
        if laporan.status == Status.DIVERIFIKASI:
            raise TransisiDitolak("Laporan ini sudah terverifikasi; tidak dapat dikirim lagi.")
        alasan = alasan_belum_bisa_dikirim(desa, jenis, periode)
        if alasan:
            raise TransisiDitolak(alasan)
        nihil, keterangan = registry.check_send(jenis, desa, periode, kiriman)
        keterangan = (keterangan or "").strip()
        if nihil and not keterangan:
            raise TransisiDitolak("Laporan nihil harus disertai keterangan singkat.")
        now = timezone.now()
        laporan.pertama_dikirim_at = laporan.pertama_dikirim_at or now
        laporan.dikirim_at = now
        laporan.dikirim_oleh = user
        laporan.nihil = nihil
        laporan.keterangan = keterangan
        aksi = "kirim ulang" if laporan.status == Status.DIKEMBALIKAN else "kirim"
        _move(laporan, Status.DIKIRIM, user, aksi, laporan.keterangan)
        tanda_terima.terbitkan(laporan, AksiTandaTerima.KIRIM, user)
    notifikasi.laporan_dikirim(laporan)
    return laporan


def _lock_sent_row(laporan, versi, kata):
    """The report's row, locked; refused unless it is sent (only a sent report is verified or returned)."""
    laporan = _lock_row(laporan, versi)
    if laporan.status != Status.DIKIRIM:
        raise TransisiDitolak(
            f"Hanya laporan yang terkirim yang dapat {kata} "
            f"(status sekarang: {laporan.get_status_display()})."
        )
    return laporan


def verifikasi(*, laporan, user, versi=None):
    _require_verifier(user, laporan)
    with transaction.atomic():
        laporan = _lock_sent_row(laporan, versi, "diverifikasi")
        laporan.diverifikasi_at = timezone.now()
        laporan.diverifikasi_oleh = user
        laporan.catatan_kembali = ""
        _move(laporan, Status.DIVERIFIKASI, user, "verifikasi", "")
        cuplikan.simpan(laporan, user)
        tanda_terima.terbitkan(laporan, AksiTandaTerima.VERIFIKASI, user)
    notifikasi.laporan_diverifikasi(laporan)
    return laporan


@dataclass
class HasilVerifikasi:
    """What became of one report of a verification of several: `alasan` says why it was refused."""

    pk: int
    laporan: object = None  # None when the id is not a report of the kecamatan the user reviews
    alasan: str = ""

    @property
    def diverifikasi(self):
        return not self.alasan


def verifikasi_banyak(*, kecamatan, pilihan, user):
    """Verify the reports the Kasi Trantib confirmed together, each on its own.

    `pilihan` is [(pk, versi)], the version each report had on the confirmation page. Each report
    goes through verifikasi in its own transaction with its own history entry, so one
    returned or re-sent meanwhile is refused with its reason and the others are still verified.
    An id outside the user's scope or the kecamatan is refused without a word about that report.
    Call it outside a transaction: an outer one would make the reports stand or fall together.
    """
    if not is_kasi_trantib_of(user, kecamatan.pk):
        raise TransisiDitolak("Hanya Kasi Trantib kecamatan ini yang dapat memeriksa laporan.")
    found = {
        row.pk: row
        for row in LaporanBulanan.objects.for_user(user)
        .filter(pk__in=[pk for pk, _ in pilihan], desa__kecamatan=kecamatan)
        .select_related("desa__kecamatan")
    }
    hasil = []
    for pk, versi in pilihan:
        laporan = found.get(pk)
        if laporan is None:
            hasil.append(HasilVerifikasi(pk, alasan="Laporan ini tidak ada di antrean kecamatan Anda."))
            continue
        try:
            laporan = verifikasi(laporan=laporan, user=user, versi=versi)
        except TransisiDitolak as error:
            hasil.append(HasilVerifikasi(pk, laporan, _alasan_tidak_diverifikasi(laporan, versi, error)))
        else:
            hasil.append(HasilVerifikasi(pk, laporan))
    return hasil


def _alasan_tidak_diverifikasi(laporan, versi, error):
    """The refusal in the words of a list confirmed a while ago: what happened to this report since."""
    sekarang = LaporanBulanan.objects.get(pk=laporan.pk)
    if sekarang.status != Status.DIKIRIM:
        return (
            f"statusnya sekarang {sekarang.get_status_display()}; "
            "hanya laporan yang terkirim yang dapat diverifikasi."
        )
    if versi is not None and str(versi) != str(sekarang.versi):
        return "laporan ini berubah sejak daftar dibuka (dikirim ulang desa); periksa kiriman terbarunya."
    return str(error)


def kembalikan(*, laporan, user, catatan, versi=None):
    """Return a sent report to the desa; later sent months of a chained kind go back with it."""
    _require_verifier(user, laporan)
    catatan = catatan or ""
    if not catatan.strip():
        raise TransisiDitolak("Tulis catatan: apa yang harus diperbaiki desa. Laporan tidak dikembalikan.")
    with transaction.atomic():
        laporan = _lock_sent_row(laporan, versi, "dikembalikan")
        laporan.catatan_kembali = catatan.strip()
        _move(laporan, Status.DIKEMBALIKAN, user, "kembalikan", laporan.catatan_kembali)
        ikut = _kembalikan_berikut(laporan, user, "dikembalikan")
    notifikasi.laporan_dikembalikan(laporan)
    for item in ikut:
        notifikasi.laporan_ikut_dikembalikan(item, laporan)
    return laporan


def buka_kembali(*, laporan, user, alasan, versi=None):
    """Reopen a verified report: it goes back to the desa as returned, with the reason.

    A verified month's numbers never change while it stays verified: when the kind's numbers
    carry into the next month (the B.3 awal, a household's status), every later month that is
    sent or verified goes back to the desa too, each with a history entry and an e-mail.
    """
    _require_verifier(user, laporan)
    alasan = alasan or ""
    if not alasan.strip():
        raise TransisiDitolak("Tulis alasan membuka kembali laporan ini.")
    with transaction.atomic():
        laporan = _lock_row(laporan, versi)
        if laporan.status != Status.DIVERIFIKASI:
            raise TransisiDitolak("Hanya laporan yang terverifikasi yang dapat dibuka kembali.")
        laporan.diverifikasi_at = None
        laporan.diverifikasi_oleh = None
        laporan.catatan_kembali = alasan.strip()
        _move(laporan, Status.DIKEMBALIKAN, user, "buka kembali", laporan.catatan_kembali)
        cuplikan.cabut(laporan, f"Dibuka kembali: {laporan.catatan_kembali}")
        ikut = _kembalikan_berikut(laporan, user, "dibuka kembali")
    notifikasi.laporan_dibuka_kembali(laporan)
    for item in ikut:
        notifikasi.laporan_ikut_dikembalikan(item, laporan)
    return laporan


def _kembalikan_berikut(laporan, user, sebab):
    """Send the later sent or verified months of a chained kind back to the desa; the rows are
    locked in month order after the desa row, as every gated transaction does."""
    ikut = list(laporan_berikut_terkirim(laporan).select_for_update())
    for item in ikut:
        if item.status == Status.DIVERIFIKASI:
            cuplikan.cabut(item, f"Ikut dikembalikan karena laporan {laporan.periode.label} {sebab}.")
        item.diverifikasi_at = None
        item.diverifikasi_oleh = None
        item.catatan_kembali = (
            f"Ikut dikembalikan karena laporan {laporan.periode.label} {sebab}: angka awal bulan "
            f"ini bergantung padanya. Alasan: {laporan.catatan_kembali}"
        )
        _move(item, Status.DIKEMBALIKAN, user, "ikut dikembalikan", item.catatan_kembali)
    return ikut


def perpanjang(*, desa, jenis, periode, user, tanggal, alasan):
    """Extend one desa's deadline for one kind and month (before its first send)."""
    if not may_verify(user, desa):
        raise TransisiDitolak("Hanya Kasi Trantib kecamatan ini yang dapat memberi perpanjangan.")
    alasan = (alasan or "").strip()
    if not alasan:
        raise TransisiDitolak("Tulis alasan perpanjangan.")
    periode = Periode.coerce(periode)
    normal = deadline_day(desa.kecamatan, periode)
    if tanggal <= normal:
        raise TransisiDitolak(f"Perpanjangan harus setelah batas waktu biasa ({format_tanggal(normal)}).")
    terjauh = normal + datetime.timedelta(days=PERPANJANGAN_MAKSIMUM_HARI)
    if tanggal > terjauh:
        raise TransisiDitolak(
            f"Perpanjangan paling lama {PERPANJANGAN_MAKSIMUM_HARI} hari setelah batas waktu biasa "
            f"(sampai {format_tanggal(terjauh)})."
        )
    with transaction.atomic():
        gerbang.kunci_desa([desa])
        (laporan,) = gerbang.kunci_laporan(desa, jenis, [periode])
        if laporan.is_sent:
            raise TransisiDitolak("Laporan ini sudah pernah dikirim; perpanjangan tidak berlaku lagi.")
        laporan.batas_waktu_perpanjangan = tanggal
        laporan.alasan_perpanjangan = alasan
        _move(
            laporan,
            laporan.status,
            user,
            "perpanjangan",
            f"Batas waktu diperpanjang sampai {format_tanggal(tanggal)}: {alasan}",
        )
    return laporan


def komentari(*, desa, jenis, periode, user, isi):
    """Add to the consultation thread of a report: its desa's operator and the Kasi Trantib."""
    if not may_write(user, desa):
        raise TransisiDitolak("Peran Anda hanya dapat membaca laporan ini.")
    isi = (isi or "").strip()
    if not isi:
        raise TransisiDitolak("Komentar kosong tidak dikirim.")
    if len(isi) > KOMENTAR_MAKSIMUM:
        raise TransisiDitolak("Komentar terlalu panjang (paling banyak 2.000 huruf).")
    periode = Periode.coerce(periode)
    with transaction.atomic():
        gerbang.kunci_desa([desa])
        (laporan,) = gerbang.kunci_laporan(desa, jenis, [periode])
        komentar = KomentarLaporan.objects.create(laporan=laporan, penulis=user, isi=isi)
    notifikasi.komentar_ditambahkan(komentar)
    return komentar


def _require_verifier(user, laporan):
    if not may_verify(user, laporan.desa):
        raise TransisiDitolak("Hanya Kasi Trantib kecamatan ini yang dapat memeriksa laporan.")


def _lock_row(laporan, versi):
    """The row itself, locked after its desa's row (the gate's order), at the version the form showed."""
    if laporan.pk is None:
        raise TransisiDitolak("Laporan ini belum pernah dikirim.")
    gerbang.kunci_desa([laporan.desa_id])
    fresh = LaporanBulanan.objects.select_for_update().select_related("desa").get(pk=laporan.pk)
    _check_version(fresh, versi)
    return fresh


def _check_version(laporan, versi):
    if versi is None:
        return
    try:
        versi = int(versi)
    except (TypeError, ValueError):
        versi = -1
    if versi != laporan.versi:
        raise TransisiDitolak(
            "Status laporan sudah berubah sejak halaman ini dibuka. "
            "Periksa status terbaru di bawah; tidak ada yang diubah."
        )


def _move(laporan, ke, user, aksi, catatan):
    dari = laporan.status
    laporan.status = ke
    laporan.versi += 1
    laporan.save()
    RiwayatLaporan.objects.create(laporan=laporan, aksi=aksi, dari=dari, ke=ke, oleh=user, catatan=catatan)

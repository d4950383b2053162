"""Transitions of the monthly report ledger and the lock they imply.

Each transition is atomic, takes the row FOR UPDATE, refuses what the state does not
allow with a message in Bahasa Indonesia, bumps the version and writes the history.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from desa import notifikasi
from desa.models.laporan import KomentarLaporan, LaporanBulanan, RiwayatLaporan, Status
from desa.periode import Periode, format_tanggal
from desa.scoping import Peran, may_write

# The months the ledger deals with: KUDAPANMAS began in 2022; a year ahead is the furthest a
# page may look (beyond it a deadline could not even be computed near the calendar's end).
PERIODE_PERTAMA = Periode(2000, 1)
# An extension is for a desa in trouble (no signal, an operator ill), not a second calendar.
PERPANJANGAN_MAKSIMUM_HARI = 60
KOMENTAR_MAKSIMUM = 2000


class TransisiDitolak(Exception):
    """A transition the state, the role or a stale form does not allow; nothing changed."""


class PeriodeTerkunci(TransisiDitolak):
    """A write to the records of a sent or verified month."""


def periode_in_range(periode):
    return PERIODE_PERTAMA <= _periode(periode) <= Periode.current().shift(12)


def laporan_for(desa, jenis, periode):
    """The ledger row, or an unsaved blank one when nothing was recorded yet."""
    periode = _periode(periode)
    laporan = LaporanBulanan.objects.filter(desa=desa, jenis=jenis, periode=periode.awal).first()
    return laporan or LaporanBulanan(desa=desa, jenis=jenis, periode=periode.awal)


def lock_message(laporan):
    if laporan.status == Status.DIVERIFIKASI:
        return (
            f"Laporan {laporan.get_jenis_display()} {laporan.periode_obj.label} sudah "
            "terverifikasi dan terkunci. Minta Kasi Trantib membuka kembali untuk mengubahnya."
        )
    return (
        f"Laporan {laporan.get_jenis_display()} {laporan.periode_obj.label} sudah terkirim "
        "dan sedang diperiksa kecamatan. Data bulan itu baru bisa diubah bila laporan dikembalikan."
    )


def is_locked(desa, jenis, periode):
    return laporan_for(desa, jenis, periode).is_locked


def ensure_unlocked(desa, jenis, periode):
    """Raise PeriodeTerkunci when the month's records of this desa and kind may not change."""
    laporan = laporan_for(desa, jenis, periode)
    if laporan.is_locked:
        raise PeriodeTerkunci(lock_message(laporan))


def locked_periods(desa_ids, jenis):
    """{(desa_id, first day of month)} of every locked month, for checking many rows at once."""
    rows = LaporanBulanan.objects.filter(
        desa_id__in=desa_ids, jenis=jenis, status__in=[Status.DIKIRIM, Status.DIVERIFIKASI]
    ).values_list("desa_id", "periode")
    return set(rows)


def is_verifier(user, desa):
    """The Kasi Trantib of the desa's kecamatan (or a superuser) reviews its reports."""
    return (user.is_superuser or user.peran == Peran.KASI_TRANTIB) and may_write(user, desa)


def is_sender(user, desa):
    """Who sends a desa's report: its operator (a superuser may stand in), never the reviewer."""
    return may_write(user, desa) and user.peran != Peran.KASI_TRANTIB


def deadline_day(kecamatan, periode):
    """The kecamatan's deadline day in the month after `periode`, kept inside that month."""
    following = _periode(periode).next()
    return following.awal.replace(day=min(kecamatan.hari_batas_waktu, following.akhir.day))


def laporan_kirim(*, desa, jenis, periode, user, nihil=False, keterangan="", versi=None):
    """The operator sends the month's report (or a nihil report with a statement)."""
    if not is_sender(user, desa):
        raise TransisiDitolak("Hanya operator desa yang dapat mengirim laporan desanya.")
    keterangan = keterangan or ""
    if nihil and not keterangan.strip():
        raise TransisiDitolak("Laporan nihil harus disertai keterangan singkat.")
    periode = _periode(periode)
    if periode > Periode.current():
        raise TransisiDitolak("Laporan bulan yang belum berjalan tidak dapat dikirim.")
    with transaction.atomic():
        laporan, _ = LaporanBulanan.objects.select_for_update().get_or_create(
            desa=desa, jenis=jenis, periode=periode.awal
        )
        _check_version(laporan, versi)
        if laporan.status == Status.DIKIRIM:
            raise TransisiDitolak("Laporan ini sudah terkirim dan sedang menunggu verifikasi.")
        if laporan.status == Status.DIVERIFIKASI:
            raise TransisiDitolak("Laporan ini sudah terverifikasi; tidak dapat dikirim lagi.")
        now = timezone.now()
        laporan.pertama_dikirim_at = laporan.pertama_dikirim_at or now
        laporan.dikirim_at = now
        laporan.dikirim_oleh = user
        laporan.nihil = nihil
        laporan.keterangan = keterangan.strip()
        aksi = "kirim ulang" if laporan.status == Status.DIKEMBALIKAN else "kirim"
        _move(laporan, Status.DIKIRIM, user, aksi, laporan.keterangan)
    notifikasi.laporan_dikirim(laporan)
    return laporan


def laporan_verifikasi(*, laporan, user, versi=None):
    _require_verifier(user, laporan)
    with transaction.atomic():
        laporan = _lock_row(laporan, versi)
        if laporan.status != Status.DIKIRIM:
            raise TransisiDitolak(
                f"Hanya laporan yang terkirim yang dapat diverifikasi "
                f"(status sekarang: {laporan.get_status_display()})."
            )
        laporan.diverifikasi_at = timezone.now()
        laporan.diverifikasi_oleh = user
        laporan.catatan_kembali = ""
        _move(laporan, Status.DIVERIFIKASI, user, "verifikasi", "")
    notifikasi.laporan_diverifikasi(laporan)
    return laporan


def laporan_kembalikan(*, laporan, user, catatan, versi=None):
    _require_verifier(user, laporan)
    catatan = catatan or ""
    if not catatan.strip():
        raise TransisiDitolak("Tulis catatan: apa yang harus diperbaiki desa. Laporan tidak dikembalikan.")
    with transaction.atomic():
        laporan = _lock_row(laporan, versi)
        if laporan.status != Status.DIKIRIM:
            raise TransisiDitolak(
                f"Hanya laporan yang terkirim yang dapat dikembalikan "
                f"(status sekarang: {laporan.get_status_display()})."
            )
        laporan.catatan_kembali = catatan.strip()
        _move(laporan, Status.DIKEMBALIKAN, user, "kembalikan", laporan.catatan_kembali)
    notifikasi.laporan_dikembalikan(laporan)
    return laporan


def laporan_buka_kembali(*, laporan, user, alasan, versi=None):
    """Reopen a verified report: it goes back to the desa as returned, with the reason."""
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
    notifikasi.laporan_dibuka_kembali(laporan)
    return laporan


def laporan_perpanjang(*, desa, jenis, periode, user, tanggal, alasan):
    """Extend one desa's deadline for one kind and month (before its first send)."""
    if not is_verifier(user, desa):
        raise TransisiDitolak("Hanya Kasi Trantib kecamatan ini yang dapat memberi perpanjangan.")
    alasan = (alasan or "").strip()
    if not alasan:
        raise TransisiDitolak("Tulis alasan perpanjangan.")
    periode = _periode(periode)
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
        laporan, _ = LaporanBulanan.objects.select_for_update().get_or_create(
            desa=desa, jenis=jenis, periode=periode.awal
        )
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


def laporan_komentar(*, desa, jenis, periode, user, isi):
    """Add to the consultation thread of a report; anyone who may see the desa may take part."""
    isi = (isi or "").strip()
    if not isi:
        raise TransisiDitolak("Komentar kosong tidak dikirim.")
    if len(isi) > KOMENTAR_MAKSIMUM:
        raise TransisiDitolak("Komentar terlalu panjang (paling banyak 2.000 huruf).")
    periode = _periode(periode)
    with transaction.atomic():
        laporan, _ = LaporanBulanan.objects.get_or_create(desa=desa, jenis=jenis, periode=periode.awal)
        komentar = KomentarLaporan.objects.create(laporan=laporan, penulis=user, isi=isi)
    notifikasi.komentar_ditambahkan(komentar)
    return komentar


def _periode(value):
    return value if isinstance(value, Periode) else Periode.of(value)


def _require_verifier(user, laporan):
    if not is_verifier(user, laporan.desa):
        raise TransisiDitolak("Hanya Kasi Trantib kecamatan ini yang dapat memeriksa laporan.")


def _lock_row(laporan, versi):
    if laporan.pk is None:
        raise TransisiDitolak("Laporan ini belum pernah dikirim.")
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

"""Transitions of the monthly report ledger and the lock they imply.

Each transition is atomic, takes the row FOR UPDATE, refuses what the state does not
allow with a message in Bahasa Indonesia, bumps the version and writes the history.
"""

from django.db import transaction
from django.utils import timezone

from desa import notifikasi
from desa.models.laporan import LaporanBulanan, RiwayatLaporan, Status
from desa.periode import Periode, format_tanggal
from desa.scoping import Peran, may_write


class TransisiDitolak(Exception):
    """A transition the state, the role or a stale form does not allow; nothing changed."""


class PeriodeTerkunci(TransisiDitolak):
    """A write to the records of a sent or verified month."""


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


def laporan_kirim(*, desa, jenis, periode, user, nihil=False, keterangan="", versi=None):
    """The operator sends the month's report (or a nihil report with a statement)."""
    if not may_write(user, desa) or user.is_kasi_trantib:
        raise TransisiDitolak("Hanya operator desa yang dapat mengirim laporan desanya.")
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
    if not catatan.strip():
        raise TransisiDitolak("Tulis catatan: apa yang harus diperbaiki desa.")
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
    notifikasi.laporan_dikembalikan(laporan)
    return laporan


def laporan_perpanjang(*, desa, jenis, periode, user, tanggal, alasan):
    """Extend one desa's deadline for one kind and month (before its first send)."""
    if not (user.is_superuser or user.peran == Peran.KASI_TRANTIB) or not may_write(user, desa):
        raise TransisiDitolak("Hanya Kasi Trantib kecamatan ini yang dapat memberi perpanjangan.")
    if not alasan.strip():
        raise TransisiDitolak("Tulis alasan perpanjangan.")
    periode = _periode(periode)
    normal = periode.next().awal.replace(day=desa.kecamatan.hari_batas_waktu)
    if tanggal <= normal:
        raise TransisiDitolak(f"Perpanjangan harus setelah batas waktu biasa ({format_tanggal(normal)}).")
    with transaction.atomic():
        laporan, _ = LaporanBulanan.objects.select_for_update().get_or_create(
            desa=desa, jenis=jenis, periode=periode.awal
        )
        if laporan.is_sent:
            raise TransisiDitolak("Laporan ini sudah pernah dikirim; perpanjangan tidak berlaku lagi.")
        laporan.batas_waktu_perpanjangan = tanggal
        laporan.alasan_perpanjangan = alasan.strip()
        _move(
            laporan,
            laporan.status,
            user,
            "perpanjangan",
            f"Batas waktu diperpanjang sampai {format_tanggal(tanggal)}: {alasan.strip()}",
        )
    return laporan


def _periode(value):
    return value if isinstance(value, Periode) else Periode.of(value)


def _require_verifier(user, laporan):
    is_verifier = user.is_superuser or user.peran == Peran.KASI_TRANTIB
    if not is_verifier or not may_write(user, laporan.desa):
        raise TransisiDitolak("Hanya Kasi Trantib kecamatan ini yang dapat memeriksa laporan.")


def _lock_row(laporan, versi):
    if laporan.pk is None:
        raise TransisiDitolak("Laporan ini belum pernah dikirim.")
    fresh = LaporanBulanan.objects.select_for_update().select_related("desa").get(pk=laporan.pk)
    _check_version(fresh, versi)
    return fresh


def _check_version(laporan, versi):
    if versi is not None and int(versi) != laporan.versi:
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

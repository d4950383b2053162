"""The monthly report ledger: one row per (desa, jenis laporan, periode).

The ledger knows who sent what and when, never the content of a report.
Rules about transitions live in desa.ledger; this module holds the records.
"""

import datetime
import math

from django.conf import settings
from django.db import models

from desa.models.wilayah import Desa
from desa.periode import PeriodeField, end_of_day
from desa.scoping import ScopedQuerySet


class JenisLaporan(models.TextChoices):
    KEPENDUDUKAN = "kependudukan", "Kependudukan"
    EKONOMI = "ekonomi", "Ekonomi"
    LINMAS = "linmas", "Linmas"
    LAPORAN_RT = "laporan_rt", "Laporan RT"


class Status(models.TextChoices):
    """What is stored; the state shown to people also depends on the clock (Keadaan)."""

    BELUM_DIKIRIM = "belum_dikirim", "Belum dikirim"
    DIKIRIM = "dikirim", "Terkirim"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    DIVERIFIKASI = "diverifikasi", "Terverifikasi"


class Keadaan(models.TextChoices):
    """A cell of the compliance grid."""

    BELUM_WAJIB = "belum_wajib", "Belum wajib"  # before the kecamatan began reporting here
    BELUM_JATUH_TEMPO = "belum_jatuh_tempo", "Belum jatuh tempo"
    BELUM_DIKIRIM = "belum_dikirim", "Belum dikirim"
    TEPAT_WAKTU = "tepat_waktu", "Tepat waktu"
    TERLAMBAT = "terlambat", "Terlambat"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    DIVERIFIKASI = "diverifikasi", "Terverifikasi"


class LaporanBulananQuerySet(ScopedQuerySet):
    def of_month(self, periode):
        return self.filter(periode=periode)

    def terkunci(self):
        """Sent or verified now: the month's records are read-only."""
        return self.filter(status__in=[Status.DIKIRIM, Status.DIVERIFIKASI])


class LaporanBulanan(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="laporan_set")
    jenis = models.CharField("jenis laporan", max_length=20, choices=JenisLaporan.choices)
    periode = PeriodeField("periode", help_text="Bulan laporan (disimpan sebagai hari pertamanya).")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.BELUM_DIKIRIM)
    nihil = models.BooleanField("nihil", default=False)
    keterangan = models.TextField("keterangan", blank=True)
    pertama_dikirim_at = models.DateTimeField("pertama dikirim", null=True, blank=True)
    dikirim_at = models.DateTimeField("terakhir dikirim", null=True, blank=True)
    dikirim_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    diverifikasi_at = models.DateTimeField("diverifikasi", null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    catatan_kembali = models.TextField("catatan pengembalian", blank=True)
    batas_waktu_perpanjangan = models.DateField("perpanjangan sampai", null=True, blank=True)
    alasan_perpanjangan = models.TextField("alasan perpanjangan", blank=True)
    # Incremented by every transition; a form carries the version it was shown with,
    # so a stale form posted twice changes nothing.
    versi = models.PositiveIntegerField(default=0)

    scope_desa_path = "desa"
    objects = LaporanBulananQuerySet.as_manager()

    class Meta:
        ordering = ["periode", "desa", "jenis"]
        verbose_name = "laporan bulanan"
        verbose_name_plural = "laporan bulanan"
        constraints = [
            models.UniqueConstraint(
                fields=["desa", "jenis", "periode"], name="satu_laporan_per_desa_jenis_periode"
            ),
        ]
        indexes = [
            models.Index(fields=["periode", "jenis"]),
            # The provinsi overview reads a year of a provinsi's desa by code prefix
            # (desa.kepatuhan.angka_kecamatan): on PostgreSQL a prefix range under each month,
            # answered from the index alone. SQLite ignores the operator class and the INCLUDE.
            models.Index(
                fields=["periode", "desa"],
                name="laporan_periode_desa_idx",
                opclasses=["date_ops", "varchar_pattern_ops"],
                include=["jenis", "pertama_dikirim_at", "batas_waktu_perpanjangan"],
            ),
            # The few reports with an extended deadline, which that count reads one by one.
            models.Index(
                fields=["periode", "desa"],
                name="laporan_perpanjangan_idx",
                condition=models.Q(batas_waktu_perpanjangan__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.desa.nama} {self.periode.label}"

    @property
    def scope_desa(self):
        return self.desa

    def batas_waktu(self, hari_batas_waktu):
        """The first instant after the deadline, extension included."""
        if self.batas_waktu_perpanjangan:
            return end_of_day(self.batas_waktu_perpanjangan)
        return self.periode.batas_waktu(hari_batas_waktu)

    @property
    def is_sent(self):
        return self.pertama_dikirim_at is not None

    @property
    def is_locked(self):
        """A sent or verified month is read-only until it is returned or reopened."""
        return self.status in (Status.DIKIRIM, Status.DIVERIFIKASI)


def keadaan(laporan, batas, now):
    """The grid state of one obligation; `laporan` may be None when nothing was ever recorded.

    Timeliness is decided by the first send only: a re-send after a return is not late.
    """
    status = laporan.status if laporan else Status.BELUM_DIKIRIM
    if status == Status.DIVERIFIKASI:
        return Keadaan.DIVERIFIKASI
    if status == Status.DIKEMBALIKAN:
        return Keadaan.DIKEMBALIKAN
    if status == Status.DIKIRIM:
        return Keadaan.TEPAT_WAKTU if laporan.pertama_dikirim_at < batas else Keadaan.TERLAMBAT
    return Keadaan.BELUM_JATUH_TEMPO if now < batas else Keadaan.BELUM_DIKIRIM


def hari_terlambat(laporan, batas, now):
    """Whole days past the deadline: at the first send, or until now for an unsent report."""
    moment = laporan.pertama_dikirim_at if laporan and laporan.is_sent else now
    if moment < batas:
        return 0
    return math.ceil((moment - batas) / datetime.timedelta(days=1)) or 1


class RiwayatLaporan(models.Model):
    laporan = models.ForeignKey(LaporanBulanan, on_delete=models.CASCADE, related_name="riwayat")
    aksi = models.CharField("aksi", max_length=30)
    dari = models.CharField("dari", max_length=20, choices=Status.choices)
    ke = models.CharField("ke", max_length=20, choices=Status.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField("waktu", auto_now_add=True)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "riwayat laporan"
        verbose_name_plural = "riwayat laporan"

    def __str__(self):
        return f"{self.aksi}: {self.dari} → {self.ke}"


class KomentarLaporan(models.Model):
    """The consultation thread between the desa and the kecamatan about one report."""

    laporan = models.ForeignKey(LaporanBulanan, on_delete=models.CASCADE, related_name="komentar")
    penulis = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    isi = models.TextField("komentar", max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "komentar laporan"
        verbose_name_plural = "komentar laporan"

    def __str__(self):
        return self.isi[:50]


class KirimanFormulir(models.Model):
    """A form's one-time token, taken by the transaction that saves the entry.

    A form posted twice (a double tap, a retry after a lost answer, two tabs, a phone's
    offline queue) carries the same token, so the second post finds this row and is led to
    the saved entry instead of storing it again.
    """

    token = models.UUIDField(primary_key=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    tujuan = models.CharField("alamat entri", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kiriman formulir"
        verbose_name_plural = "kiriman formulir"

    def __str__(self):
        return str(self.token)

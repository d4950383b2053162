"""What a report can prove later: the receipts given at each send and verification, and the
figures a verified month stands on.

`TandaTerima` is written by desa.tanda_terima inside the transaction of the send or the
verification it records; `CuplikanAngka` by desa.cuplikan inside the verification, and set aside
(never deleted) when the month is reopened or returned, so its history stays.
"""

from django.conf import settings
from django.db import models

from desa.models.laporan import LaporanBulanan


class AksiTandaTerima(models.TextChoices):
    KIRIM = "kirim", "Pengiriman"
    VERIFIKASI = "verifikasi", "Verifikasi"


class TandaTerima(models.Model):
    """One receipt: the report as it stood when it was sent or verified."""

    laporan = models.ForeignKey(LaporanBulanan, on_delete=models.CASCADE, related_name="tanda_terima")
    aksi = models.CharField("aksi", max_length=12, choices=AksiTandaTerima.choices)
    versi = models.PositiveIntegerField("versi laporan")
    waktu = models.DateTimeField("waktu")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nama_oleh = models.CharField("oleh", max_length=150, blank=True)
    pertama_dikirim_at = models.DateTimeField("pertama dikirim", null=True, blank=True)
    diverifikasi_at = models.DateTimeField("diverifikasi", null=True, blank=True)
    nihil = models.BooleanField("nihil", default=False)
    # SHA-256 (hex) of the report's figures at that moment, in canonical JSON.
    ringkasan_isi = models.CharField("ringkasan isi (SHA-256)", max_length=64)
    isi = models.JSONField("isi", default=dict, blank=True)

    class Meta:
        ordering = ["laporan", "waktu", "pk"]
        verbose_name = "tanda terima"
        verbose_name_plural = "tanda terima"

    def __str__(self):
        return f"{self.get_aksi_display()} {self.laporan}"


class CuplikanAngka(models.Model):
    """The numbers a verified month's report shows, stored when it was verified.

    At most one is in force per report (`dicabut_at` empty); reopening or returning the month
    sets it aside with the time and the reason, and the next verification stores a new one.
    """

    laporan = models.ForeignKey(LaporanBulanan, on_delete=models.CASCADE, related_name="cuplikan")
    angka = models.JSONField("angka", default=dict)
    versi = models.PositiveIntegerField("versi laporan")
    dibuat_at = models.DateTimeField("disimpan")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dicabut_at = models.DateTimeField("dicabut", null=True, blank=True)
    alasan_dicabut = models.CharField("alasan dicabut", max_length=500, blank=True)

    class Meta:
        ordering = ["laporan", "dibuat_at", "pk"]
        verbose_name = "cuplikan angka"
        verbose_name_plural = "cuplikan angka"
        constraints = [
            models.UniqueConstraint(
                fields=["laporan"],
                condition=models.Q(dicabut_at__isnull=True),
                name="cuplikan_berlaku_satu",
            )
        ]

    def __str__(self):
        return f"Cuplikan {self.laporan}"

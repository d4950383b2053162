"""The reminders the worker sent by itself: one row per kecamatan, month and stage, so a restart
(or a second worker) never sends the same reminder twice."""

from django.db import models

from desa.models import Kecamatan
from desa.periode import PeriodeField


class Tahap(models.TextChoices):
    SEBELUM = "sebelum", "Sebelum batas waktu"
    HARI_BATAS = "hari_batas", "Hari batas waktu"
    SESUDAH = "sesudah", "Sesudah batas waktu (teguran)"


class PengingatTerjadwal(models.Model):
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.CASCADE, related_name="pengingat_terjadwal")
    periode = PeriodeField("periode")
    tahap = models.CharField("tahap", max_length=12, choices=Tahap.choices)
    tanggal = models.DateField("tanggal kirim")
    jumlah_email = models.PositiveIntegerField("jumlah e-mail", null=True)  # None: claimed, not sent
    jumlah_desa = models.PositiveIntegerField("jumlah desa", default=0)
    created_at = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "kecamatan"]
        verbose_name = "pengingat terjadwal"
        verbose_name_plural = "pengingat terjadwal"
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "periode", "tahap"], name="satu_pengingat_per_tahap")
        ]

    def __str__(self):
        return f"{self.kecamatan} {self.periode.label} {self.get_tahap_display()}"

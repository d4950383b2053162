"""A long piece of work done off the request path (a recap workbook, a large import), with its progress.

This row is the truth about the work; the django-tasks row that wakes a worker is only a
doorbell (desa.latar explains why). It lives on the first floor because every floor above
asks for background work: the imports (floor 2) and the recap (floor 3).
"""

import uuid

from django.conf import settings
from django.db import models


class StatusTugas(models.TextChoices):
    ANTRE = "antre", "Menunggu giliran"
    BERJALAN = "berjalan", "Sedang dikerjakan"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


AKTIF = [StatusTugas.ANTRE, StatusTugas.BERJALAN]


class TugasQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(status__in=AKTIF)


class Tugas(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField("jenis", max_length=30)
    params = models.JSONField("parameter", default=dict)
    # What makes two requests the same work: asking again while it runs joins it.
    dedup_key = models.CharField(max_length=200)
    # The data versions the work was asked for at (Desa.versi_data): a finished file is reused
    # only while they hold.
    versi_data = models.CharField(max_length=100, blank=True)
    judul = models.CharField("judul", max_length=200)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tugas_set",
        verbose_name="diminta oleh",
    )
    status = models.CharField("status", max_length=10, choices=StatusTugas.choices, default=StatusTugas.ANTRE)
    attempts = models.PositiveSmallIntegerField("percobaan", default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    lease_token = models.UUIDField(null=True, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    langkah_selesai = models.PositiveIntegerField("langkah selesai", default=0)
    langkah_total = models.PositiveIntegerField("jumlah langkah", default=0)
    langkah_sekarang = models.CharField("sedang mengerjakan", max_length=100, blank=True)
    galat = models.TextField("pesan galat", blank=True)
    berkas = models.CharField("berkas", max_length=200, blank=True)  # under settings.TUGAS_ROOT
    nama_berkas = models.CharField("nama berkas", max_length=200, blank=True)
    hasil = models.JSONField("hasil", default=dict, blank=True)  # what the handler returned besides the file
    created_at = models.DateTimeField("waktu", auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = TugasQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "tugas latar"
        verbose_name_plural = "tugas latar"
        constraints = [
            # One running piece of work per key, whoever asks and however fast.
            models.UniqueConstraint(
                fields=["dedup_key"], condition=models.Q(status__in=AKTIF), name="satu_tugas_aktif_per_kunci"
            )
        ]
        indexes = [models.Index(fields=["status", "lease_expires_at"], name="tugas_status_sewa_idx")]

    def __str__(self):
        return f"{self.judul} ({self.get_status_display()})"

    @property
    def persen(self):
        if self.status == StatusTugas.SELESAI:
            return 100
        if not self.langkah_total:
            return 0
        return min(99, round(100 * self.langkah_selesai / self.langkah_total))

    @property
    def aktif(self):
        return self.status in AKTIF

"""Uploaded import workbooks, kept privately between their preview and their confirmation."""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


class StatusImpor(models.TextChoices):
    DITOLAK = "ditolak", "Ada kesalahan"
    SIAP = "siap", "Siap disimpan"
    TIDAK_ADA_BARU = "tidak_ada_baru", "Tidak ada data baru"
    DISIMPAN = "disimpan", "Disimpan"
    # A large workbook is checked and saved by a background worker (kependudukan.impor.latar).
    DIPERIKSA = "diperiksa", "Sedang diperiksa"
    MENYIMPAN = "menyimpan", "Sedang disimpan"


SEDANG_DIKERJAKAN = [StatusImpor.DIPERIKSA, StatusImpor.MENYIMPAN]


class ImporQuerySet(models.QuerySet):
    def for_user(self, user):
        """An upload belongs to the person who made it; nobody else may preview or confirm it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pengguna=user)

    def stale(self):
        return self.filter(created_at__lt=timezone.now() - datetime.timedelta(days=1))


class BerkasUnggahan(models.Model):
    """What every uploaded import keeps: who sent which file, and what checking it found."""

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Under MEDIA_ROOT, which is never served publicly; deleted once the import is saved.
    # Subclasses set the folder (upload_to).
    berkas = models.FileField(blank=True)
    nama_berkas = models.CharField("nama berkas", max_length=255)
    status = models.CharField("status", max_length=20, choices=StatusImpor.choices)
    hasil = models.JSONField("hasil pemeriksaan", default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    disimpan_at = models.DateTimeField(null=True, blank=True)
    # The background task checking or saving a large workbook; its progress shows on the preview.
    tugas = models.ForeignKey(
        "desa.Tugas", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="tugas"
    )

    objects = ImporQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return self.nama_berkas

    @property
    def sedang_dikerjakan(self):
        return self.status in SEDANG_DIKERJAKAN

    def discard_file(self):
        """Forget the uploaded file; it is deleted once the transaction that forgets it commits,
        so a save that rolls back still has its file to retry with."""
        if self.berkas:
            name, storage = self.berkas.name, self.berkas.storage
            self.berkas = ""
            transaction.on_commit(lambda: storage.delete(name))


class ImporBerkas(BerkasUnggahan):
    """An uploaded impor-kependudukan.xlsx, kept privately between its preview and its confirmation."""

    berkas = models.FileField(upload_to="impor-kependudukan/%Y/%m/", blank=True)

    class Meta(BerkasUnggahan.Meta):
        verbose_name = "impor kependudukan"
        verbose_name_plural = "impor kependudukan"


class ImporPenduduk(BerkasUnggahan):
    """An uploaded SIAK/BIP or OpenSID population export, kept privately until it is confirmed."""

    berkas = models.FileField(upload_to="impor-penduduk/%Y/%m/", blank=True)

    class Meta(BerkasUnggahan.Meta):
        verbose_name = "impor penduduk (SIAK/BIP/OpenSID)"
        verbose_name_plural = "impor penduduk (SIAK/BIP/OpenSID)"

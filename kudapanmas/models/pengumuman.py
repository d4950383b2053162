"""Announcements (pengumuman) the Kasi Trantib posts to the operators of the kecamatan."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from desa.models import Kecamatan


class PengumumanQuerySet(models.QuerySet):
    def for_user(self, user):
        """Announcements of every kecamatan the user may see (a desa's operator: its kecamatan)."""
        return self.filter(kecamatan__in=Kecamatan.objects.for_user(user))

    def aktif(self, today=None):
        return self.filter(berlaku_sampai__gte=today or timezone.localdate())


class Pengumuman(models.Model):
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.CASCADE, related_name="pengumuman_set")
    judul = models.CharField("judul", max_length=150)
    isi = models.TextField("isi", max_length=3000)
    tautan = models.URLField("tautan (opsional)", blank=True, help_text="Misalnya video panduan.")
    lampiran = models.FileField(
        "lampiran PDF (opsional)",
        upload_to="pengumuman/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"], "Lampiran harus berkas PDF.")],
    )
    berlaku_sampai = models.DateField("tampil sampai tanggal")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("dibuat", auto_now_add=True)

    objects = PengumumanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "pengumuman"
        verbose_name_plural = "pengumuman"

    def __str__(self):
        return self.judul

    def get_absolute_url(self):
        return reverse("kudapanmas:pengumuman", args=[self.kecamatan_id])

    @property
    def lampiran_url(self):
        return reverse("kudapanmas:pengumuman_lampiran", args=[self.pk]) if self.lampiran else ""

    def is_active(self, today=None):
        return self.berlaku_sampai >= (today or timezone.localdate())

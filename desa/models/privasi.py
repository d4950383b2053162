"""Who looked at a person's full NIK, for the records the law asks to keep (UU 27/2022, PDP)."""

from django.conf import settings
from django.db import models

from desa.models.wilayah import Desa


class AksesNIK(models.Model):
    """One view of a record's full NIK by a role above the desa (Kasi Trantib, Camat, Kabupaten)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nama_pengguna = models.CharField("pengguna", max_length=150)
    created_at = models.DateTimeField("waktu", auto_now_add=True)
    desa = models.ForeignKey(Desa, on_delete=models.SET_NULL, null=True, related_name="+")
    jenis_data = models.CharField("jenis data", max_length=50)
    objek_id = models.CharField("nomor data", max_length=40)
    keterangan = models.CharField("keterangan", max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "akses NIK"
        verbose_name_plural = "akses NIK"
        indexes = [models.Index(fields=["desa", "created_at"])]

    def __str__(self):
        return f"{self.nama_pengguna}: {self.jenis_data} {self.objek_id}"

"""The desa's residents as its own system has them (a SIAK/BIP or OpenSID export): a reference
list, used only to pre-fill the MATI and PINDAH forms by NIK and to warn when a LAHIR or DATANG
NIK already lives in the desa.

It never counts: the B.3 numbers come from the data awal and the recorded events alone. Each
upload replaces a desa's list whole (kependudukan.impor.luar), inside one transaction.
"""

from django.conf import settings
from django.db import models

from desa.models import Desa
from desa.scoping import ScopedQuerySet
from kependudukan.models.peristiwa import JenisKelamin, Kewarganegaraan


class SumberRujukan(models.TextChoices):
    SIAK = "siak", "SIAK (Dukcapil)"
    BIP = "bip", "BIP (Dukcapil)"
    OPENSID = "opensid", "OpenSID"


class DaftarRujukan(models.Model):
    """One desa's current reference list: where it came from and when."""

    desa = models.OneToOneField(Desa, on_delete=models.CASCADE, related_name="daftar_rujukan")
    sumber = models.CharField("sumber", max_length=10, choices=SumberRujukan.choices)
    nama_berkas = models.CharField("nama berkas", max_length=255, blank=True)
    tanggal_data = models.DateField("keadaan per tanggal")
    jumlah = models.PositiveIntegerField("jumlah penduduk", default=0)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diunggah_at = models.DateTimeField("diunggah", auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_desa_path = "desa"

    class Meta:
        verbose_name = "daftar penduduk rujukan"
        verbose_name_plural = "daftar penduduk rujukan"

    def __str__(self):
        return f"Rujukan {self.desa} ({self.get_sumber_display()})"


class PendudukRujukan(models.Model):
    daftar = models.ForeignKey(DaftarRujukan, on_delete=models.CASCADE, related_name="penduduk")
    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="+")
    nik = models.CharField("NIK", max_length=16)
    no_kk = models.CharField("No. KK", max_length=16, blank=True)
    nama = models.CharField("nama", max_length=100)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices, blank=True)
    tanggal_lahir = models.DateField("tanggal lahir", null=True, blank=True)
    tempat_lahir = models.CharField("tempat lahir", max_length=100, blank=True)
    nomor_rt = models.PositiveSmallIntegerField("RT", null=True, blank=True)
    kepala_keluarga = models.BooleanField("kepala keluarga", default=False)
    kewarganegaraan = models.CharField(
        "kewarganegaraan", max_length=3, choices=Kewarganegaraan.choices, default=Kewarganegaraan.WNI
    )

    objects = ScopedQuerySet.as_manager()
    scope_desa_path = "desa"

    class Meta:
        ordering = ["desa", "no_kk", "nama"]
        verbose_name = "penduduk rujukan"
        verbose_name_plural = "penduduk rujukan"
        constraints = [models.UniqueConstraint(fields=["desa", "nik"], name="rujukan_nik_unik_per_desa")]

    def __str__(self):
        return self.nama

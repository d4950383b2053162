"""The guests of an RT report (the B.4 book's wajib lapor)."""

from django.db import models

from desa.scoping import ScopedQuerySet
from laporan_rt.models.laporan import LaporanRT


class TamuWajibLapor(models.Model):
    """A guest staying more than 24 hours in the RT (the B.4 book's wajib lapor)."""

    laporan = models.ForeignKey(LaporanRT, on_delete=models.CASCADE, related_name="tamu")
    nama = models.CharField("nama", max_length=100)
    nomor_identitas = models.CharField(
        "NIK/nomor identitas", max_length=30, help_text="NIK (16 angka) atau nomor paspor tamu asing."
    )
    asal = models.CharField("asal (alamat)", max_length=200)
    keperluan = models.CharField("keperluan", max_length=200)
    tanggal_datang = models.DateField("tanggal datang")
    tanggal_pergi = models.DateField(
        "tanggal pergi", null=True, blank=True, help_text="Kosong: masih tinggal."
    )

    scope_desa_path = "laporan__desa"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["tanggal_datang", "pk"]
        verbose_name = "tamu wajib lapor"
        verbose_name_plural = "tamu wajib lapor"

    def __str__(self):
        return self.nama

    @property
    def scope_desa(self):
        return self.laporan.desa

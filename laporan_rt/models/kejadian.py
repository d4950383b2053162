"""The incidents of an RT report."""

from django.db import models

from desa.scoping import ScopedQuerySet
from laporan_rt.models.laporan import LaporanRT


class JenisKejadian(models.TextChoices):
    PENCURIAN = "pencurian", "Pencurian"
    PERKELAHIAN = "perkelahian", "Perkelahian/keributan"
    KEBAKARAN = "kebakaran", "Kebakaran"
    BENCANA = "bencana", "Bencana alam (banjir, longsor, angin)"
    KECELAKAAN = "kecelakaan", "Kecelakaan"
    LAINNYA = "lainnya", "Lainnya"


class KejadianRT(models.Model):
    """A security or disaster incident in the RT during the month."""

    laporan = models.ForeignKey(LaporanRT, on_delete=models.CASCADE, related_name="kejadian")
    jenis = models.CharField("jenis kejadian", max_length=20, choices=JenisKejadian.choices)
    tanggal = models.DateField("tanggal")
    uraian = models.CharField("uraian singkat", max_length=500)

    scope_desa_path = "laporan__desa"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["tanggal", "pk"]
        verbose_name = "kejadian di RT"
        verbose_name_plural = "kejadian di RT"

    def __str__(self):
        return f"{self.get_jenis_display()} ({self.tanggal:%d-%m-%Y})"

    @property
    def scope_desa(self):
        return self.laporan.desa

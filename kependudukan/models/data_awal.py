"""A desa's population at the start of its first month, and reasoned corrections after it.

Every later month follows from events: awal of month M+1 is akhir of month M. A real-world
discrepancy is a Koreksi counted in its own month, never an edit of an old month.
"""

from django.conf import settings
from django.db import models

from desa.models import Desa
from desa.models.laporan import JenisLaporan, LaporanBulanan
from desa.periode import Periode, PeriodeField
from desa.scoping import ScopedQuerySet


class DataAwal(models.Model):
    desa = models.OneToOneField(Desa, on_delete=models.PROTECT, related_name="data_awal_kependudukan")
    periode = PeriodeField("bulan pertama", help_text="Bulan pertama yang dilaporkan.")
    wni_l = models.PositiveIntegerField("WNI laki-laki")
    wni_p = models.PositiveIntegerField("WNI perempuan")
    wna_l = models.PositiveIntegerField("WNA laki-laki", default=0)
    wna_p = models.PositiveIntegerField("WNA perempuan", default=0)
    jumlah_kk = models.PositiveIntegerField("jumlah KK")
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "data awal kependudukan"
        verbose_name_plural = "data awal kependudukan"

    def __str__(self):
        return f"Data awal {self.desa.nama} {self.periode.label}"

    @property
    def scope_desa(self):
        return self.desa

    @property
    def jumlah_jiwa(self):
        return self.wni_l + self.wni_p + self.wna_l + self.wna_p

    @staticmethod
    def is_frozen(desa):
        """Data awal changes only while none of the desa's Kependudukan months has been sent."""
        return LaporanBulanan.objects.filter(
            desa=desa, jenis=JenisLaporan.KEPENDUDUKAN, pertama_dikirim_at__isnull=False
        ).exists()


class Koreksi(models.Model):
    """A signed change of the counts, with its reason, counted in the month of its tanggal lapor."""

    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="koreksi_kependudukan_set")
    tanggal_lapor = models.DateField("tanggal koreksi")
    periode = PeriodeField("periode", editable=False)
    wni_l = models.IntegerField("WNI laki-laki", default=0)
    wni_p = models.IntegerField("WNI perempuan", default=0)
    wna_l = models.IntegerField("WNA laki-laki", default=0)
    wna_p = models.IntegerField("WNA perempuan", default=0)
    jumlah_kk = models.IntegerField("jumlah KK", default=0)
    alasan = models.CharField("alasan", max_length=500)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_desa_path = "desa"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["tanggal_lapor", "pk"]
        verbose_name = "koreksi kependudukan"
        verbose_name_plural = "koreksi kependudukan"
        indexes = [models.Index(fields=["desa", "periode"])]

    def __str__(self):
        return f"Koreksi {self.desa.nama} {self.periode.label}: {self.alasan[:40]}"

    def save(self, *args, **kwargs):
        self.periode = Periode.of(self.tanggal_lapor)
        super().save(*args, **kwargs)

    @property
    def scope_desa(self):
        return self.desa

    @property
    def ringkasan(self):
        """+2 WNI L, -1 KK: the non-zero changes, signed."""
        parts = [
            (self.wna_l, "WNA L"),
            (self.wna_p, "WNA P"),
            (self.wni_l, "WNI L"),
            (self.wni_p, "WNI P"),
            (self.jumlah_kk, "KK"),
        ]
        return ", ".join(f"{value:+d} {label}" for value, label in parts if value)

"""Incidents (kejadian) the desa's Linmas met in a month and what was done about them."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse

from desa.models import RT, Desa
from desa.periode import WITA, Periode
from desa.scoping import ScopedQuerySet


class JenisKejadian(models.TextChoices):
    KRIMINALITAS = "kriminalitas", "Kriminalitas"
    KONFLIK_WARGA = "konflik_warga", "Konflik/perselisihan antarwarga"
    KONFLIK_DESA = "konflik_desa", "Konflik/perselisihan antardesa"
    BENCANA_ALAM = "bencana_alam", "Bencana alam"
    KEBAKARAN = "kebakaran", "Kebakaran"
    KECELAKAAN = "kecelakaan", "Kecelakaan"
    LAINNYA = "lainnya", "Lainnya"


class Penyerahan(models.TextChoices):
    TIDAK = "tidak", "Tidak diserahkan (selesai di desa)"
    POLISI = "polisi", "Diserahkan ke kepolisian"
    INSTANSI_LAIN = "instansi_lain", "Diserahkan ke instansi lain"


class KejadianQuerySet(ScopedQuerySet):
    def of_month(self, periode):
        start, end = month_bounds(periode)
        return self.filter(waktu__gte=start, waktu__lt=end)


def month_bounds(periode):
    """The month as [start, end) instants, WITA: an incident at 23.30 on the 31st belongs to that month."""
    start = datetime.datetime.combine(periode.awal, datetime.time(), tzinfo=WITA)
    end = datetime.datetime.combine(periode.next().awal, datetime.time(), tzinfo=WITA)
    return start, end


class Kejadian(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="kejadian_linmas_set")
    waktu = models.DateTimeField("tanggal dan jam kejadian")
    jenis = models.CharField("jenis kejadian", max_length=20, choices=JenisKejadian.choices)
    jenis_lainnya = models.CharField(
        "jenis kejadian lainnya", max_length=100, blank=True, help_text="Diisi bila jenisnya “Lainnya”."
    )
    tempat = models.CharField("tempat", max_length=200)
    rt = models.ForeignKey(RT, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="RT")
    uraian = models.TextField("apa yang terjadi", max_length=3000)
    tindakan = models.TextField("tindakan yang diambil", max_length=3000)
    korban_meninggal = models.PositiveIntegerField("korban meninggal (orang)", default=0)
    korban_luka = models.PositiveIntegerField("korban luka (orang)", default=0)
    kerugian = models.CharField(
        "kerugian", max_length=300, blank=True, help_text="Misalnya: 1 rumah terbakar, taksiran Rp15.000.000."
    )
    penyerahan = models.CharField(
        "diserahkan kepada", max_length=20, choices=Penyerahan.choices, default=Penyerahan.TIDAK
    )
    instansi = models.CharField(
        "nama instansi",
        max_length=150,
        blank=True,
        help_text="Misalnya Polsek Paringin, BPBD, Damkar. Wajib bila diserahkan ke instansi lain.",
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = KejadianQuerySet.as_manager()

    class Meta:
        ordering = ["desa", "waktu", "pk"]
        verbose_name = "kejadian"
        verbose_name_plural = "kejadian"
        indexes = [models.Index(fields=["desa", "waktu"])]

    def __str__(self):
        return f"{self.jenis_label} {self.waktu.astimezone(WITA):%d-%m-%Y %H.%M}"

    def get_absolute_url(self):
        return reverse("linmas:kejadian_update", args=[self.desa_id, self.pk])

    @property
    def scope_desa(self):
        return self.desa

    @property
    def periode(self):
        return Periode.of(self.waktu.astimezone(WITA).date())

    @property
    def jenis_label(self):
        if self.jenis == JenisKejadian.LAINNYA and self.jenis_lainnya:
            return f"Lainnya: {self.jenis_lainnya}"
        return self.get_jenis_display()

    @property
    def penyerahan_label(self):
        if self.penyerahan == Penyerahan.TIDAK:
            return "Tidak diserahkan"
        if self.instansi:
            return f"Diserahkan ke {self.instansi}"
        return self.get_penyerahan_display()

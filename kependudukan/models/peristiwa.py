"""Population events (peristiwa kependudukan) and their change history.

The app records changes, not a population register: a MATI or PINDAH needs no earlier
record of the person. An event counts in the month of its tanggal lapor (`periode`).
"""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse

from desa.models import Desa
from desa.periode import Periode, PeriodeField
from desa.scoping import ScopedQuerySet


class JenisPeristiwa(models.TextChoices):
    LAHIR = "LAHIR", "Lahir"
    MATI = "MATI", "Meninggal"
    DATANG = "DATANG", "Datang"
    PINDAH = "PINDAH", "Pindah"


class JenisKelamin(models.TextChoices):
    L = "L", "Laki-laki"
    P = "P", "Perempuan"


class Kewarganegaraan(models.TextChoices):
    WNI = "WNI", "WNI"
    WNA = "WNA", "WNA"


class TingkatPindah(models.TextChoices):
    ANTAR_DESA = "antar_desa", "Antar desa dalam kecamatan"
    ANTAR_KECAMATAN = "antar_kecamatan", "Antar kecamatan"
    ANTAR_KABUPATEN = "antar_kabupaten", "Antar kabupaten"
    ANTAR_PROVINSI = "antar_provinsi", "Antar provinsi"


class SebabKematian(models.TextChoices):
    SAKIT = "sakit", "Sakit biasa/tua"
    WABAH = "wabah", "Wabah penyakit"
    KECELAKAAN = "kecelakaan", "Kecelakaan"
    KRIMINALITAS = "kriminalitas", "Kriminalitas"
    BUNUH_DIRI = "bunuh_diri", "Bunuh diri"
    LAINNYA = "lainnya", "Lainnya"


def month_before(day):
    """The same day one month earlier, clamped to the end of a shorter month."""
    year, month = (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def identity_key(nik, nama):
    """What makes two rows the same event (with desa, kind and date): the NIK, else the name."""
    nik = (nik or "").strip()
    if nik:
        return nik
    return "nama:" + " ".join((nama or "").lower().split())


AWAITING_PARTNER = models.Q(
    jenis__in=[JenisPeristiwa.PINDAH, JenisPeristiwa.DATANG],
    desa_asal_tujuan__isnull=False,
    pasangan__isnull=True,
)  # see PeristiwaQuerySet.awaiting_partner


class PeristiwaQuerySet(ScopedQuerySet):
    def of_month(self, periode):
        return self.filter(periode=periode)

    def in_desa(self, desa_list):
        return self.filter(desa_id__in=[getattr(desa, "pk", desa) for desa in desa_list])

    def awaiting_partner(self):
        """Moves whose other desa is in the system but whose other half is not recorded."""
        return self.filter(AWAITING_PARTNER)


class Peristiwa(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="peristiwa_set")
    jenis = models.CharField("jenis peristiwa", max_length=10, choices=JenisPeristiwa.choices)
    nomor_rt = models.PositiveSmallIntegerField("RT", null=True, blank=True)
    tanggal_peristiwa = models.DateField("tanggal peristiwa")
    tanggal_lapor = models.DateField(
        "tanggal lapor", help_text="Tanggal desa mencatat peristiwa; bulannya menentukan laporan."
    )
    periode = PeriodeField("periode", editable=False, help_text="Bulan tanggal lapor.")
    nik = models.CharField("NIK", max_length=16, blank=True)
    no_kk = models.CharField("No. KK", max_length=16, blank=True)
    nama = models.CharField("nama", max_length=100)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    tanggal_lahir = models.DateField("tanggal lahir", null=True, blank=True)
    kewarganegaraan = models.CharField(
        "kewarganegaraan", max_length=3, choices=Kewarganegaraan.choices, default=Kewarganegaraan.WNI
    )
    kepala_keluarga = models.BooleanField(
        "kepala keluarga", default=False, help_text="Datang/pindahnya kepala keluarga menambah/mengurangi KK."
    )
    # LAHIR
    tempat_lahir = models.CharField("tempat lahir", max_length=100, blank=True)
    nama_ayah = models.CharField("nama ayah", max_length=100, blank=True)
    nama_ibu = models.CharField("nama ibu", max_length=100, blank=True)
    # MATI (the date of death is the tanggal peristiwa)
    tempat_meninggal = models.CharField("tempat meninggal", max_length=100, blank=True)
    sebab_kematian = models.CharField(
        "sebab kematian", max_length=20, choices=SebabKematian.choices, blank=True
    )
    # DATANG: where from; PINDAH: where to
    alamat_asal_tujuan = models.CharField("alamat asal/tujuan", max_length=255, blank=True)
    desa_asal_tujuan = models.ForeignKey(
        Desa,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="peristiwa_asal_tujuan_set",
        verbose_name="desa asal/tujuan",
    )
    tingkat_pindah = models.CharField(
        "tujuan pindah", max_length=20, choices=TingkatPindah.choices, blank=True
    )
    # The other half of a move between two desa in the system (kependudukan.pindah).
    pasangan = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    keterangan = models.CharField("keterangan", max_length=500, blank=True)
    peringatan = models.JSONField("peringatan NIK", default=list, blank=True, editable=False)
    kunci = models.CharField(max_length=110, editable=False)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = PeristiwaQuerySet.as_manager()

    class Meta:
        ordering = ["tanggal_lapor", "pk"]
        verbose_name = "peristiwa kependudukan"
        verbose_name_plural = "peristiwa kependudukan"
        constraints = [
            models.UniqueConstraint(
                fields=["desa", "jenis", "kunci", "tanggal_peristiwa"], name="peristiwa_tidak_ganda"
            ),
            # A person dies once: the form and the import say so first, under the desa's lock.
            models.UniqueConstraint(
                fields=["desa", "nik"],
                condition=models.Q(jenis="MATI") & ~models.Q(nik=""),
                name="peristiwa_mati_sekali_per_nik",
            ),
        ]
        indexes = [
            models.Index(fields=["desa", "periode"]),
            models.Index(fields=["nik"]),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()}: {self.nama} ({self.tanggal_peristiwa:%d-%m-%Y})"

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kependudukan:peristiwa_detail", args=[self.desa_id, self.pk])

    def fill_derived_fields(self):
        """Set what follows from other fields; bulk_create callers call this themselves."""
        self.periode = Periode.of(self.tanggal_lapor)
        self.kunci = identity_key(self.nik, self.nama)
        if self.jenis == JenisPeristiwa.LAHIR:
            self.tanggal_lahir = self.tanggal_peristiwa
        if self.jenis not in (JenisPeristiwa.DATANG, JenisPeristiwa.PINDAH):
            self.kepala_keluarga = False

    @property
    def scope_desa(self):
        return self.desa

    @property
    def terlambat(self):
        """A late registration: the event happened more than a month before it was recorded."""
        return self.tanggal_peristiwa < month_before(self.tanggal_lapor)

    @property
    def is_move(self):
        return self.jenis in (JenisPeristiwa.DATANG, JenisPeristiwa.PINDAH)

    @property
    def belum_cocok(self):
        """A move between two desa in the system whose other half is not recorded (yet)."""
        return self.is_move and self.desa_asal_tujuan_id is not None and self.pasangan_id is None

    @property
    def label_asal_tujuan(self):
        return "Asal" if self.jenis == JenisPeristiwa.DATANG else "Tujuan"


class AksiRiwayat(models.TextChoices):
    DIBUAT = "dibuat", "Dicatat"
    DIIMPOR = "diimpor", "Diimpor dari Excel"
    DIUBAH = "diubah", "Diubah"
    DIHAPUS = "dihapus", "Dihapus"


class RiwayatPeristiwa(models.Model):
    """Who changed an event, when, and what changed; kept after the event is deleted."""

    peristiwa = models.ForeignKey(
        Peristiwa, on_delete=models.SET_NULL, null=True, blank=True, related_name="riwayat"
    )
    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="+")
    aksi = models.CharField("aksi", max_length=10, choices=AksiRiwayat.choices)
    ringkasan = models.CharField("peristiwa", max_length=200)
    perubahan = models.JSONField("perubahan", default=list, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("waktu", auto_now_add=True)

    scope_desa_path = "desa"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "riwayat peristiwa"
        verbose_name_plural = "riwayat peristiwa"

    def __str__(self):
        return f"{self.get_aksi_display()}: {self.ringkasan}"

    @property
    def scope_desa(self):
        return self.desa

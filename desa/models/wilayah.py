import re

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse

from desa.periode import PeriodeField
from desa.scoping import ScopedQuerySet, desa_scope

KODE_PROVINSI = RegexValidator(r"^\d{2}$", "Kode provinsi berbentuk PP, misalnya 63.")
KODE_KABUPATEN = RegexValidator(r"^\d{2}\.\d{2}$", "Kode kabupaten/kota berbentuk PP.KK, misalnya 63.11.")
KODE_KECAMATAN = RegexValidator(
    r"^\d{2}\.\d{2}\.\d{2}$", "Kode kecamatan berbentuk PP.KK.CC, misalnya 63.11.06."
)
# The fourth part starts with 1 for a kelurahan, 2 for a desa and 3 for a desa adat (Papua).
KODE_DESA = RegexValidator(
    r"^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$",
    "Kode desa berbentuk PP.KK.CC.DDDD dan diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat), "
    "misalnya 63.11.06.2005.",
)
KODE_DESA_PATTERN = re.compile(KODE_DESA.regex.pattern)


class Provinsi(models.Model):
    kode = models.CharField("kode", max_length=2, primary_key=True, validators=[KODE_PROVINSI])
    nama = models.CharField("nama", max_length=100)

    class Meta:
        ordering = ["kode"]
        verbose_name = "provinsi"
        verbose_name_plural = "provinsi"

    def __str__(self):
        return f"Provinsi {self.nama}"


class Kabupaten(models.Model):
    """A kabupaten or a kota: both are the second level of the Kemendagri codes."""

    class Jenis(models.TextChoices):
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"

    kode = models.CharField("kode", max_length=5, primary_key=True, validators=[KODE_KABUPATEN])
    provinsi = models.ForeignKey(Provinsi, on_delete=models.PROTECT, related_name="kabupaten_set")
    nama = models.CharField("nama", max_length=100)
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.KABUPATEN)

    class Meta:
        ordering = ["kode"]
        verbose_name = "kabupaten/kota"
        verbose_name_plural = "kabupaten/kota"

    def __str__(self):
        return f"{self.get_jenis_display()} {self.nama}"


class KecamatanQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(pk__in=Desa.objects.for_user(user).values("kecamatan_id"))


class Kecamatan(models.Model):
    kode = models.CharField("kode", max_length=8, primary_key=True, validators=[KODE_KECAMATAN])
    kabupaten = models.ForeignKey(Kabupaten, on_delete=models.PROTECT, related_name="kecamatan_set")
    nama = models.CharField("nama", max_length=100)
    hari_batas_waktu = models.PositiveSmallIntegerField(
        "batas waktu (tanggal di bulan berikutnya)",
        default=5,
        # 28 at most: every month has that day, so the deadline always exists.
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text="Laporan bulan M harus dikirim paling lambat akhir tanggal ini pada bulan M+1 (WITA).",
    )
    jenis_laporan_wajib = models.JSONField(
        "jenis laporan wajib",
        default=list,
        blank=True,
        help_text="Kosong berarti semua jenis laporan yang sudah tersedia.",
    )
    nama_camat = models.CharField("nama camat", max_length=100, blank=True)
    nip_camat = models.CharField("NIP camat", max_length=30, blank=True)
    # The first day of the first month the desa report through KUDAPANMAS; before it nothing is
    # required (the reports went on paper or elsewhere). Empty: every month is required.
    mulai_pelaporan = PeriodeField("bulan pertama pelaporan", null=True, blank=True)
    # Reminders the worker sends by itself (kudapanmas.pengingat_jadwal), to the operators of the
    # desa whose report is not sent yet; 0 turns one off.
    pengingat_hari_sebelum = models.PositiveSmallIntegerField(
        "pengingat sebelum batas waktu (hari)", default=3, validators=[MaxValueValidator(20)]
    )
    pengingat_hari_batas = models.BooleanField("pengingat pada hari batas waktu", default=True)
    pengingat_hari_sesudah = models.PositiveSmallIntegerField(
        "teguran sesudah batas waktu (hari)", default=3, validators=[MaxValueValidator(20)]
    )

    objects = KecamatanQuerySet.as_manager()

    class Meta:
        ordering = ["kode"]
        verbose_name = "kecamatan"
        verbose_name_plural = "kecamatan"

    def __str__(self):
        return f"Kecamatan {self.nama}"

    def wajib_lapor(self, periode):
        """Whether the desa must report `periode` through KUDAPANMAS (not before the start month)."""
        return self.mulai_pelaporan is None or periode >= self.mulai_pelaporan


class Desa(models.Model):
    class Jenis(models.TextChoices):
        DESA = "desa", "Desa"
        KELURAHAN = "kelurahan", "Kelurahan"

    kode = models.CharField("kode", max_length=13, primary_key=True, validators=[KODE_DESA])
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, related_name="desa_set")
    nama = models.CharField("nama", max_length=100)
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    nama_kepala = models.CharField("nama kepala desa/lurah", max_length=100, blank=True)
    # Raised by every guarded write (desa.gerbang.kunci_desa): a finished recap whose desa still
    # carry the versions it was written at is reused instead of written again.
    versi_data = models.PositiveBigIntegerField("versi data", default=0, editable=False)

    scope_desa_path = ""
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["kode"]
        verbose_name = "desa/kelurahan"
        verbose_name_plural = "desa/kelurahan"

    def __str__(self):
        return f"{self.get_jenis_display()} {self.nama}"

    def get_absolute_url(self):
        return reverse("desa:detail", args=[self.kode])

    @property
    def scope_desa(self):
        return self


class RT(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="rt_set")
    nomor = models.PositiveSmallIntegerField("nomor RT")
    rw = models.CharField("RW/dusun", max_length=50, blank=True)
    nama_ketua = models.CharField("nama ketua RT", max_length=100, blank=True)
    telepon_ketua = models.CharField("nomor HP ketua RT", max_length=20, blank=True)
    aktif = models.BooleanField("aktif", default=True)

    scope_desa_path = "desa"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["desa", "nomor"]
        verbose_name = "RT"
        verbose_name_plural = "RT"
        constraints = [
            models.UniqueConstraint(fields=["desa", "nomor"], name="rt_unik_per_desa"),
        ]

    def __str__(self):
        return f"RT {self.nomor:03d}"

    @property
    def scope_desa(self):
        return self.desa


__all__ = ["Provinsi", "Kabupaten", "Kecamatan", "Desa", "RT", "desa_scope", "KODE_DESA_PATTERN"]

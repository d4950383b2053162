"""What a desa's Linmas did in a month (kegiatan) and the photos that show it."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from desa.models import RT, Desa
from desa.periode import Periode
from desa.scoping import ScopedQuerySet
from linmas.models.anggota import AnggotaLinmas

FOTO_MAKSIMUM = 10


class JenisKegiatan(models.TextChoices):
    RONDA = "ronda", "Ronda/siskamling"
    PATROLI = "patroli", "Patroli"
    PENGAMANAN_KEGIATAN = "pengamanan_kegiatan", "Pengamanan kegiatan masyarakat"
    PENGAMANAN_PEMILU = "pengamanan_pemilu", "Pengamanan pemilu/pilkada/pilkades"
    BENCANA = "bencana", "Kesiapsiagaan/penanggulangan bencana"
    APEL = "apel", "Apel"
    LATIHAN = "latihan", "Latihan/pelatihan"
    PELAYANAN = "pelayanan", "Pelayanan masyarakat"
    LAINNYA = "lainnya", "Lainnya"


class KegiatanQuerySet(ScopedQuerySet):
    def of_month(self, periode):
        return self.filter(tanggal__range=(periode.awal, periode.akhir))


class Kegiatan(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="kegiatan_linmas_set")
    tanggal = models.DateField("tanggal")
    jenis = models.CharField("jenis kegiatan", max_length=30, choices=JenisKegiatan.choices)
    jenis_lainnya = models.CharField(
        "jenis kegiatan lainnya", max_length=100, blank=True, help_text="Diisi bila jenisnya “Lainnya”."
    )
    tempat = models.CharField("tempat", max_length=200, help_text="Alamat atau nama tempat.")
    rt = models.ForeignKey(RT, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="RT")
    latitude = models.DecimalField(
        "lintang (latitude)", max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        "bujur (longitude)", max_digits=9, decimal_places=6, null=True, blank=True
    )
    uraian = models.TextField("uraian kegiatan", max_length=3000)
    peserta = models.ManyToManyField(
        AnggotaLinmas, verbose_name="anggota yang ikut", related_name="kegiatan_set"
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = KegiatanQuerySet.as_manager()

    class Meta:
        ordering = ["desa", "tanggal", "pk"]
        verbose_name = "kegiatan Linmas"
        verbose_name_plural = "kegiatan Linmas"
        indexes = [models.Index(fields=["desa", "tanggal"])]

    def __str__(self):
        return f"{self.jenis_label} {self.tanggal:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("linmas:kegiatan_detail", args=[self.desa_id, self.pk])

    @property
    def scope_desa(self):
        return self.desa

    @property
    def periode(self):
        return Periode.of(self.tanggal)

    @property
    def jenis_label(self):
        """The kind as shown: the operator's own words for "Lainnya"."""
        if self.jenis == JenisKegiatan.LAINNYA and self.jenis_lainnya:
            return f"Lainnya: {self.jenis_lainnya}"
        return self.get_jenis_display()

    @property
    def has_lokasi(self):
        return self.latitude is not None and self.longitude is not None


def _foto_path(instance, filename):
    # Random names: a guessed path must reveal nothing, and names never collide.
    return f"linmas/{instance.kegiatan.desa_id}/{instance.kegiatan.tanggal:%Y-%m}/{uuid.uuid4().hex}.jpg"


def _kecil_path(instance, filename):
    return _foto_path(instance, filename).replace(".jpg", "-kecil.jpg")


class FotoKegiatan(models.Model):
    """A photo, stored re-encoded without EXIF under MEDIA_ROOT and served only through a view."""

    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="foto_set")
    berkas = models.FileField("foto", upload_to=_foto_path, max_length=200)
    kecil = models.FileField("gambar kecil", upload_to=_kecil_path, max_length=200)
    lebar = models.PositiveIntegerField(default=0)
    tinggi = models.PositiveIntegerField(default=0)
    nama_asli = models.CharField("nama berkas asli", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_desa_path = "kegiatan__desa"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["kegiatan", "pk"]
        verbose_name = "foto kegiatan"
        verbose_name_plural = "foto kegiatan"

    def __str__(self):
        return self.nama_asli or f"Foto {self.pk}"

    @property
    def scope_desa(self):
        return self.kegiatan.desa

    @property
    def url(self):
        return reverse("linmas:foto_lihat", args=[self.pk])

    @property
    def url_kecil(self):
        return reverse("linmas:foto_kecil", args=[self.pk])

    def delete_files(self):
        for field in (self.berkas, self.kecil):
            if field.name:
                field.storage.delete(field.name)

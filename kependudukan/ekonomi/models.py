"""Households' economic status (keluarga), aid programmes, recipients and what was decided
about a recipient flagged *perlu verifikasi*; the record of every export of names.

A household's economic data changes over time: each check is kept as a RiwayatKeluarga
snapshot dated by its tanggal pemutakhiran, so a month's report reads the state as of that
month (kependudukan.ekonomi.keadaan).
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from desa.identitas import validate_nik, validate_no_kk
from desa.models import Desa, Kabupaten, Kecamatan
from desa.periode import Periode, PeriodeField
from desa.scoping import ScopedQuerySet, is_administrator, kabupaten_of
from kependudukan.models.impor import BerkasUnggahan

BULAN_BELUM_DIMUTAKHIRKAN = 6


class KategoriKS(models.TextChoices):
    PRA_KS = "PRA KS", "Pra-KS"
    KS_I = "KS I", "KS I"
    KS_II = "KS II", "KS II"
    KS_III = "KS III", "KS III"
    KS_III_PLUS = "KS III PLUS", "KS III Plus"


class Sasaran(models.TextChoices):
    KELUARGA = "keluarga", "Keluarga"
    ORANG = "orang", "Orang"


def batas_pemutakhiran(periode):
    """The oldest check still current at the end of `periode`: six months before its last day."""
    akhir = periode.akhir
    awal = Periode.of(akhir).shift(-BULAN_BELUM_DIMUTAKHIRKAN)
    return datetime.date(awal.tahun, awal.bulan, min(akhir.day, awal.akhir.day))


class ProgramBantuanQuerySet(models.QuerySet):
    def untuk_kabupaten(self, kabupaten_ids):
        """The national programmes and those of these kabupaten (a code or a list of codes)."""
        if isinstance(kabupaten_ids, str):
            kabupaten_ids = [kabupaten_ids]
        return self.filter(Q(kabupaten__isnull=True) | Q(kabupaten_id__in=kabupaten_ids))

    def untuk_desa(self, desa_list):
        kecamatan_ids = {desa.kecamatan_id for desa in desa_list}
        return self.untuk_kabupaten(
            Kecamatan.objects.filter(pk__in=kecamatan_ids).values_list("kabupaten_id", flat=True).distinct()
        )

    def for_user(self, user):
        """What a user's pages may list: national programmes, and those of the user's kabupaten."""
        if is_administrator(user):
            return self.all()
        return self.untuk_kabupaten(kabupaten_of(user))


class ProgramBantuan(models.Model):
    """An aid programme: national (PKH, BPNT, …; no kabupaten) or a kabupaten's own.

    Only an administrator adds programmes; a kabupaten's programme is seen only inside it.
    """

    kabupaten = models.ForeignKey(
        Kabupaten,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="program_bantuan_set",
        help_text="Kosong untuk program nasional.",
    )
    kode = models.CharField("kode", max_length=20, help_text="Misalnya PKH, BPNT, PBI-JK.")
    nama = models.CharField("nama program", max_length=100)
    sasaran = models.CharField("sasaran", max_length=10, choices=Sasaran.choices, default=Sasaran.KELUARGA)
    untuk_desil_1_4 = models.BooleanField(
        "diprioritaskan untuk desil 1-4", default=True, help_text="Keluarga desil 6-10 penerimanya ditandai."
    )
    aktif = models.BooleanField("aktif", default=True)

    objects = ProgramBantuanQuerySet.as_manager()

    class Meta:
        ordering = ["kode"]
        verbose_name = "program bantuan"
        verbose_name_plural = "program bantuan"
        constraints = [
            # A code names one programme wherever it is read: nationally, or within a kabupaten
            # (where it may not repeat a national code either; the form says so).
            models.UniqueConstraint(
                fields=["kode"], condition=Q(kabupaten__isnull=True), name="program_nasional_kode_unik"
            ),
            models.UniqueConstraint(fields=["kabupaten", "kode"], name="program_kabupaten_kode_unik"),
        ]

    def __str__(self):
        return self.kode


class KeluargaQuerySet(ScopedQuerySet):
    def belum_dimutakhirkan(self, periode=None):
        """Households whose last check is more than six months old at the end of `periode`."""
        periode = periode or Periode.current()
        return self.filter(tanggal_pemutakhiran__lt=batas_pemutakhiran(periode))


class Keluarga(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="keluarga_set")
    nomor_rt = models.PositiveSmallIntegerField("RT", null=True, blank=True)
    no_kk = models.CharField("No. KK", max_length=16, validators=[validate_no_kk])
    nik_kepala = models.CharField("NIK kepala keluarga", max_length=16, validators=[validate_nik])
    nama_kepala = models.CharField("nama kepala keluarga", max_length=100)
    jumlah_anggota = models.PositiveSmallIntegerField(
        "jumlah anggota", validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    desil = models.PositiveSmallIntegerField(
        "desil DTSEN",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="1 (sangat miskin) sampai 10; kosong bila belum diketahui.",
    )
    kategori_ks = models.CharField("kategori KS", max_length=12, choices=KategoriKS.choices, blank=True)
    tanggal_pemutakhiran = models.DateField("tanggal pemutakhiran", help_text="Tanggal data terakhir dicek.")
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = KeluargaQuerySet.as_manager()

    class Meta:
        ordering = ["desa", "nomor_rt", "nama_kepala"]
        verbose_name = "keluarga"
        verbose_name_plural = "keluarga"
        constraints = [models.UniqueConstraint(fields=["desa", "no_kk"], name="no_kk_unik_per_desa")]

    def __str__(self):
        return f"{self.nama_kepala} ({self.no_kk})"

    def get_absolute_url(self):
        return reverse("ekonomi:keluarga_detail", args=[self.desa_id, self.pk])

    @property
    def scope_desa(self):
        return self.desa

    @property
    def belum_dimutakhirkan(self):
        return self.tanggal_pemutakhiran < batas_pemutakhiran(Periode.current())


class RiwayatKeluarga(models.Model):
    """One check of a household: the state from its tanggal pemutakhiran on, who recorded it."""

    keluarga = models.ForeignKey(Keluarga, on_delete=models.CASCADE, related_name="riwayat")
    tanggal_pemutakhiran = models.DateField("tanggal pemutakhiran")
    desil = models.PositiveSmallIntegerField("desil", null=True, blank=True)
    kategori_ks = models.CharField("kategori KS", max_length=12, choices=KategoriKS.choices, blank=True)
    jumlah_anggota = models.PositiveSmallIntegerField("jumlah anggota")
    perubahan = models.JSONField("perubahan", default=list, blank=True)
    # Where the new state came from: empty for the desa's own form or template, "SIKS-NG" for
    # the Kemensos desil ranking, "OpenSID" for its aid template.
    sumber = models.CharField("sumber", max_length=20, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        ordering = ["tanggal_pemutakhiran", "pk"]
        verbose_name = "riwayat keluarga"
        verbose_name_plural = "riwayat keluarga"

    def __str__(self):
        return f"{self.keluarga_id} {self.tanggal_pemutakhiran}"


class PenerimaQuerySet(ScopedQuerySet):
    def menerima_pada(self, periode):
        """Recipients receiving in `periode`: started by then and not ended before it."""
        return self.filter(mulai__lte=periode).filter(
            models.Q(selesai__isnull=True) | models.Q(selesai__gte=periode)
        )


class PenerimaBantuan(models.Model):
    """One person in one aid programme, from a month until a month (or open-ended)."""

    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="penerima_bantuan_set")
    program = models.ForeignKey(ProgramBantuan, on_delete=models.PROTECT, related_name="penerima_set")
    nik = models.CharField("NIK", max_length=16, validators=[validate_nik])
    nama = models.CharField("nama", max_length=100)
    no_kk = models.CharField("No. KK", max_length=16, blank=True, validators=[validate_no_kk])
    keluarga = models.ForeignKey(
        Keluarga, on_delete=models.SET_NULL, null=True, blank=True, related_name="penerima_set"
    )
    mulai = PeriodeField("mulai", help_text="Bulan pertama menerima.")
    selesai = PeriodeField("selesai", null=True, blank=True, help_text="Bulan terakhir menerima.")
    tanggal_berhenti = models.DateField("tanggal berhenti", null=True, blank=True)
    alasan_berhenti = models.CharField("alasan berhenti", max_length=500, blank=True)
    keterangan = models.CharField("keterangan", max_length=500, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = PenerimaQuerySet.as_manager()

    class Meta:
        ordering = ["desa", "program", "nama"]
        verbose_name = "penerima bantuan"
        verbose_name_plural = "penerima bantuan"
        constraints = [
            models.UniqueConstraint(fields=["desa", "program", "nik"], name="penerima_unik_per_desa_program")
        ]
        indexes = [models.Index(fields=["nik"])]

    def __str__(self):
        return f"{self.nama} ({self.program})"

    def get_absolute_url(self):
        return reverse("ekonomi:penerima_detail", args=[self.desa_id, self.pk])

    @property
    def scope_desa(self):
        return self.desa

    def menerima_pada(self, periode):
        return self.mulai <= periode and (self.selesai is None or self.selesai >= periode)


class JenisTanda(models.TextChoices):
    MENINGGAL_PINDAH = "meninggal_pindah", "Penerima meninggal/pindah"
    GANDA = "ganda", "Penerima ganda antardesa"
    DESIL_TINGGI = "desil_tinggi", "Desil 6-10 menerima program desil 1-4"


class Keputusan(models.TextChoices):
    BERHENTI = "berhenti", "Bantuan dihentikan"
    TETAP = "tetap", "Tetap menerima"


class TindakLanjut(models.Model):
    """What the desa decided about a flagged recipient: stop the benefit or keep it, with a reason."""

    penerima = models.ForeignKey(PenerimaBantuan, on_delete=models.CASCADE, related_name="tindak_lanjut")
    jenis_tanda = models.CharField("tanda", max_length=20, choices=JenisTanda.choices)
    # The MATI or PINDAH event a decision answers: a later event is a new flag.
    peristiwa = models.ForeignKey(
        "kependudukan.Peristiwa", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    keputusan = models.CharField("keputusan", max_length=10, choices=Keputusan.choices)
    alasan = models.CharField("alasan", max_length=500)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "tindak lanjut penerima"
        verbose_name_plural = "tindak lanjut penerima"

    def __str__(self):
        return f"{self.get_keputusan_display()}: {self.alasan}"


class EksporData(models.Model):
    """Who downloaded a list with names (and NIKs) of people, when, and what it held."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nama_pengguna = models.CharField("pengguna", max_length=150)
    created_at = models.DateTimeField("waktu", auto_now_add=True)
    isi = models.CharField("isi", max_length=300)
    jumlah_baris = models.PositiveIntegerField("jumlah baris", null=True, blank=True)
    rincian = models.JSONField(
        "rincian per lembar",
        default=list,
        blank=True,
        help_text="Lembar, jumlah baris dan kolom data pribadi.",
    )
    dengan_nik = models.BooleanField("NIK lengkap", default=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "ekspor data pribadi"
        verbose_name_plural = "ekspor data pribadi"

    def __str__(self):
        return f"{self.nama_pengguna}: {self.isi}"


class ImporEkonomi(BerkasUnggahan):
    """An uploaded impor-ekonomi.xlsx, kept privately between its preview and its confirmation."""

    berkas = models.FileField(upload_to="impor-ekonomi/%Y/%m/", blank=True)

    class Meta(BerkasUnggahan.Meta):
        verbose_name = "impor ekonomi"
        verbose_name_plural = "impor ekonomi"


class ImporBantuan(BerkasUnggahan):
    """An uploaded OpenSID program bantuan workbook (sheets Program and Peserta)."""

    berkas = models.FileField(upload_to="impor-bantuan/%Y/%m/", blank=True)

    class Meta(BerkasUnggahan.Meta):
        verbose_name = "impor bantuan OpenSID"
        verbose_name_plural = "impor bantuan OpenSID"


class ImporDesil(BerkasUnggahan):
    """An uploaded SIKS-NG "Pemeringkatan Desil" workbook."""

    berkas = models.FileField(upload_to="impor-desil/%Y/%m/", blank=True)

    class Meta(BerkasUnggahan.Meta):
        verbose_name = "impor desil SIKS-NG"
        verbose_name_plural = "impor desil SIKS-NG"

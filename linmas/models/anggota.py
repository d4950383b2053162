"""The Satlinmas roster of a desa (Permendagri 84/2014): who serves, in which position and regu."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from desa.identitas import validate_nik
from desa.models import RT, Desa
from desa.models.pengguna import validate_telepon
from desa.scoping import ScopedQuerySet

UMUR_MINIMUM = 18
JUMLAH_ANGGOTA_MINIMUM = 10


class Jabatan(models.TextChoices):
    KEPALA_SATUAN = "kepala_satuan", "Kepala Satuan"
    KEPALA_SATUAN_TUGAS = "kepala_satuan_tugas", "Kepala Satuan Tugas (Danton)"
    KOMANDAN_REGU = "komandan_regu", "Komandan Regu (Danru)"
    ANGGOTA = "anggota", "Anggota"


# Positions held by one person per desa (per regu for a Danru); they lead the unit, not a regu.
JABATAN_TANPA_REGU = {Jabatan.KEPALA_SATUAN, Jabatan.KEPALA_SATUAN_TUGAS}


class Regu(models.TextChoices):
    KESIAPSIAGAAN = "kesiapsiagaan", "Kesiapsiagaan dan Kewaspadaan Dini"
    PENGAMANAN = "pengamanan", "Pengamanan"
    PERTOLONGAN = "pertolongan", "Pertolongan Pertama pada Korban dan Kebakaran"
    PENYELAMATAN = "penyelamatan", "Penyelamatan dan Evakuasi"
    DAPUR_UMUM = "dapur_umum", "Dapur Umum"


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


class AnggotaLinmasQuerySet(ScopedQuerySet):
    def aktif(self):
        return self.filter(aktif=True)

    def aktif_pada(self, tanggal):
        """Members serving on that day: appointed by then and not yet stopped."""
        return self.filter(tanggal_sk__lte=tanggal).filter(
            Q(tanggal_berhenti__isnull=True) | Q(tanggal_berhenti__gt=tanggal)
        )


class AnggotaLinmas(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.PROTECT, related_name="anggota_linmas_set")
    nik = models.CharField("NIK", max_length=16, validators=[validate_nik])
    nama = models.CharField("nama lengkap", max_length=100)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    tanggal_lahir = models.DateField("tanggal lahir")
    sudah_menikah = models.BooleanField(
        "sudah menikah",
        default=False,
        help_text="Orang yang sudah menikah boleh menjadi anggota walaupun belum berumur 18 tahun.",
    )
    alamat = models.CharField("alamat", max_length=200)
    rt = models.ForeignKey(RT, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="RT")
    telepon = models.CharField("nomor HP", max_length=20, blank=True, validators=[validate_telepon])
    jabatan = models.CharField("jabatan", max_length=20, choices=Jabatan.choices, default=Jabatan.ANGGOTA)
    regu = models.CharField(
        "regu",
        max_length=20,
        choices=Regu.choices,
        blank=True,
        help_text="Kepala Satuan dan Kepala Satuan Tugas tidak masuk regu.",
    )
    nomor_sk = models.CharField("nomor SK", max_length=100)
    tanggal_sk = models.DateField("tanggal SK")
    aktif = models.BooleanField("aktif", default=True)
    tanggal_berhenti = models.DateField(
        "tanggal berhenti", null=True, blank=True, help_text="Diisi bila anggota tidak aktif lagi."
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = AnggotaLinmasQuerySet.as_manager()

    class Meta:
        ordering = ["desa", "-aktif", "jabatan", "regu", "nama"]
        verbose_name = "anggota Satlinmas"
        verbose_name_plural = "anggota Satlinmas"
        constraints = [
            # A person serves in one Satlinmas at a time, wherever in the kabupaten.
            models.UniqueConstraint(
                fields=["nik"],
                condition=Q(aktif=True),
                name="linmas_satu_keanggotaan_aktif_per_nik",
                violation_error_message="NIK ini sudah terdaftar sebagai anggota Linmas aktif.",
            ),
            models.UniqueConstraint(
                fields=["desa"],
                condition=Q(aktif=True, jabatan="kepala_satuan"),
                name="linmas_satu_kepala_satuan_aktif_per_desa",
                violation_error_message="Desa ini sudah punya Kepala Satuan aktif.",
            ),
            models.UniqueConstraint(
                fields=["desa"],
                condition=Q(aktif=True, jabatan="kepala_satuan_tugas"),
                name="linmas_satu_danton_aktif_per_desa",
                violation_error_message="Desa ini sudah punya Kepala Satuan Tugas aktif.",
            ),
            models.UniqueConstraint(
                fields=["desa", "regu"],
                condition=Q(aktif=True, jabatan="komandan_regu"),
                name="linmas_satu_danru_aktif_per_regu",
                violation_error_message="Regu ini sudah punya Komandan Regu aktif.",
            ),
            models.CheckConstraint(
                condition=Q(aktif=True) | Q(tanggal_berhenti__isnull=False),
                name="linmas_berhenti_bertanggal",
                violation_error_message="Anggota yang tidak aktif harus punya tanggal berhenti.",
            ),
        ]

    def __str__(self):
        return self.nama

    def get_absolute_url(self):
        return reverse("linmas:anggota_update", args=[self.desa_id, self.pk])

    @property
    def scope_desa(self):
        return self.desa

    @property
    def jabatan_regu(self):
        """ "Komandan Regu (Danru) · Pengamanan": how a member is named in pickers and lists."""
        if self.regu:
            return f"{self.get_jabatan_display()} · {self.get_regu_display()}"
        return self.get_jabatan_display()

    def umur_pada(self, tanggal):
        """Whole years of age on a day."""
        lahir = self.tanggal_lahir
        return tanggal.year - lahir.year - ((tanggal.month, tanggal.day) < (lahir.month, lahir.day))

    def clean(self):
        """The rules about one member; the rules across members are in the form and the constraints."""
        errors = {}
        today = timezone.localdate()
        if self.tanggal_lahir and self.tanggal_lahir > today:
            errors["tanggal_lahir"] = "Tanggal lahir tidak boleh setelah hari ini."
        if self.tanggal_sk and self.tanggal_sk > today:
            errors["tanggal_sk"] = "Tanggal SK tidak boleh setelah hari ini."
        if self.tanggal_lahir and self.tanggal_sk and "tanggal_lahir" not in errors:
            umur = self.umur_pada(self.tanggal_sk)
            if umur < 0:
                errors["tanggal_sk"] = "Tanggal SK lebih awal dari tanggal lahir."
            elif umur < UMUR_MINIMUM and not self.sudah_menikah:
                errors["tanggal_lahir"] = (
                    f"Pada tanggal SK umurnya baru {umur} tahun. Anggota Linmas paling sedikit berumur "
                    f"{UMUR_MINIMUM} tahun, kecuali sudah menikah (centang “Sudah menikah”)."
                )
        if self.jabatan in JABATAN_TANPA_REGU:
            self.regu = ""
        elif self.jabatan and not self.regu:
            errors["regu"] = "Pilih regu untuk Komandan Regu dan Anggota."
        if self.aktif and self.tanggal_berhenti:
            errors["tanggal_berhenti"] = "Kosongkan tanggal berhenti untuk anggota yang masih aktif."
        elif not self.aktif and not self.tanggal_berhenti:
            errors["tanggal_berhenti"] = "Isi tanggal berhenti untuk anggota yang tidak aktif lagi."
        elif self.tanggal_berhenti:
            if self.tanggal_berhenti > today:
                errors["tanggal_berhenti"] = "Tanggal berhenti tidak boleh setelah hari ini."
            elif self.tanggal_sk and self.tanggal_berhenti < self.tanggal_sk:
                errors["tanggal_berhenti"] = "Tanggal berhenti lebih awal dari tanggal SK."
        if errors:
            raise ValidationError(errors)

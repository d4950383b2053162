import re

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models

from desa.models.wilayah import Desa, Kabupaten, Kecamatan, Provinsi
from desa.scoping import READ_ONLY_ROLES, Peran, is_administrator

_TELEPON = re.compile(r"^(\+?62|0)8\d{7,12}$")


def validate_telepon(value):
    if not _TELEPON.match(re.sub(r"[\s-]", "", value)):
        raise ValidationError("Nomor HP harus berbentuk 08xxxxxxxxxx atau +628xxxxxxxxxx.")


class PenggunaQuerySet(models.QuerySet):
    def operators_of(self, desa):
        return self.filter(peran=Peran.OPERATOR_DESA, desa=desa, is_active=True)

    def for_user(self, user):
        """The accounts a user manages: a Kasi Trantib sees the operators of their kecamatan."""
        if is_administrator(user):
            return self.all()
        if user.peran == Peran.KASI_TRANTIB and user.kecamatan_id:
            return self.filter(peran=Peran.OPERATOR_DESA, desa__kecamatan_id=user.kecamatan_id)
        return self.none()


class PenggunaManager(UserManager.from_queryset(PenggunaQuerySet)):
    pass


class Pengguna(AbstractUser):
    """A user of KUDAPANMAS; the role and its area decide what they see (desa.scoping)."""

    peran = models.CharField("peran", max_length=20, choices=Peran.choices, blank=True)
    provinsi = models.ForeignKey(
        Provinsi, on_delete=models.PROTECT, null=True, blank=True, related_name="pengguna_set"
    )
    kabupaten = models.ForeignKey(
        Kabupaten, on_delete=models.PROTECT, null=True, blank=True, related_name="pengguna_set"
    )
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, null=True, blank=True, related_name="pengguna_set"
    )
    desa = models.ForeignKey(
        Desa, on_delete=models.PROTECT, null=True, blank=True, related_name="pengguna_set"
    )
    rt = models.ForeignKey(
        "desa.RT",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna_set",
        help_text="Hanya untuk akun Ketua RT: RT yang laporannya boleh diisi.",
    )
    telepon = models.CharField("nomor HP/WhatsApp", max_length=20, blank=True, validators=[validate_telepon])

    objects = PenggunaManager()

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def nama_dan_peran(self):
        """How a record or a workbook names who did it: "Budi Santoso (Camat)"."""
        peran = self.get_peran_display()
        return f"{self} ({peran})" if peran else str(self)

    def clean(self):
        super().clean()
        needs = {
            Peran.OPERATOR_DESA: "desa",
            Peran.KETUA_RT: "rt",
            Peran.KASI_TRANTIB: "kecamatan",
            Peran.CAMAT: "kecamatan",
            Peran.KABUPATEN: "kabupaten",
            Peran.PROVINSI: "provinsi",
        }.get(self.peran)
        if needs and not getattr(self, f"{needs}_id"):
            raise ValidationError({needs: f"Peran {self.get_peran_display()} harus punya {needs}."})

    @property
    def is_read_only(self):
        return self.peran in READ_ONLY_ROLES

    @property
    def is_operator(self):
        return self.peran == Peran.OPERATOR_DESA

    @property
    def is_kasi_trantib(self):
        return self.peran == Peran.KASI_TRANTIB

    @property
    def is_kecamatan_role(self):
        return self.peran in (Peran.KASI_TRANTIB, Peran.CAMAT)

    @property
    def is_kabupaten_role(self):
        """Kabupaten, Provinsi and administrators: they look at kecamatan from above."""
        return self.peran in (Peran.KABUPATEN, Peran.PROVINSI) or is_administrator(self)

    @property
    def nomor_whatsapp(self):
        """The phone number as wa.me wants it: 62 followed by the number without its 0."""
        digits = re.sub(r"\D", "", self.telepon)
        if not digits:
            return ""
        if digits.startswith("0"):
            return "62" + digits[1:]
        return digits

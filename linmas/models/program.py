"""The mandatory monthly programme (program kegiatan wajib) a kecamatan sets for its desa.

Each change is a new version effective from a chosen month; a month is judged by the
version in force then (the latest one starting on or before it), so a change never
rewrites the rule of months already reported.
"""

from django.conf import settings
from django.db import models

from desa.models import Kecamatan
from desa.periode import PeriodeField
from linmas.models.kegiatan import JenisKegiatan


class ProgramLinmasQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(kecamatan__in=Kecamatan.objects.for_user(user))

    def berlaku_pada(self, periode):
        """Versions that had started by this month, the newest first (per kecamatan)."""
        return self.filter(berlaku_mulai__lte=periode).order_by("kecamatan_id", "-berlaku_mulai")


class ProgramLinmas(models.Model):
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.CASCADE, related_name="program_linmas_set")
    berlaku_mulai = PeriodeField("berlaku mulai", help_text="Bulan pertama berlakunya.")
    catatan = models.CharField("catatan", max_length=300, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramLinmasQuerySet.as_manager()

    class Meta:
        ordering = ["kecamatan", "-berlaku_mulai"]
        verbose_name = "program kegiatan wajib Linmas"
        verbose_name_plural = "program kegiatan wajib Linmas"
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "berlaku_mulai"], name="linmas_satu_program_per_kecamatan_bulan"
            ),
        ]

    def __str__(self):
        return f"Program Linmas {self.kecamatan.nama} mulai {self.berlaku_mulai.label}"


class ButirProgram(models.Model):
    """One requirement: at least `jumlah_minimum` activities of one kind a month."""

    program = models.ForeignKey(ProgramLinmas, on_delete=models.CASCADE, related_name="butir_set")
    jenis_kegiatan = models.CharField("jenis kegiatan", max_length=30, choices=JenisKegiatan.choices)
    jumlah_minimum = models.PositiveSmallIntegerField("paling sedikit (kali sebulan)")

    class Meta:
        ordering = ["program", "pk"]
        verbose_name = "butir program"
        verbose_name_plural = "butir program"
        constraints = [
            models.UniqueConstraint(fields=["program", "jenis_kegiatan"], name="linmas_butir_unik"),
            models.CheckConstraint(condition=models.Q(jumlah_minimum__gte=1), name="linmas_butir_minimum_1"),
        ]

    def __str__(self):
        return f"{self.get_jenis_kegiatan_display()} ≥ {self.jumlah_minimum}"

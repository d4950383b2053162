"""The monthly report of one RT (laporan bulanan RT).

An RT report belongs to one RT and one month. It counts as *reported* once it is sent
(`dikirim_at`): by its Ketua RT, or by the desa operator on the RT's behalf. The desa sends
the month of all its RT to the kecamatan through the ledger (kind `laporan_rt`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from desa.models import RT, Desa
from desa.periode import PeriodeField
from desa.scoping import ScopedQuerySet, is_ketua_rt

PENDUDUK_MAKSIMUM = 100_000
PERISTIWA_MAKSIMUM = 1_000
KEGIATAN_MAKSIMUM = 100

# The event counts of a report, keyed as kependudukan keys them: {jenis peristiwa: {L, P}: field}.
PERISTIWA_FIELDS = {
    "LAHIR": {"L": "lahir_l", "P": "lahir_p"},
    "MATI": {"L": "meninggal_l", "P": "meninggal_p"},
    "DATANG": {"L": "datang_l", "P": "datang_p"},
    "PINDAH": {"L": "pindah_l", "P": "pindah_p"},
}
LABEL_PERISTIWA = {"LAHIR": "Lahir", "MATI": "Meninggal", "DATANG": "Datang", "PINDAH": "Pindah"}

KEGIATAN_FIELDS = {
    "kegiatan_gotong_royong": "Gotong royong",
    "kegiatan_ronda": "Ronda/siskamling",
    "kegiatan_posyandu": "Posyandu",
    "kegiatan_pengajian": "Pengajian",
    "kegiatan_lainnya": "Kegiatan lainnya",
}


def _count(label, maximum):
    return models.PositiveIntegerField(label, default=0, validators=[MaxValueValidator(maximum)])


class LaporanRTQuerySet(ScopedQuerySet):
    def for_user(self, user):
        """A Ketua RT sees its own RT only; every other role goes through the desa scope."""
        if is_ketua_rt(user):
            if not user.is_active or not user.rt_id:
                return self.none()
            return self.filter(rt_id=user.rt_id)
        return super().for_user(user)

    def of_month(self, periode):
        return self.filter(periode=periode)

    def in_desa(self, desa_list):
        return self.filter(desa_id__in=[getattr(desa, "pk", desa) for desa in desa_list])

    def terkirim(self):
        return self.filter(dikirim_at__isnull=False)


class LaporanRT(models.Model):
    desa = models.ForeignKey(Desa, on_delete=models.CASCADE, related_name="laporan_rt_set")
    rt = models.ForeignKey(RT, on_delete=models.PROTECT, related_name="laporan_rt_set", verbose_name="RT")
    periode = PeriodeField("periode", help_text="Bulan laporan (disimpan sebagai hari pertamanya).")
    awal_kk = _count("jumlah KK awal bulan", PENDUDUK_MAKSIMUM)
    awal_l = _count("penduduk laki-laki awal bulan", PENDUDUK_MAKSIMUM)
    awal_p = _count("penduduk perempuan awal bulan", PENDUDUK_MAKSIMUM)
    lahir_l = _count("lahir laki-laki", PERISTIWA_MAKSIMUM)
    lahir_p = _count("lahir perempuan", PERISTIWA_MAKSIMUM)
    meninggal_l = _count("meninggal laki-laki", PERISTIWA_MAKSIMUM)
    meninggal_p = _count("meninggal perempuan", PERISTIWA_MAKSIMUM)
    datang_l = _count("datang laki-laki", PERISTIWA_MAKSIMUM)
    datang_p = _count("datang perempuan", PERISTIWA_MAKSIMUM)
    pindah_l = _count("pindah laki-laki", PERISTIWA_MAKSIMUM)
    pindah_p = _count("pindah perempuan", PERISTIWA_MAKSIMUM)
    akhir_kk = _count("jumlah KK akhir bulan", PENDUDUK_MAKSIMUM)
    # People at the end of the month follow from the start and the events (DOMAIN.md, B.3);
    # they are stored so that next month's start and the recap read them directly.
    akhir_l = models.PositiveIntegerField("penduduk laki-laki akhir bulan", default=0, editable=False)
    akhir_p = models.PositiveIntegerField("penduduk perempuan akhir bulan", default=0, editable=False)
    catatan_perbedaan = models.TextField(
        "catatan perbedaan",
        blank=True,
        max_length=1000,
        help_text="Wajib bila angka berbeda dari isian otomatis (data peristiwa desa atau akhir bulan lalu).",
    )
    kegiatan_gotong_royong = _count("gotong royong", KEGIATAN_MAKSIMUM)
    kegiatan_ronda = _count("ronda/siskamling", KEGIATAN_MAKSIMUM)
    kegiatan_posyandu = _count("posyandu", KEGIATAN_MAKSIMUM)
    kegiatan_pengajian = _count("pengajian", KEGIATAN_MAKSIMUM)
    kegiatan_lainnya = _count("kegiatan lainnya", KEGIATAN_MAKSIMUM)
    catatan_kegiatan = models.TextField("catatan kegiatan", blank=True, max_length=1000)
    masalah = models.TextField("masalah", blank=True, max_length=2000)
    usulan = models.TextField("usulan", blank=True, max_length=2000)
    dikirim_at = models.DateTimeField("dikirim ke desa", null=True, blank=True)
    dikirim_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_desa_path = "desa"
    objects = LaporanRTQuerySet.as_manager()

    class Meta:
        ordering = ["periode", "desa", "rt__nomor"]
        verbose_name = "laporan RT"
        verbose_name_plural = "laporan RT"
        constraints = [
            models.UniqueConstraint(fields=["rt", "periode"], name="satu_laporan_per_rt_periode"),
        ]
        indexes = [models.Index(fields=["desa", "periode"])]

    def __str__(self):
        return f"Laporan {self.rt} {self.desa.nama} {self.periode.label}"

    def save(self, *args, **kwargs):
        self.akhir_l, self.akhir_p = (max(value, 0) for value in self.hitung_akhir())
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("laporan_rt:detail", args=[self.desa_id, str(self.periode), self.rt.nomor])

    @property
    def scope_desa(self):
        return self.desa

    @property
    def is_sent(self):
        return self.dikirim_at is not None

    def peristiwa(self):
        """{"LAHIR": {"L": n, "P": n}, ...}: the reported events, shaped as kependudukan counts them."""
        return {
            jenis: {jk: getattr(self, name) for jk, name in fields.items()}
            for jenis, fields in PERISTIWA_FIELDS.items()
        }

    def hitung_akhir(self):
        """(L, P) at the end of the month: start + births + arrivals - deaths - departures."""
        return tuple(
            getattr(self, f"awal_{jk}")
            + getattr(self, f"lahir_{jk}")
            + getattr(self, f"datang_{jk}")
            - getattr(self, f"meninggal_{jk}")
            - getattr(self, f"pindah_{jk}")
            for jk in ("l", "p")
        )

from django import forms
from django.db.models import Q
from django.utils import timezone

from desa.forms_masukan import MasukanAmanMixin, PilihanBanyakField
from desa.ledger import PeriodeTerkunci, ensure_unlocked
from desa.models import RT
from desa.models.laporan import JenisLaporan
from desa.periode import PERIODE_PERTAMA, Periode, periode_in_range
from linmas.forms.widgets import DateInput, MultipleFileField
from linmas.foto import FotoDitolak, foto_siapkan
from linmas.models import FOTO_MAKSIMUM, AnggotaLinmas, JenisKegiatan, Kegiatan


class PesertaField(PilihanBanyakField):
    def label_from_instance(self, obj):
        return f"{obj.nama} ({obj.jabatan_regu})"


def check_month_open(desa, day):
    """The lock as a form error: the message says why and who can reopen the month. A day in no
    month the app deals with (before 2000) is refused first: it has no ledger row to lock."""
    if not periode_in_range(day):
        raise forms.ValidationError(f"Tanggal tidak boleh sebelum {PERIODE_PERTAMA.label}.")
    try:
        ensure_unlocked(desa, JenisLaporan.LINMAS, Periode.of(day))
    except PeriodeTerkunci as error:
        raise forms.ValidationError(str(error)) from error


def _within(value, limit, label):
    if value is not None and not -limit <= value <= limit:
        raise forms.ValidationError(f"{label} harus antara -{limit} dan {limit} derajat.")
    return value


class KegiatanForm(MasukanAmanMixin, forms.ModelForm):
    """An activity. The view sets the desa on the instance; photos come back as `foto_siap`."""

    peserta = PesertaField(
        queryset=AnggotaLinmas.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Anggota yang ikut",
        error_messages={"required": "Pilih paling sedikit satu anggota yang ikut."},
    )
    foto = MultipleFileField(
        required=False,
        label="Foto kegiatan",
        help_text=(
            f"Boleh memilih beberapa foto sekaligus; paling banyak {FOTO_MAKSIMUM} foto per kegiatan, "
            "masing-masing paling besar 10 MB (JPEG, PNG atau WebP). Lokasi GPS di dalam foto dihapus."
        ),
    )

    class Meta:
        model = Kegiatan
        fields = ["tanggal", "jenis", "jenis_lainnya", "tempat", "rt", "latitude", "longitude", "uraian"]
        widgets = {"tanggal": DateInput(), "uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = self.instance.desa
        self.tanggal_lama = self.instance.tanggal
        self.foto_siap = []
        current = list(self.instance.peserta.values_list("pk", flat=True)) if self.instance.pk else []
        self.fields["peserta"].queryset = AnggotaLinmas.objects.filter(desa=self.desa).filter(
            Q(aktif=True) | Q(pk__in=current)
        )
        self.fields["peserta"].initial = current
        self.fields["rt"].queryset = RT.objects.filter(desa=self.desa, aktif=True)
        self.fields["rt"].empty_label = "– tidak dicatat –"
        self.fields["foto"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update(inputmode="decimal", step="any")
            self.fields[name].error_messages["invalid"] = "Tulis angka desimal, misalnya -2.330512."

    def clean_latitude(self):
        return _within(self.cleaned_data["latitude"], 90, "Lintang")

    def clean_longitude(self):
        return _within(self.cleaned_data["longitude"], 180, "Bujur")

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal kegiatan tidak boleh setelah hari ini.")
        check_month_open(self.desa, tanggal)
        if self.tanggal_lama and Periode.of(self.tanggal_lama) != Periode.of(tanggal):
            check_month_open(self.desa, self.tanggal_lama)
        return tanggal

    def clean_foto(self):
        files = self.cleaned_data["foto"]
        existing = self.instance.foto_set.count() if self.instance.pk else 0
        if existing + len(files) > FOTO_MAKSIMUM:
            raise forms.ValidationError(
                f"Satu kegiatan paling banyak {FOTO_MAKSIMUM} foto. Sudah ada {existing}, "
                f"dipilih {len(files)}."
            )
        errors = []
        for berkas in files:
            try:
                self.foto_siap.append(foto_siapkan(berkas))
            except FotoDitolak as error:
                errors.append(str(error))
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jenis") == JenisKegiatan.LAINNYA and not cleaned.get("jenis_lainnya", "").strip():
            self.add_error("jenis_lainnya", "Tulis jenis kegiatannya bila memilih “Lainnya”.")
        if cleaned.get("jenis") != JenisKegiatan.LAINNYA:
            cleaned["jenis_lainnya"] = ""
        has_latitude = cleaned.get("latitude") is not None
        has_longitude = cleaned.get("longitude") is not None
        if (
            has_latitude != has_longitude
            and not self.has_error("latitude")
            and not self.has_error("longitude")
        ):
            self.add_error("latitude", "Isi lintang dan bujur keduanya, atau kosongkan keduanya.")
        if self.errors and self.files.getlist("foto"):
            self.add_error(None, "Periksa isian yang salah, lalu pilih ulang fotonya sebelum menyimpan.")
        return cleaned

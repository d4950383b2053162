from django import forms
from django.utils import timezone

from desa.forms.masukan import MasukanAmanMixin
from desa.models import RT
from desa.periode import WITA
from linmas.forms.kegiatan import check_month_open
from linmas.forms.widgets import DateTimeInput
from linmas.models import JenisKejadian, Kejadian, Penyerahan


class KejadianForm(MasukanAmanMixin, forms.ModelForm):
    """An incident. The view sets the desa on the instance."""

    class Meta:
        model = Kejadian
        fields = [
            "waktu",
            "jenis",
            "jenis_lainnya",
            "tempat",
            "rt",
            "uraian",
            "tindakan",
            "korban_meninggal",
            "korban_luka",
            "kerugian",
            "penyerahan",
            "instansi",
        ]
        widgets = {
            "waktu": DateTimeInput(),
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "tindakan": forms.Textarea(attrs={"rows": 3}),
            "penyerahan": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = self.instance.desa
        self.waktu_lama = self.instance.waktu
        self.fields["rt"].queryset = RT.objects.filter(desa=self.desa, aktif=True)
        self.fields["rt"].empty_label = "– tidak dicatat –"
        for name in ("korban_meninggal", "korban_luka"):
            self.fields[name].widget.attrs.update(inputmode="numeric", min=0)

    def clean_waktu(self):
        waktu = self.cleaned_data["waktu"]
        if waktu > timezone.now():
            raise forms.ValidationError("Waktu kejadian tidak boleh setelah saat ini.")
        check_month_open(self.desa, waktu.astimezone(WITA).date())
        if self.waktu_lama:
            check_month_open(self.desa, self.waktu_lama.astimezone(WITA).date())
        return waktu

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jenis") == JenisKejadian.LAINNYA and not cleaned.get("jenis_lainnya", "").strip():
            self.add_error("jenis_lainnya", "Tulis jenis kejadiannya bila memilih “Lainnya”.")
        if cleaned.get("jenis") != JenisKejadian.LAINNYA:
            cleaned["jenis_lainnya"] = ""
        penyerahan = cleaned.get("penyerahan")
        if penyerahan == Penyerahan.INSTANSI_LAIN and not cleaned.get("instansi", "").strip():
            self.add_error("instansi", "Tulis nama instansi yang menerima penyerahan.")
        if penyerahan == Penyerahan.TIDAK:
            cleaned["instansi"] = ""
        return cleaned

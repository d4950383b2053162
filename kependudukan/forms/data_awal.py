"""The data awal form (a desa's population at the start of its first month) and the koreksi form."""

from django import forms
from django.utils import timezone

from desa.forms.masukan import MasukanAmanMixin
from desa.forms.periode import BulanField
from desa.periode import Periode, periode_in_range
from kependudukan.models import DataAwal, Koreksi

COUNTS = ["wni_l", "wni_p", "wna_l", "wna_p", "jumlah_kk"]


class DataAwalForm(MasukanAmanMixin, forms.ModelForm):
    bulan_pertama = BulanField(
        label="Bulan pertama",
        help_text=(
            "Bulan pertama yang dilaporkan lewat KUDAPANMAS; jumlah di bawah adalah keadaan awal bulan itu."
        ),
    )

    class Meta:
        model = DataAwal
        fields = COUNTS
        widgets = {name: forms.NumberInput(attrs={"min": 0}) for name in COUNTS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["bulan_pertama"] = str(self.instance.periode)
        self.fields["bulan_pertama"].widget.attrs["max"] = str(Periode.current())
        order = ["bulan_pertama", *COUNTS]
        self.fields = {name: self.fields[name] for name in order}

    def clean_bulan_pertama(self):
        periode = self.cleaned_data["bulan_pertama"]
        if periode > Periode.current():
            raise forms.ValidationError(f"{periode.label} belum berjalan.")
        if not periode_in_range(periode):
            raise forms.ValidationError(
                f"{periode.label} terlalu lama; KUDAPANMAS mencatat mulai tahun 2000."
            )
        return periode

    def clean(self):
        data = super().clean()
        people = [data.get(name) for name in ("wni_l", "wni_p", "wna_l", "wna_p")]
        if None not in people and data.get("jumlah_kk") is not None and data["jumlah_kk"] > sum(people):
            self.add_error("jumlah_kk", f"Jumlah KK tidak boleh lebih dari jumlah penduduk ({sum(people)}).")
        return data


class KoreksiForm(MasukanAmanMixin, forms.ModelForm):
    own_date_rules = ("tanggal_lapor",)  # clean_tanggal_lapor

    class Meta:
        model = Koreksi
        fields = ["tanggal_lapor", *COUNTS, "alasan"]
        labels = {
            "wni_l": "Selisih WNI laki-laki",
            "wni_p": "Selisih WNI perempuan",
            "wna_l": "Selisih WNA laki-laki",
            "wna_p": "Selisih WNA perempuan",
            "jumlah_kk": "Selisih jumlah KK",
        }
        error_messages = {"alasan": {"required": "Alasan koreksi wajib diisi."}}
        help_texts = {
            "tanggal_lapor": "Koreksi dihitung pada laporan bulan tanggal ini.",
            "alasan": "Misalnya: penyesuaian dengan data konsolidasi Disdukcapil semester I.",
        }
        widgets = {
            "tanggal_lapor": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "alasan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.initial.get("tanggal_lapor"):
            self.initial["tanggal_lapor"] = timezone.localdate()
        self.fields["tanggal_lapor"].widget.attrs["max"] = timezone.localdate().isoformat()
        for name in COUNTS:
            self.fields[name].help_text = "Angka positif menambah, negatif (misalnya -2) mengurangi."

    def clean_tanggal_lapor(self):
        value = self.cleaned_data["tanggal_lapor"]
        if value > timezone.localdate():
            raise forms.ValidationError("Tanggal koreksi belum terjadi.")
        if value.year < 2000 or not periode_in_range(Periode.of(value)):
            raise forms.ValidationError("Tanggal koreksi terlalu lama; periksa tahunnya.")
        return value

    def clean(self):
        data = super().clean()
        if all(data.get(name) in (0, None) for name in COUNTS) and not self.errors:
            raise forms.ValidationError("Isi paling sedikit satu selisih yang bukan nol.")
        return data

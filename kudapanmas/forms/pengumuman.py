import datetime

from django import forms
from django.utils import timezone

from desa.forms.masukan import MasukanAmanMixin
from kudapanmas.models import Pengumuman

LAMPIRAN_MAKSIMUM = 5 * 1024 * 1024
BERLAKU_PALING_LAMA = 366


class PengumumanForm(MasukanAmanMixin, forms.ModelForm):
    own_date_rules = ("berlaku_sampai",)  # clean_berlaku_sampai
    tautan = forms.URLField(
        label="Tautan (opsional)",
        required=False,
        assume_scheme="https",
        help_text="Misalnya video panduan.",
        error_messages={"invalid": "Tulis alamat web yang lengkap, misalnya https://contoh.id/panduan."},
    )

    class Meta:
        model = Pengumuman
        fields = ["judul", "isi", "tautan", "lampiran", "berlaku_sampai"]
        widgets = {
            "isi": forms.Textarea(attrs={"rows": 4}),
            "berlaku_sampai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "lampiran": forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        }
        help_texts = {"berlaku_sampai": "Pengumuman tampil di beranda operator sampai akhir tanggal ini."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["berlaku_sampai"].initial = timezone.localdate() + datetime.timedelta(days=30)

    def clean_berlaku_sampai(self):
        berlaku = self.cleaned_data["berlaku_sampai"]
        today = timezone.localdate()
        if berlaku < today:
            raise forms.ValidationError("Tanggal sudah lewat; pengumuman tidak akan tampil.")
        if berlaku > today + datetime.timedelta(days=BERLAKU_PALING_LAMA):
            raise forms.ValidationError("Paling lama satu tahun dari hari ini.")
        return berlaku

    def clean_lampiran(self):
        lampiran = self.cleaned_data.get("lampiran")
        if not lampiran or not hasattr(lampiran, "content_type"):
            return lampiran
        if lampiran.size > LAMPIRAN_MAKSIMUM:
            raise forms.ValidationError("Lampiran paling besar 5 MB.")
        head = lampiran.read(5)
        lampiran.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError("Lampiran harus berkas PDF yang sah.")
        return lampiran

"""The RT of a desa, kept by its operator."""

from django import forms

from desa.forms.masukan import MasukanAmanMixin
from desa.models import RT
from desa.models.pengguna import validate_telepon


class RTForm(MasukanAmanMixin, forms.ModelForm):
    class Meta:
        model = RT
        fields = ["nomor", "rw", "nama_ketua", "telepon_ketua", "aktif"]

    def __init__(self, *args, desa, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = desa

    def clean_nomor(self):
        nomor = self.cleaned_data["nomor"]
        if nomor < 1:
            raise forms.ValidationError("Nomor RT mulai dari 1.")
        duplicate = RT.objects.filter(desa=self.desa, nomor=nomor).exclude(pk=self.instance.pk)
        if duplicate.exists():
            raise forms.ValidationError(f"RT {nomor:03d} sudah ada di desa ini.")
        return nomor

    def clean_telepon_ketua(self):
        value = self.cleaned_data["telepon_ketua"].strip()
        if value:
            validate_telepon(value)
        return value

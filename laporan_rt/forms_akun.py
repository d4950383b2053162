"""The desa operator's forms for the Ketua RT accounts of the desa."""

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm

from desa.forms.masukan import MasukanAmanMixin
from desa.models import RT, Pengguna
from desa.scoping import Peran


class RTChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} · {obj.rw}" if obj.rw else str(obj)


class KetuaRTCreateForm(MasukanAmanMixin, BaseUserCreationForm):
    class Meta:
        model = Pengguna
        fields = ["username", "first_name", "rt", "telepon"]
        labels = {"username": "Nama pengguna", "first_name": "Nama lengkap"}
        field_classes = {"rt": RTChoiceField}

    def __init__(self, *args, desa, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = desa
        self.fields["rt"].queryset = RT.objects.filter(desa=desa, aktif=True).order_by("nomor")
        self.fields["rt"].required = True
        self.fields["rt"].label = "RT"
        self.fields["rt"].empty_label = "Pilih RT"
        self.fields["rt"].help_text = "Akun ini hanya dapat mengisi dan mengirim laporan RT ini."
        self.fields["rt"].error_messages["invalid_choice"] = "Pilih RT aktif dari desa ini."
        self.fields["first_name"].required = True
        self.fields["telepon"].required = True
        self.fields["telepon"].help_text = "Nomor HP/WhatsApp Ketua RT."

    def save(self, commit=True):
        user = super().save(commit=False)
        user.peran = Peran.KETUA_RT
        user.desa = None
        user.kecamatan = None
        user.kabupaten = None
        if commit:
            user.save()
        return user

"""Accounts: signing in, and the accounts a manager creates, changes and resets."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, SetPasswordForm
from django.core.validators import MaxLengthValidator

from desa.forms.masukan import MasukanAmanMixin
from desa.models import RT, Desa, Pengguna
from desa.scoping import Peran

# The fields that tie an account to its area; a role keeps one of them.
AREA_FIELDS = ("kabupaten", "kecamatan", "desa", "rt")


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Nama pengguna atau kata sandi salah. Perhatikan huruf besar/kecil.",
        "inactive": "Akun ini sudah dinonaktifkan. Hubungi Kasi Trantib kecamatan.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets the field's max_length after the field is built, so it is never checked;
        # a longer name would reach the lockout's 255-character column (an error on PostgreSQL).
        username = self.fields["username"]
        pesan = f"Nama pengguna paling panjang {username.max_length} karakter."
        username.validators.append(MaxLengthValidator(username.max_length, pesan))
        username.label = "Nama pengguna"
        self.fields["password"].label = "Kata sandi"


class _AkunBaruForm(MasukanAmanMixin, BaseUserCreationForm):
    """A new account of one role; it keeps only the area field its role needs."""

    peran = None
    area = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["telepon"].required = True

    def save(self, commit=True):
        user = super().save(commit=False)
        user.peran = self.peran
        for field in AREA_FIELDS:
            if field != self.area:
                setattr(user, field, None)
        if commit:
            user.save()
        return user


class OperatorCreateForm(_AkunBaruForm):
    peran = Peran.OPERATOR_DESA
    area = "desa"

    class Meta:
        model = Pengguna
        fields = ["username", "first_name", "desa", "telepon", "email"]
        labels = {"first_name": "Nama lengkap", "username": "Nama pengguna"}

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.kecamatan = kecamatan
        self.fields["desa"].queryset = Desa.objects.filter(kecamatan=kecamatan)
        self.fields["desa"].required = True
        self.fields["desa"].label = "Desa/kelurahan"
        self.fields["telepon"].help_text = "Dipakai untuk pengingat WhatsApp."


class RTChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} · {obj.rw}" if obj.rw else str(obj)


class KetuaRTCreateForm(_AkunBaruForm):
    peran = Peran.KETUA_RT
    area = "rt"

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
        self.fields["telepon"].help_text = "Nomor HP/WhatsApp Ketua RT."


class OperatorUpdateForm(MasukanAmanMixin, forms.ModelForm):
    class Meta:
        model = Pengguna
        fields = ["first_name", "desa", "telepon", "email"]
        labels = {"first_name": "Nama lengkap"}

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desa"].queryset = Desa.objects.filter(kecamatan=kecamatan)
        self.fields["desa"].required = True
        self.fields["desa"].label = "Desa/kelurahan"


class ResetSandiForm(SetPasswordForm):
    """A manager sets a new password for an operator or a Ketua RT who forgot theirs."""

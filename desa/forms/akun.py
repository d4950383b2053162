"""Accounts: signing in, and the accounts a manager creates, changes and resets."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, SetPasswordForm
from django.core.validators import MaxLengthValidator

from desa.forms.masukan import MasukanAmanMixin
from desa.models import Desa, Pengguna
from desa.scoping import Peran


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


class OperatorCreateForm(MasukanAmanMixin, BaseUserCreationForm):
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
        self.fields["first_name"].required = True
        self.fields["telepon"].required = True
        self.fields["telepon"].help_text = "Dipakai untuk pengingat WhatsApp."

    def save(self, commit=True):
        user = super().save(commit=False)
        user.peran = Peran.OPERATOR_DESA
        user.kecamatan = None
        if commit:
            user.save()
        return user


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
    """The Kasi Trantib sets a new password for an operator who forgot theirs."""

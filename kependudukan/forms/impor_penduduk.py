"""The upload of a SIAK/BIP or OpenSID export (which desa, as of when) and the confirmation of the
data awal it proposes."""

import datetime

from django import forms
from django.utils import timezone

from desa.forms.periode import BulanField
from kependudukan.forms.data_awal import DataAwalForm
from kependudukan.forms.impor import ImporForm


class ImporPendudukForm(ImporForm):
    desa = forms.ModelChoiceField(
        label="Desa/kelurahan",
        queryset=None,
        empty_label="Pilih desa/kelurahan",
        help_text=(
            "Ekspor SIAK, BIP, dan OpenSID tidak memuat kode desa: pilih desa yang penduduknya ada di berkas."
        ),
        error_messages={
            "required": "Pilih desa/kelurahan berkas ini.",
            "invalid_choice": "Anda hanya dapat mengimpor penduduk desa/kelurahan di wilayah tugas Anda.",
        },
    )
    tanggal_data = forms.DateField(
        label="Keadaan data per tanggal",
        help_text="Tanggal berkas diekspor dari SIAK/BIP/OpenSID.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Isi tanggal keadaan data.",
            "invalid": "Tulis tanggal, misalnya 2026-11-30.",
        },
    )

    field_order = ["berkas", "desa", "tanggal_data"]

    def __init__(self, *args, desa_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].label = "Berkas ekspor (.xlsx)"
        self.fields["desa"].queryset = desa_list
        if desa_list.count() == 1:  # an operator: their own desa, shown but not chosen
            self.fields["desa"].initial = desa_list.first()
            self.fields["desa"].disabled = True
            self.fields["desa"].help_text = ""
        today = timezone.localdate()
        self.fields["tanggal_data"].initial = today
        self.fields["tanggal_data"].widget.attrs["max"] = today.isoformat()

    def clean_tanggal_data(self):
        tanggal = self.cleaned_data["tanggal_data"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal data tidak boleh sesudah hari ini.")
        if tanggal < datetime.date(2000, 1, 1):
            raise forms.ValidationError("Tanggal data terlalu lama; KUDAPANMAS mencatat mulai tahun 2000.")
        return tanggal


class UsulanDataAwalForm(forms.Form):
    """Only the first month is asked: the numbers are those the saved export counted."""

    bulan_pertama = BulanField(
        label="Bulan pertama",
        help_text=(
            "Jumlah di atas menjadi keadaan awal bulan ini; peristiwa sebelum bulan ini tidak dicatat lagi."
        ),
    )

    clean_bulan_pertama = DataAwalForm.clean_bulan_pertama

from django import forms

from kependudukan.impor.kolom import MAKS_UKURAN_BERKAS


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas Excel (.xlsx)",
        widget=forms.FileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
        error_messages={"required": "Pilih berkas Excel yang akan diimpor.", "empty": "Berkas kosong."},
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        name = berkas.name.lower()
        if name.endswith(".xls"):
            raise forms.ValidationError(
                "Format .xls (Excel lama) tidak didukung. Buka berkas di Excel lalu simpan sebagai .xlsx."
            )
        if not name.endswith(".xlsx"):
            raise forms.ValidationError("Berkas harus berformat Excel .xlsx (pakai templat impor).")
        if berkas.size > MAKS_UKURAN_BERKAS:
            mb = MAKS_UKURAN_BERKAS // (1024 * 1024)
            ukuran = f"{berkas.size / 1024 / 1024:.1f}".replace(".", ",")
            raise forms.ValidationError(
                f"Berkas terlalu besar ({ukuran} MB; paling besar {mb} MB). Bagi menjadi beberapa berkas."
            )
        return berkas

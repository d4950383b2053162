"""The upload of OpenSID's event log: the file as OpenSID serves it (.xls, an HTML table) or saved
again as .xlsx, and the desa it is of (the log names none, as OpenSID's population export does not)."""

from django import forms

from kependudukan.forms.impor_penduduk import ImporPendudukForm
from kependudukan.impor.kolom import MAKS_UKURAN_BERKAS


class ImporPeristiwaOpenSIDForm(ImporPendudukForm):
    def __init__(self, *args, desa_list, **kwargs):
        super().__init__(*args, desa_list=desa_list, **kwargs)
        del self.fields["tanggal_data"]  # each event has its own date
        self.fields["berkas"].label = "Log penduduk OpenSID (.xls atau .xlsx)"
        self.fields["berkas"].widget.attrs["accept"] = ".xls,.xlsx"
        if not self.fields["desa"].disabled:
            self.fields[
                "desa"
            ].help_text = "Log OpenSID tidak memuat kode desa: pilih desa yang peristiwanya ada di berkas."

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith((".xls", ".xlsx")):
            raise forms.ValidationError(
                "Unggah berkas Log_Penduduk_….xls dari OpenSID (atau yang disimpan ulang sebagai .xlsx)."
            )
        if berkas.size > MAKS_UKURAN_BERKAS:
            mb = MAKS_UKURAN_BERKAS // (1024 * 1024)
            raise forms.ValidationError(f"Berkas terlalu besar (paling besar {mb} MB). Unduh log per bulan.")
        return berkas

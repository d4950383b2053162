"""The uploads of an OpenSID program bantuan workbook (which desa) and a SIKS-NG desil ranking
(which desa, as of when): neither file carries a Kemendagri desa code."""

from kependudukan.forms.impor_penduduk import ImporPendudukForm


class ImporDesilForm(ImporPendudukForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].label = "Berkas pemeringkatan desil SIKS-NG (.xlsx)"
        if not self.fields["desa"].disabled:
            self.fields["desa"].help_text = "Berkas SIKS-NG tidak memuat kode desa: pilih desa keluarganya."
        self.fields["tanggal_data"].label = "Desil per tanggal"
        self.fields[
            "tanggal_data"
        ].help_text = "Tanggal berkas diunduh dari SIKS-NG: menjadi tanggal pemutakhiran di riwayat keluarga."


class ImporBantuanForm(ImporPendudukForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["tanggal_data"]
        self.fields["berkas"].label = "Berkas impor program bantuan OpenSID (.xlsx)"
        if not self.fields["desa"].disabled:
            self.fields["desa"].help_text = "Berkas OpenSID tidak memuat kode desa: pilih desa penerimanya."

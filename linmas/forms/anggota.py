from django import forms

from desa.forms.masukan import MasukanAmanMixin
from desa.identitas import check_nik
from desa.models import RT
from desa.models.pengguna import validate_telepon
from linmas.forms.widgets import DateInput
from linmas.models import AnggotaLinmas, Jabatan, JenisKelamin


class AnggotaForm(MasukanAmanMixin, forms.ModelForm):
    """A roster entry. The view sets the desa on the instance before the form sees it."""

    class Meta:
        model = AnggotaLinmas
        fields = [
            "nik",
            "nama",
            "jenis_kelamin",
            "tanggal_lahir",
            "sudah_menikah",
            "alamat",
            "rt",
            "telepon",
            "jabatan",
            "regu",
            "nomor_sk",
            "tanggal_sk",
            "aktif",
            "tanggal_berhenti",
        ]
        widgets = {
            "tanggal_lahir": DateInput(),
            "tanggal_sk": DateInput(),
            "tanggal_berhenti": DateInput(),
            "jenis_kelamin": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = self.instance.desa
        self.peringatan = []
        self.fields["jenis_kelamin"].choices = JenisKelamin.choices
        self.fields["rt"].queryset = RT.objects.filter(desa=self.desa, aktif=True)
        self.fields["rt"].empty_label = "– tidak dicatat –"
        self.fields["regu"].choices = [("", "– tanpa regu –"), *self.fields["regu"].choices[1:]]
        self.fields["nik"].widget.attrs.update(inputmode="numeric", autocomplete="off", maxlength=16)
        self.fields["telepon"].widget.attrs.update(inputmode="tel")

    def clean_nik(self):
        nik = self.cleaned_data["nik"].strip()
        result = check_nik(nik)
        if result.errors:
            raise forms.ValidationError(result.errors)
        return nik

    def clean_telepon(self):
        value = self.cleaned_data["telepon"].strip()
        if value:
            validate_telepon(value)
        return value

    def clean(self):
        cleaned = super().clean()
        nik = cleaned.get("nik")
        if nik:
            self.peringatan = check_nik(
                nik, jenis_kelamin=cleaned.get("jenis_kelamin"), tanggal_lahir=cleaned.get("tanggal_lahir")
            ).warnings
        if cleaned.get("aktif"):
            self._check_one_membership(nik)
            self._check_one_leader(cleaned.get("jabatan"), cleaned.get("regu"))
        return cleaned

    def _others(self):
        return AnggotaLinmas.objects.aktif().exclude(pk=self.instance.pk)

    def _check_one_membership(self, nik):
        if not nik:
            return
        other = self._others().filter(nik=nik).select_related("desa__kecamatan").first()
        if other is None:
            return
        if other.desa_id == self.desa.pk:
            message = f"NIK ini sudah terdaftar di Satlinmas desa ini atas nama {other.nama}."
        else:
            message = (
                f"NIK ini sudah tercatat sebagai anggota Linmas aktif di {other.desa} "
                f"({other.desa.kecamatan}). Satu orang hanya boleh aktif di satu Satlinmas; "
                "minta desa itu menonaktifkannya lebih dulu."
            )
        self.add_error("nik", message)

    def _check_one_leader(self, jabatan, regu):
        holders = self._others().filter(desa=self.desa, jabatan=jabatan)
        if jabatan == Jabatan.KOMANDAN_REGU:
            holders = holders.filter(regu=regu)
        elif jabatan == Jabatan.ANGGOTA:
            return
        holder = holders.first()
        if holder is None:
            return
        if jabatan == Jabatan.KOMANDAN_REGU:
            where = f"Regu {holder.get_regu_display()} sudah punya Komandan Regu aktif"
        else:
            where = f"Desa ini sudah punya {Jabatan(jabatan).label} aktif"
        self.add_error(
            "jabatan",
            f"{where}: {holder.nama}. Ubah dulu jabatannya atau nonaktifkan dia, lalu simpan lagi.",
        )

"""The Kasi Trantib's settings of their kecamatan: deadline day, required kinds, the camat's signature."""

import re

from django import forms

from desa import registry
from desa.forms.masukan import MasukanAmanMixin
from desa.forms.periode import BulanField
from desa.models import Kecamatan
from desa.models.laporan import JenisLaporan
from desa.periode import PERIODE_PERTAMA, Periode, periode_in_range

SEMUA = "semua"
PILIH = "pilih"
# Day 28 exists in every month, so the deadline never falls outside the month after.
HARI_TERAKHIR = 28


class KecamatanPengaturanForm(MasukanAmanMixin, forms.ModelForm):
    cakupan = forms.ChoiceField(
        label="Jenis laporan wajib",
        choices=[
            (SEMUA, "Semua jenis laporan yang sudah tersedia (termasuk yang tersedia kemudian)"),
            (PILIH, "Hanya jenis yang dipilih di bawah"),
        ],
        widget=forms.RadioSelect,
    )
    jenis_dipilih = forms.MultipleChoiceField(
        label="Jenis yang diwajibkan",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bulan_mulai = BulanField(
        label="Bulan pertama pelaporan lewat KUDAPANMAS",
        required=False,
        help_text="Laporan bulan-bulan sebelumnya belum wajib: tidak dihitung di dasbor, rapor, rekap dan "
        "pengingat. Kosongkan bila semua bulan wajib.",
    )

    class Meta:
        model = Kecamatan
        fields = [
            "hari_batas_waktu", "pengingat_hari_sebelum", "pengingat_hari_batas", "pengingat_hari_sesudah",
            "nama_camat", "nip_camat",
        ]  # fmt: skip
        labels = {
            "hari_batas_waktu": "Batas waktu (tanggal di bulan berikutnya)",
            "nama_camat": "Nama camat (untuk tanda tangan rekap dan rapor)",
            "nip_camat": "NIP camat",
        }
        help_texts = {
            "hari_batas_waktu": "Laporan bulan Agustus harus dikirim paling lambat pukul 23.59 WITA pada "
            "tanggal ini di bulan September. Antara 1 dan 28.",
            "nip_camat": "18 angka, boleh ditulis dengan spasi.",
            "pengingat_hari_sebelum": "E-mail otomatis ke operator desa yang belum mengirim, sekian hari "
            "sebelum batas waktu. 0 = tidak ada.",
            "pengingat_hari_batas": "E-mail otomatis pada pagi hari batas waktu.",
            "pengingat_hari_sesudah": "Sekian hari sesudah batas waktu: e-mail ke operator yang masih "
            "terlambat dan ringkasannya ke camat. 0 = tidak ada.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        available = registry.available_kinds()
        self.fields["jenis_dipilih"].choices = [
            (jenis.value, jenis.label if jenis in available else f"{jenis.label} (belum tersedia)")
            for jenis in JenisLaporan
        ]
        chosen = list(self.instance.jenis_laporan_wajib or [])
        self.fields["cakupan"].initial = PILIH if chosen else SEMUA
        self.fields["jenis_dipilih"].initial = chosen or [jenis.value for jenis in available]
        self.fields["hari_batas_waktu"].widget.attrs.update(min=1, max=HARI_TERAKHIR)
        if self.instance.mulai_pelaporan:
            self.initial["bulan_mulai"] = str(self.instance.mulai_pelaporan)

    def clean_bulan_mulai(self):
        periode = self.cleaned_data["bulan_mulai"]
        if periode is not None and not periode_in_range(periode):
            raise forms.ValidationError(
                f"Pilih bulan antara {PERIODE_PERTAMA.label} dan {Periode.current().shift(12).label}."
            )
        return periode

    def clean_hari_batas_waktu(self):
        hari = self.cleaned_data["hari_batas_waktu"]
        if not 1 <= hari <= HARI_TERAKHIR:
            raise forms.ValidationError(f"Isi tanggal antara 1 dan {HARI_TERAKHIR}.")
        return hari

    def clean_nip_camat(self):
        nip = re.sub(r"\s", "", self.cleaned_data["nip_camat"])
        if nip and not re.fullmatch(r"\d{18}", nip):
            raise forms.ValidationError("NIP terdiri dari 18 angka.")
        return nip

    def clean(self):
        cleaned = super().clean()
        chosen_nothing = "jenis_dipilih" not in self.errors and not cleaned.get("jenis_dipilih")
        if cleaned.get("cakupan") == PILIH and chosen_nothing:
            self.add_error("jenis_dipilih", "Pilih paling sedikit satu jenis laporan.")
        return cleaned

    def save(self, commit=True):
        kecamatan = super().save(commit=False)
        mulai = self.cleaned_data["bulan_mulai"]
        kecamatan.mulai_pelaporan = mulai
        if self.cleaned_data["cakupan"] == SEMUA:
            kecamatan.jenis_laporan_wajib = []
        else:
            chosen = set(self.cleaned_data["jenis_dipilih"])
            kecamatan.jenis_laporan_wajib = [jenis.value for jenis in JenisLaporan if jenis in chosen]
        if commit:
            kecamatan.save()
        return kecamatan

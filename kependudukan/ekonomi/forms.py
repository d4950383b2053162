"""Forms of households, recipients, the decisions about a flagged recipient, and programmes."""

from django import forms
from django.db.models import Q
from django.utils import timezone

from desa.forms.masukan import MasukanAmanMixin
from desa.forms.periode import BulanField
from desa.periode import Periode
from kependudukan.ekonomi import aturan
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, ProgramBantuan


def _check(message):
    if message:
        raise forms.ValidationError(message)


class KeluargaForm(MasukanAmanMixin, forms.ModelForm):
    class Meta:
        model = Keluarga
        fields = [
            "no_kk", "nik_kepala", "nama_kepala", "nomor_rt", "jumlah_anggota", "desil", "kategori_ks",
            "tanggal_pemutakhiran",
        ]  # fmt: skip
        widgets = {
            "tanggal_pemutakhiran": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "no_kk": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 16}),
            "nik_kepala": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 16}),
        }

    def __init__(self, *args, desa, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = desa
        if not self.instance.pk:
            self.initial.setdefault("tanggal_pemutakhiran", timezone.localdate())

    def clean_tanggal_pemutakhiran(self):
        tanggal = self.cleaned_data["tanggal_pemutakhiran"]
        _check(aturan.pesan_pemutakhiran(tanggal, timezone.localdate()))
        return tanggal

    def clean_no_kk(self):
        no_kk = self.cleaned_data["no_kk"].strip()
        others = Keluarga.objects.filter(desa=self.desa, no_kk=no_kk).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("No. KK ini sudah tercatat di desa ini.")
        return no_kk


class PenerimaForm(MasukanAmanMixin, forms.ModelForm):
    bulan_mulai = BulanField(label="Mulai menerima")
    bulan_selesai = BulanField(
        label="Bulan terakhir (boleh kosong)",
        required=False,
        help_text="Kosong berarti masih menerima.",
    )

    class Meta:
        model = PenerimaBantuan
        fields = ["program", "nik", "nama", "no_kk", "keterangan"]
        widgets = {
            "nik": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 16}),
            "no_kk": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 16}),
        }

    def __init__(self, *args, desa, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = desa
        self.fields["program"].queryset = ProgramBantuan.objects.untuk_desa([desa]).filter(aktif=True)
        self.fields["program"].empty_label = "Pilih program"
        if self.instance.pk:
            self.initial["bulan_mulai"] = str(self.instance.mulai)
            if self.instance.selesai:
                self.initial["bulan_selesai"] = str(self.instance.selesai)
        else:
            self.initial.setdefault("bulan_mulai", str(Periode.current()))

    def clean_bulan_mulai(self):
        periode = self.cleaned_data["bulan_mulai"]
        _check(aturan.pesan_mulai(periode, timezone.localdate()))
        return periode

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("bulan_mulai"), data.get("bulan_selesai")
        message = selesai and aturan.pesan_selesai(selesai, mulai, timezone.localdate())
        if message:
            self.add_error("bulan_selesai", message)
        program, nik = data.get("program"), data.get("nik")
        if program and nik:
            others = PenerimaBantuan.objects.filter(desa=self.desa, program=program, nik=nik)
            if others.exclude(pk=self.instance.pk).exists():
                self.add_error("nik", f"NIK ini sudah terdaftar sebagai penerima {program} di desa ini.")
        if mulai:
            self.instance.mulai = mulai
        if "bulan_selesai" in data:
            self.instance.selesai = selesai
        return data


class HentikanForm(MasukanAmanMixin, forms.Form):
    tanggal = forms.DateField(
        label="Tanggal berhenti",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Bulan tanggal ini menjadi bulan terakhir bantuan diterima.",
    )
    alasan = forms.CharField(label="Alasan", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class PertahankanForm(MasukanAmanMixin, forms.Form):
    alasan = forms.CharField(
        label="Alasan tetap menerima",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Misalnya: bantuan PKH diteruskan kepada ahli waris (sebut namanya).",
    )


class ProgramForm(MasukanAmanMixin, forms.ModelForm):
    """A programme, added by an administrator: national, or one kabupaten's own."""

    class Meta:
        model = ProgramBantuan
        fields = ["kabupaten", "kode", "nama", "sasaran", "untuk_desil_1_4"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kabupaten"].empty_label = "– program nasional (semua kabupaten) –"
        self.fields["kabupaten"].label = "Berlaku di"

    def clean_kode(self):
        return " ".join(self.cleaned_data["kode"].upper().split())

    def clean(self):
        data = super().clean()
        kode, kabupaten = data.get("kode"), data.get("kabupaten")
        if kode:
            same = ProgramBantuan.objects.filter(kode=kode)
            same = same.filter(Q(kabupaten__isnull=True) | Q(kabupaten=kabupaten)) if kabupaten else same
            if same.exists():
                self.add_error("kode", f"Kode {kode} sudah dipakai program lain yang berlaku di sana.")
        return data

"""The RT report form: short enough for a phone, strict enough that the numbers add up.

Guests and incidents are inline formsets with a few empty rows, so the page works without
JavaScript: a row left empty is ignored, a row with anything in it must be complete.
"""

from django import forms
from django.forms import inlineformset_factory

from desa.forms.masukan import MasukanAmanMixin
from desa.identitas import validate_nik
from desa.periode import format_tanggal
from laporan_rt.models import KEGIATAN_FIELDS, PERISTIWA_FIELDS, KejadianRT, LaporanRT, TamuWajibLapor

NUMBER_FIELDS = [
    "awal_kk",
    "awal_l",
    "awal_p",
    *(name for fields in PERISTIWA_FIELDS.values() for name in fields.values()),
    "akhir_kk",
]
TAMU_BARIS_KOSONG = 2
KEJADIAN_BARIS_KOSONG = 2


def _number_widget():
    return forms.NumberInput(attrs={"class": "form-control", "min": 0, "inputmode": "numeric"})


def _text_area(rows=2):
    return forms.Textarea(attrs={"class": "form-control", "rows": rows})


class LaporanRTForm(MasukanAmanMixin, forms.ModelForm):
    class Meta:
        model = LaporanRT
        fields = [
            *NUMBER_FIELDS,
            "catatan_perbedaan",
            *KEGIATAN_FIELDS,
            "catatan_kegiatan",
            "masalah",
            "usulan",
        ]
        labels = {
            "awal_kk": "KK",
            "awal_l": "Laki-laki",
            "awal_p": "Perempuan",
            "akhir_kk": "Jumlah KK akhir bulan",
            **{name: jk for fields in PERISTIWA_FIELDS.values() for jk, name in fields.items()},
            **KEGIATAN_FIELDS,
            "masalah": "Masalah di RT",
            "usulan": "Usulan kepada desa",
        }
        error_messages = {
            name: {
                "required": "Wajib diisi (tulis 0 bila tidak ada).",
                "invalid": "Isi dengan angka bulat.",
                "min_value": "Tidak boleh kurang dari 0.",
                "max_value": "Angka terlalu besar (paling banyak %(limit_value)s).",
            }
            for name in [*NUMBER_FIELDS, *KEGIATAN_FIELDS]
        }

    def __init__(self, *args, acuan, **kwargs):
        super().__init__(*args, **kwargs)
        self.acuan = acuan
        if self.instance.pk is None and not self.is_bound:
            self.initial.update(acuan.initial())
        for name in [*NUMBER_FIELDS, *KEGIATAN_FIELDS]:
            self.fields[name].widget = _number_widget()
        for name in ("catatan_perbedaan", "catatan_kegiatan", "masalah", "usulan"):
            self.fields[name].widget = _text_area()
        self.selisih = []

    def clean(self):
        cleaned = super().clean()
        values = {name: cleaned.get(name) for name in NUMBER_FIELDS}
        if any(value is None for value in values.values()):
            return cleaned
        self.selisih = self.acuan.selisih(values)
        catatan = (cleaned.get("catatan_perbedaan") or "").strip()
        cleaned["catatan_perbedaan"] = catatan
        if self.selisih and not catatan:
            daftar = "; ".join(str(item) for item in self.selisih)
            self.add_error(
                "catatan_perbedaan",
                f"Angka berikut berbeda dari isian otomatis: {daftar}. Tulis penjelasannya di sini, "
                "atau kembalikan angkanya.",
            )
        for jk, label in (("l", "laki-laki"), ("p", "perempuan")):
            akhir = (
                values[f"awal_{jk}"] + values[f"lahir_{jk}"] + values[f"datang_{jk}"]
                - values[f"meninggal_{jk}"] - values[f"pindah_{jk}"]
            )  # fmt: skip
            if akhir < 0:
                self.add_error(
                    f"awal_{jk}",
                    f"Penduduk {label} akhir bulan menjadi {akhir}: yang meninggal dan pindah lebih banyak "
                    "dari penduduk awal ditambah yang lahir dan datang. Periksa angkanya.",
                )
        return cleaned


class TamuForm(MasukanAmanMixin, forms.ModelForm):
    class Meta:
        model = TamuWajibLapor
        fields = ["nama", "nomor_identitas", "asal", "keperluan", "tanggal_datang", "tanggal_pergi"]
        widgets = {
            "tanggal_datang": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tanggal_pergi": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "nama": {"required": "Tulis nama tamu."},
            "nomor_identitas": {"required": "Tulis NIK atau nomor paspor tamu."},
            "asal": {"required": "Tulis asal tamu."},
            "keperluan": {"required": "Tulis keperluan tamu."},
            "tanggal_datang": {"required": "Isi tanggal datang.", "invalid": "Tanggal tidak valid."},
            "tanggal_pergi": {"invalid": "Tanggal tidak valid."},
        }

    def __init__(self, *args, periode, **kwargs):
        super().__init__(*args, **kwargs)
        self.periode = periode
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")

    def clean_nomor_identitas(self):
        value = "".join(self.cleaned_data["nomor_identitas"].split()).upper()
        if value.isdigit():
            validate_nik(value)
        elif not value.isalnum() or not 5 <= len(value) <= 20:
            raise forms.ValidationError("Tulis NIK 16 angka, atau nomor paspor (5-20 huruf dan angka).")
        return value

    def clean(self):
        cleaned = super().clean()
        datang, pergi = cleaned.get("tanggal_datang"), cleaned.get("tanggal_pergi")
        if datang and datang > self.periode.akhir:
            self.add_error("tanggal_datang", f"Tamu ini datang setelah {format_tanggal(self.periode.akhir)}.")
        if datang and pergi:
            if pergi <= datang:
                self.add_error(
                    "tanggal_pergi", "Tamu wajib lapor menginap lebih dari 24 jam: pergi setelah datang."
                )
            elif pergi < self.periode.awal:
                self.add_error("tanggal_pergi", f"Tamu ini sudah pergi sebelum {self.periode.label}.")
        return cleaned


class KejadianForm(MasukanAmanMixin, forms.ModelForm):
    class Meta:
        model = KejadianRT
        fields = ["jenis", "tanggal", "uraian"]
        widgets = {
            "tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "uraian": forms.TextInput(),
        }
        error_messages = {
            "jenis": {
                "required": "Pilih jenis kejadian.",
                "invalid_choice": "Pilih jenis kejadian dari daftar.",
            },
            "tanggal": {"required": "Isi tanggal kejadian.", "invalid": "Tanggal tidak valid."},
            "uraian": {"required": "Tulis uraian singkat kejadian."},
        }

    def __init__(self, *args, periode, **kwargs):
        super().__init__(*args, **kwargs)
        self.periode = periode
        self.fields["jenis"].widget.attrs["class"] = "form-select"
        for name in ("tanggal", "uraian"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if not self.periode.awal <= tanggal <= self.periode.akhir:
            raise forms.ValidationError(f"Tanggal kejadian harus di bulan {self.periode.label}.")
        return tanggal


class _BarisFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, periode, **kwargs):
        self.periode = periode
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "periode": self.periode}


TamuFormSet = inlineformset_factory(
    LaporanRT, TamuWajibLapor, form=TamuForm, formset=_BarisFormSet, extra=TAMU_BARIS_KOSONG, max_num=50
)
KejadianFormSet = inlineformset_factory(
    LaporanRT, KejadianRT, form=KejadianForm, formset=_BarisFormSet, extra=KEJADIAN_BARIS_KOSONG, max_num=50
)

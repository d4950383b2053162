"""The four event forms (LAHIR, MATI, DATANG, PINDAH): one ModelForm, its fields chosen per kind."""

from django import forms
from django.utils import timezone

from desa.forms.masukan import MasukanAmanMixin
from desa.models import Desa
from desa.periode import format_tanggal
from kependudukan import aturan
from kependudukan.models import JenisKelamin, JenisPeristiwa, Peristiwa

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

PERSON = ["nik", "nama", "jenis_kelamin", "tanggal_lahir", "no_kk", "kewarganegaraan", "nomor_rt"]
FIELDS_BY_KIND = {
    JenisPeristiwa.LAHIR: [
        "nama", "jenis_kelamin", "tanggal_peristiwa", "tempat_lahir", "nama_ayah", "nama_ibu",
        "nik", "no_kk", "kewarganegaraan", "nomor_rt", "tanggal_lapor", "keterangan",
    ],
    JenisPeristiwa.MATI: [
        *PERSON, "tanggal_peristiwa", "tempat_meninggal", "sebab_kematian", "tanggal_lapor", "keterangan",
    ],
    JenisPeristiwa.DATANG: [
        *PERSON, "kepala_keluarga", "tanggal_peristiwa", "alamat_asal_tujuan", "desa_asal_tujuan",
        "tanggal_lapor", "keterangan",
    ],
    JenisPeristiwa.PINDAH: [
        *PERSON, "kepala_keluarga", "tanggal_peristiwa", "alamat_asal_tujuan", "desa_asal_tujuan",
        "tingkat_pindah", "tanggal_lapor", "keterangan",
    ],
}  # fmt: skip
LABELS_BY_KIND = {
    JenisPeristiwa.LAHIR: {"tanggal_peristiwa": "Tanggal lahir", "nama": "Nama bayi"},
    JenisPeristiwa.MATI: {"tanggal_peristiwa": "Tanggal meninggal"},
    JenisPeristiwa.DATANG: {
        "tanggal_peristiwa": "Tanggal datang",
        "alamat_asal_tujuan": "Alamat asal",
        "desa_asal_tujuan": "Desa asal (bila di Kabupaten Balangan)",
    },
    JenisPeristiwa.PINDAH: {
        "tanggal_peristiwa": "Tanggal pindah",
        "alamat_asal_tujuan": "Alamat tujuan",
        "desa_asal_tujuan": "Desa tujuan (bila di Kabupaten Balangan)",
    },
}
REQUIRED_BY_KIND = {
    JenisPeristiwa.LAHIR: ["tempat_lahir", "nama_ibu"],
    JenisPeristiwa.MATI: ["nik", "sebab_kematian"],
    JenisPeristiwa.DATANG: ["nik", "alamat_asal_tujuan"],
    JenisPeristiwa.PINDAH: ["nik", "alamat_asal_tujuan"],
}
HELP = {
    "nik": "16 angka. Untuk bayi boleh kosong bila belum terbit.",
    "tanggal_lapor": (
        "Tanggal warga melaporkan peristiwa ini ke desa (bukan tanggal kejadiannya). "
        "Bulannya menentukan masuk laporan bulan mana."
    ),
    "kepala_keluarga": "Centang bila orang ini kepala keluarga: jumlah KK ikut bertambah/berkurang.",
    "desa_asal_tujuan": "Isi agar kepindahan dicocokkan dengan catatan desa itu.",
}


# The desa's reference list of residents: it fills the MATI and PINDAH forms by NIK and warns
# when a LAHIR or DATANG NIK already lives in the desa (kependudukan.models.rujukan).
DIISI_DARI_RUJUKAN = (JenisPeristiwa.MATI, JenisPeristiwa.PINDAH)
DIPERIKSA_DI_RUJUKAN = (JenisPeristiwa.LAHIR, JenisPeristiwa.DATANG)
TETAP_SIMPAN = "tetap_simpan"
PESAN_TIDAK_ADA = "NIK tidak ada di daftar penduduk desa; isi data secara manual."


def nilai_rujukan(penduduk):
    """A reference resident's values as the event form posts them."""
    return {
        "nama": penduduk.nama,
        "jenis_kelamin": penduduk.jenis_kelamin,
        "tanggal_lahir": penduduk.tanggal_lahir.isoformat() if penduduk.tanggal_lahir else "",
        "no_kk": penduduk.no_kk,
        "nomor_rt": str(penduduk.nomor_rt or ""),
        "kewarganegaraan": penduduk.kewarganegaraan,
        "kepala_keluarga": "on" if penduduk.kepala_keluarga else "",
    }


def _asal_daftar(penduduk):
    daftar = penduduk.daftar
    return daftar.get_sumber_display().split(" (")[0], format_tanggal(daftar.tanggal_data)


def catatan_diisi(penduduk):
    sumber, tanggal = _asal_daftar(penduduk)
    return f"Diisi dari daftar penduduk ({sumber}, {tanggal}). Periksa sebelum menyimpan."


def pesan_sudah_penduduk(penduduk):
    rt = f"RT {penduduk.nomor_rt:03d}" if penduduk.nomor_rt else "RT tidak diketahui"
    return (
        f"NIK ini sudah tercatat sebagai penduduk desa (nama {penduduk.nama}, {rt}) menurut daftar "
        f"penduduk {_asal_daftar(penduduk)[1]}. Periksa kembali; jika benar, centang 'Tetap simpan'."
    )


class DesaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama} (Kec. {obj.kecamatan.nama})"


class PeristiwaForm(MasukanAmanMixin, forms.ModelForm):
    own_date_rules = ("tanggal_lahir", "tanggal_peristiwa", "tanggal_lapor")  # kependudukan.aturan

    class Meta:
        model = Peristiwa
        fields = [
            "nomor_rt", "nik", "no_kk", "nama", "jenis_kelamin", "tanggal_lahir", "kewarganegaraan",
            "kepala_keluarga", "tanggal_peristiwa", "tempat_lahir", "nama_ayah", "nama_ibu",
            "tempat_meninggal", "sebab_kematian", "alamat_asal_tujuan", "tingkat_pindah",
            "desa_asal_tujuan", "tanggal_lapor", "keterangan",
        ]  # fmt: skip
        field_classes = {"desa_asal_tujuan": DesaChoiceField}
        widgets = {
            "tanggal_peristiwa": DATE_WIDGET,
            "tanggal_lapor": DATE_WIDGET,
            "tanggal_lahir": DATE_WIDGET,
            "jenis_kelamin": forms.RadioSelect,
            "kewarganegaraan": forms.RadioSelect,
            "keterangan": forms.TextInput,
        }

    def __init__(self, *args, desa, jenis, cari_rujukan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa, self.jenis = desa, jenis
        self.peringatan = []
        # Looks a NIK up in the desa's reference list (kependudukan.services.rujukan.cari).
        self.cari_rujukan = cari_rujukan if jenis in DIPERIKSA_DI_RUJUKAN else None
        self.sudah_penduduk = None
        wanted = FIELDS_BY_KIND[jenis]
        self.fields = {name: self.fields[name] for name in wanted}
        self.fields["jenis_kelamin"].choices = JenisKelamin.choices
        for name, label in LABELS_BY_KIND[jenis].items():
            self.fields[name].label = label
        for name in REQUIRED_BY_KIND[jenis]:
            self.fields[name].required = True
        self.fields["nik"].error_messages["required"] = (
            "NIK wajib diisi (boleh kosong hanya untuk kelahiran)."
        )
        for name, text in HELP.items():
            if name in self.fields:
                self.fields[name].help_text = text
        if jenis == JenisPeristiwa.LAHIR:
            self.fields["nik"].help_text = HELP["nik"]
        else:
            self.fields["nik"].help_text = "16 angka, seperti pada KTP atau KK."
        today = timezone.localdate().isoformat()
        for name in ("tanggal_peristiwa", "tanggal_lapor", "tanggal_lahir"):
            if name in self.fields:
                self.fields[name].widget.attrs["max"] = today
        if not self.instance.pk and not self.initial.get("tanggal_lapor"):
            self.initial["tanggal_lapor"] = timezone.localdate()
        if "desa_asal_tujuan" in self.fields:
            self.fields["desa_asal_tujuan"].queryset = (
                Desa.objects.exclude(pk=desa.pk).select_related("kecamatan").order_by("kecamatan_id", "nama")
            )
            self.fields["desa_asal_tujuan"].empty_label = "– di luar Kabupaten Balangan / tidak tahu –"
        if "tingkat_pindah" in self.fields:
            self.fields["tingkat_pindah"].choices = [("", "– terisi sendiri bila desa tujuan dipilih –")] + [
                choice for choice in self.fields["tingkat_pindah"].choices if choice[0]
            ]
        if "sebab_kematian" in self.fields:
            sebab = self.fields["sebab_kematian"]
            sebab.choices = [("", "– pilih –")] + [choice for choice in sebab.choices if choice[0]]
        self._rt_field(desa)

    def _rt_field(self, desa):
        numbers = list(desa.rt_set.filter(aktif=True).values_list("nomor", flat=True))
        if self.instance.nomor_rt and self.instance.nomor_rt not in numbers:
            numbers.append(self.instance.nomor_rt)
        if numbers:
            self.fields["nomor_rt"] = forms.TypedChoiceField(
                label="RT",
                choices=[("", "– tidak diketahui –")] + [(n, f"RT {n:03d}") for n in sorted(numbers)],
                coerce=int,
                required=False,
                empty_value=None,
            )
        else:
            self.fields["nomor_rt"].widget.attrs.update({"min": 1, "max": 999})

    def clean_nik(self):
        return self.cleaned_data.get("nik", "").strip()

    def clean_no_kk(self):
        value = self.cleaned_data.get("no_kk", "").strip()
        error = aturan.periksa_no_kk(value)
        if error:
            raise forms.ValidationError(error)
        return value

    def clean_nomor_rt(self):
        value = self.cleaned_data.get("nomor_rt")
        if value is not None and not 1 <= value <= 999:
            raise forms.ValidationError("Nomor RT antara 1 dan 999.")
        return value

    def clean(self):
        data = super().clean()
        tanggal_peristiwa = data.get("tanggal_peristiwa")
        tanggal_lahir = tanggal_peristiwa if self.jenis == JenisPeristiwa.LAHIR else data.get("tanggal_lahir")
        for name, message in aturan.pesan_tanggal(
            tanggal_peristiwa, data.get("tanggal_lapor"), tanggal_lahir
        ).items():
            self.add_error(name if name in self.fields else "tanggal_peristiwa", message)
        if "nik" in data:
            error, self.peringatan = aturan.periksa_nik(
                self.jenis, data["nik"], data.get("jenis_kelamin"), tanggal_lahir
            )
            if error:
                self.add_error("nik", error)
            else:
                self._check_rujukan(data["nik"])
        if self.jenis == JenisPeristiwa.PINDAH:
            self._clean_tingkat(data)
        return data

    def _check_rujukan(self, nik):
        """A newborn or newcomer whose NIK the desa's list already holds: saved only when confirmed.

        A warning, not a refusal: the list is as old as its last upload.
        """
        if self.cari_rujukan is None or not nik:
            return
        if self.instance.pk and self.instance.nik == nik:  # confirmed when it was first saved
            return
        self.sudah_penduduk = self.cari_rujukan(nik)
        if self.sudah_penduduk is not None and not self.data.get(TETAP_SIMPAN):
            self.add_error("nik", pesan_sudah_penduduk(self.sudah_penduduk))

    def _clean_tingkat(self, data):
        other, tingkat = data.get("desa_asal_tujuan"), data.get("tingkat_pindah")
        if other is None:
            if not tingkat:
                self.add_error("tingkat_pindah", "Pilih tujuan pindah.")
            return
        derived = aturan.tingkat_for(self.desa, other)
        if not tingkat:
            data["tingkat_pindah"] = derived
        elif tingkat != derived:
            label = dict(self.fields["tingkat_pindah"].choices)[derived]
            self.add_error("tingkat_pindah", f"{other} berarti tujuan pindah '{label}'.")

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        self.instance.jenis = self.jenis
        self.instance.desa = self.desa
        self.instance.peringatan = self.peringatan
        self.instance.fill_derived_fields()
        for name, message in aturan.periksa_di_basis_data(self.instance).items():
            self.add_error(name, message)

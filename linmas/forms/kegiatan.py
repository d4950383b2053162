from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils import timezone

from desa.forms.masukan import MasukanAmanMixin, PilihanBanyakField
from desa.ledger import PeriodeTerkunci, ensure_unlocked
from desa.models import RT
from desa.models.laporan import JenisLaporan
from desa.periode import PERIODE_PERTAMA, Periode, periode_in_range
from linmas.forms.widgets import DateInput, MultipleFileField
from linmas.foto import FotoDitolak, foto_siapkan
from linmas.models import FOTO_MAKSIMUM, AnggotaLinmas, Jabatan, JenisKegiatan, Kegiatan, Regu

PIMPINAN = "Pimpinan satuan"
_SINGKATAN = {
    Jabatan.KEPALA_SATUAN: "Kepala Satuan",
    Jabatan.KEPALA_SATUAN_TUGAS: "Danton",
    Jabatan.KOMANDAN_REGU: "Danru",
}


class PesertaField(PilihanBanyakField):
    """Members are listed within their regu, so a label names the regu no more: "Basri (Danru)"."""

    def label_from_instance(self, obj):
        singkatan = _SINGKATAN.get(obj.jabatan)
        return f"{obj.nama} ({singkatan})" if singkatan else obj.nama


@dataclass(frozen=True)
class KelompokPeserta:
    """The members of one regu on the form: checkboxes, how many ticked, whether it shows unfolded."""

    kode: str
    label: str
    pilihan: list
    jumlah_dipilih: int
    terbuka: bool

    @property
    def jumlah(self):
        return len(self.pilihan)


def check_month_open(desa, day):
    """The lock as a form error: the message says why and who can reopen the month. A day in no
    month the app deals with (before 2000) is refused first: it has no ledger row to lock."""
    if not periode_in_range(day):
        raise forms.ValidationError(f"Tanggal tidak boleh sebelum {PERIODE_PERTAMA.label}.")
    try:
        ensure_unlocked(desa, JenisLaporan.LINMAS, Periode.of(day))
    except PeriodeTerkunci as error:
        raise forms.ValidationError(str(error)) from error


def _within(value, limit, label):
    if value is not None and not -limit <= value <= limit:
        raise forms.ValidationError(f"{label} harus antara -{limit} dan {limit} derajat.")
    return value


class KegiatanForm(MasukanAmanMixin, forms.ModelForm):
    """An activity. The view sets the desa on the instance; photos come back as `foto_siap`."""

    peserta = PesertaField(
        queryset=AnggotaLinmas.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Anggota yang ikut",
        error_messages={"required": "Pilih paling sedikit satu anggota yang ikut."},
    )
    foto = MultipleFileField(
        required=False,
        label="Foto kegiatan",
        help_text=(
            f"Paling banyak {FOTO_MAKSIMUM} foto, masing-masing paling besar 10 MB. "
            "Lokasi GPS di foto dihapus."
        ),
    )

    class Meta:
        model = Kegiatan
        fields = ["tanggal", "jenis", "jenis_lainnya", "tempat", "rt", "latitude", "longitude", "uraian"]
        widgets = {"tanggal": DateInput(), "uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.desa = self.instance.desa
        self.tanggal_lama = self.instance.tanggal
        self.foto_siap = []
        current = list(self.instance.peserta.values_list("pk", flat=True)) if self.instance.pk else []
        self.fields["peserta"].queryset = AnggotaLinmas.objects.filter(desa=self.desa).filter(
            Q(aktif=True) | Q(pk__in=current)
        )
        self.fields["peserta"].initial = current
        self.fields["peserta"].widget.attrs["class"] = "form-check-input"
        self.fields["tempat"].help_text = ""
        self.fields["tempat"].widget.attrs["placeholder"] = "Alamat atau nama tempat"
        self.fields["rt"].queryset = RT.objects.filter(desa=self.desa, aktif=True)
        self.fields["rt"].empty_label = "– tidak dicatat –"
        self.fields["foto"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update(inputmode="decimal", step="any")
            self.fields[name].error_messages["invalid"] = "Tulis angka desimal, misalnya -2.330512."

    @property
    def lokasi_terbuka(self):
        """The folded RT and GPS point show unfolded when they hold something or are in error."""
        names = ("rt", "latitude", "longitude")
        return any(self[name].value() not in (None, "") or self[name].errors for name in names)

    def peserta_per_regu(self):
        """The participant checkboxes grouped by regu: the unit's leaders first, then the five regu
        in their official order, a Danru at the head of the regu, then by name."""
        urutan_regu = ["", *Regu.values]
        kelompok = {kode: [] for kode in urutan_regu}
        for pilihan in self["peserta"]:
            anggota = pilihan.data["value"].instance
            kelompok.setdefault(anggota.regu, []).append((anggota, pilihan))
        label = dict(Regu.choices, **{"": PIMPINAN})
        terisi = [(kode, baris) for kode, baris in kelompok.items() if baris]
        hasil = []
        for nomor, (kode, baris) in enumerate(terisi):
            baris.sort(key=lambda item: (item[0].jabatan != Jabatan.KOMANDAN_REGU, item[0].nama))
            pilihan = [item[1] for item in baris]
            dipilih = sum(1 for item in pilihan if item.data["selected"])
            # Unfolded when it holds a ticked member, is the only group, or the list is in error.
            terbuka = bool(dipilih) or len(terisi) == 1 or (nomor == 0 and bool(self["peserta"].errors))
            hasil.append(
                KelompokPeserta(kode or "pimpinan", label.get(kode, kode), pilihan, dipilih, terbuka)
            )
        return hasil

    def clean_latitude(self):
        return _within(self.cleaned_data["latitude"], 90, "Lintang")

    def clean_longitude(self):
        return _within(self.cleaned_data["longitude"], 180, "Bujur")

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal kegiatan tidak boleh setelah hari ini.")
        check_month_open(self.desa, tanggal)
        if self.tanggal_lama and Periode.of(self.tanggal_lama) != Periode.of(tanggal):
            check_month_open(self.desa, self.tanggal_lama)
        return tanggal

    def clean_foto(self):
        files = self.cleaned_data["foto"]
        existing = self.instance.foto_set.count() if self.instance.pk else 0
        if existing + len(files) > FOTO_MAKSIMUM:
            raise forms.ValidationError(
                f"Satu kegiatan paling banyak {FOTO_MAKSIMUM} foto. Sudah ada {existing}, "
                f"dipilih {len(files)}."
            )
        errors = []
        for berkas in files:
            try:
                self.foto_siap.append(foto_siapkan(berkas))
            except FotoDitolak as error:
                errors.append(str(error))
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jenis") == JenisKegiatan.LAINNYA and not cleaned.get("jenis_lainnya", "").strip():
            self.add_error("jenis_lainnya", "Tulis jenis kegiatannya bila memilih “Lainnya”.")
        if cleaned.get("jenis") != JenisKegiatan.LAINNYA:
            cleaned["jenis_lainnya"] = ""
        has_latitude = cleaned.get("latitude") is not None
        has_longitude = cleaned.get("longitude") is not None
        if (
            has_latitude != has_longitude
            and not self.has_error("latitude")
            and not self.has_error("longitude")
        ):
            self.add_error("latitude", "Isi lintang dan bujur keduanya, atau kosongkan keduanya.")
        if self.errors and self.files.getlist("foto"):
            self.add_error(None, "Periksa isian yang salah, lalu pilih ulang fotonya sebelum menyimpan.")
        return cleaned

from django import forms

from desa.forms.masukan import MasukanAmanMixin
from desa.forms.periode import BulanField
from desa.periode import Periode
from linmas.models import JenisKegiatan

BULAN_KE_DEPAN = 12
# "Lainnya" is whatever an operator writes in; it cannot be a requirement.
JENIS_WAJIB = [jenis for jenis in JenisKegiatan if jenis != JenisKegiatan.LAINNYA]


def field_name(jenis):
    return f"minimum_{jenis}"


class ProgramForm(MasukanAmanMixin, forms.Form):
    """The kecamatan's programme from a chosen month: a minimum per activity kind, 0 = not required."""

    berlaku_mulai = BulanField(
        label="Berlaku mulai bulan",
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-08", "pattern": r"\d{4}-\d{2}"}),
        help_text="Bulan-bulan sebelumnya tetap memakai program yang berlaku saat itu.",
    )
    catatan = forms.CharField(label="Catatan (boleh kosong)", max_length=300, required=False)

    def __init__(self, *args, minimum=None, **kwargs):
        super().__init__(*args, **kwargs)
        minimum = minimum or {}
        for jenis in JENIS_WAJIB:
            self.fields[field_name(jenis)] = forms.IntegerField(
                label=jenis.label,
                min_value=0,
                max_value=31,
                initial=minimum.get(jenis.value, 0),
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input-kali"}),
            )

    def jenis_fields(self):
        return [self[field_name(jenis)] for jenis in JENIS_WAJIB]

    def clean_berlaku_mulai(self):
        periode = self.cleaned_data["berlaku_mulai"]
        earliest = Periode.current().previous()
        if periode < earliest:
            raise forms.ValidationError(
                f"Program hanya dapat berlaku mulai {earliest.label} atau sesudahnya; bulan yang lebih "
                "lama sudah dilaporkan dengan program yang berlaku saat itu."
            )
        latest = Periode.current().shift(BULAN_KE_DEPAN)
        if periode > latest:
            raise forms.ValidationError(f"Paling jauh {latest.label}.")
        return periode

    @property
    def minimum(self):
        """{jenis_kegiatan: minimum} from the cleaned data."""
        return {jenis.value: self.cleaned_data[field_name(jenis)] for jenis in JENIS_WAJIB}

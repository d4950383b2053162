"""The one send form of every monthly report: versi, nihil, keterangan and the kind's own fields.

The view validates it before the ledger is asked, so every kind has the same rules for the same
field; the ledger and the kind's check receive a `Kiriman` of cleaned values, never raw POST.
"""

from django import forms

from desa import registry
from desa.forms.masukan import MasukanAmanMixin

TEKS_MAKSIMUM = 1000  # characters of a keterangan or an explanation; the textareas say maxlength="1000"


def teks_kirim(label):
    """A free text of the send form (not required), refused over TEKS_MAKSIMUM characters."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEKS_MAKSIMUM,
        error_messages={"max_length": f"{label} terlalu panjang (paling banyak 1.000 huruf)."},
    )


class KirimLaporanForm(MasukanAmanMixin, forms.Form):
    versi = forms.IntegerField(
        required=False,
        error_messages={"invalid": "Versi laporan tidak dikenal. Muat ulang halaman lalu kirim lagi."},
    )
    nihil = forms.BooleanField(required=False)
    keterangan = teks_kirim("Keterangan")

    def __init__(self, *args, extra_fields=None, **kwargs):
        self.extra_names = list(extra_fields or {})
        super().__init__(*args, **kwargs)

    def kiriman(self):
        """The cleaned send form for the ledger; only after is_valid()."""
        data = self.cleaned_data
        return registry.Kiriman(
            nihil=data["nihil"],
            keterangan=data["keterangan"],
            data={name: data[name] for name in self.extra_names},
        )

    def pesan(self):
        """Every error in one message for the page, each naming its field."""
        pesan = []
        for name, errors in self.errors.as_data().items():
            for error in errors:
                text = " ".join(error.messages)
                pesan.append(f"{self.fields[name].label}: {text}" if error.code == "kendali" else text)
        return " ".join(pesan)


def kirim_form(jenis, desa, periode, data):
    """The send form of this kind, with the fields it declared to the registry."""
    extra = registry.send_fields(jenis, desa, periode)
    # The metaclass takes the fields out of the attributes it is given: hand it a copy.
    form_class = type("KirimLaporanForm", (KirimLaporanForm,), dict(extra))
    return form_class(data, extra_fields=extra)

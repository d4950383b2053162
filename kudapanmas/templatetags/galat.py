"""The error summary at the top of a refused form: each error named, each linked to its field.

A phone shows a refused form from its top, while the field in error may sit a screen or two
below. The summary is part of the page, so it works without JavaScript; `autofocus` on it (and
kudapanmas.js for older browsers) moves focus there, and each link jumps to its field.
"""

from dataclasses import dataclass

from django import forms, template

register = template.Library()


@dataclass(frozen=True)
class Galat:
    pesan: str
    label: str = ""
    target: str = ""


def _target(bound_field):
    """The id of the element to jump to: the input, or the first option of a choice list."""
    target = bound_field.id_for_label
    if not target and bound_field.auto_id:
        # Radio buttons and checkbox lists label no single input; their options are id_<name>_0, ...
        target = f"{bound_field.auto_id}_0"
    return target


def _galat_form(form, nomor=None):
    awalan = f"Baris {nomor}: " if nomor else ""
    for pesan in form.non_field_errors():
        yield Galat(pesan=awalan + pesan)
    for bound_field in form:
        for pesan in bound_field.errors:
            if bound_field.is_hidden:
                # A hidden field cannot be corrected by hand: say what it is about, link nowhere.
                yield Galat(pesan=awalan + pesan)
            else:
                yield Galat(pesan=pesan, label=awalan + str(bound_field.label), target=_target(bound_field))


def daftar_galat(*forms_or_formsets):
    """Every error of the given forms and formsets, in page order."""
    daftar = []
    for item in forms_or_formsets:
        if isinstance(item, forms.BaseFormSet):
            daftar.extend(Galat(pesan=pesan) for pesan in item.non_form_errors())
            for nomor, form in enumerate(item.forms, start=1):
                daftar.extend(_galat_form(form, nomor))
        elif isinstance(item, forms.BaseForm):
            daftar.extend(_galat_form(item))
    return daftar


@register.inclusion_tag("kudapanmas/_ringkasan_galat.html")
def ringkasan_galat(*forms_or_formsets):
    """Render the summary (nothing when every form is valid or unbound)."""
    bound = [item for item in forms_or_formsets if getattr(item, "is_bound", False)]
    return {"galat": daftar_galat(*bound)}

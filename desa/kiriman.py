"""The one-time token of an entry form, so that a form posted twice stores once.

The form carries a token made when the page was drawn (later: made on the phone for an
offline entry). The transaction that saves the entry takes the token (desa.gerbang), so of
two posts with one token only the first stores; the second is led to the saved entry with
an ordinary success message, whether it arrives after the first (a retry after a lost
answer) or at the same instant (a double tap).
"""

import uuid

from django import forms
from django.contrib import messages
from django.shortcuts import redirect

from desa import gerbang

FIELD = "token_formulir"


class TokenField(forms.UUIDField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", uuid.uuid4)
        kwargs.setdefault("error_messages", {"invalid": "Formulir rusak. Muat ulang halaman lalu isi lagi."})
        super().__init__(**kwargs)


def pasang_token(form):
    """Add the hidden token field to a form (at the end, where it shows nothing)."""
    form.fields[FIELD] = TokenField()
    return form


def token_of(request):
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def ulangan(request, pesan="Data ini sudah tersimpan sebelumnya."):
    """A redirect to the saved entry when this post repeats a saved one, else None."""
    tujuan = gerbang.tujuan_token(token_of(request), request.user) if request.method == "POST" else None
    if not tujuan:
        return None
    return sudah_tersimpan(request, tujuan, pesan)


def sudah_tersimpan(request, tujuan, pesan="Data ini sudah tersimpan sebelumnya."):
    messages.success(request, pesan)
    return redirect(tujuan or "/")

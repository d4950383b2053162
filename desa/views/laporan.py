"""Ledger transitions from a report's monthly page: send, verify, return, reopen, extend, comment.

Each view fetches the desa through the user's scope (404 outside it), lets desa.ledger
decide what is allowed, and goes back to the monthly page with the outcome as a message.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from desa import ledger, registry
from desa.forms.kirim import kirim_form
from desa.forms.masukan import teks_bersih
from desa.models.laporan import JenisLaporan
from desa.scoping import desa_for_user


def _target(request, kode, jenis):
    """The desa through the user's scope, for a kind this installation reports (the URL converter
    has already refused a month out of range)."""
    if jenis not in JenisLaporan.values or jenis not in registry.available_kinds():
        raise Http404("Jenis laporan tidak dikenal.")
    return desa_for_user(request.user, kode, write=True)


def _teks(request, name):
    """A text the form posts, without the control characters no database should be given."""
    return teks_bersih(request.POST.get(name, ""))


def _back(desa, jenis, periode):
    return redirect(registry.monthly_report_url(jenis, desa, periode))


def _run(request, action, success):
    try:
        action()
    except ledger.TransisiDitolak as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)


@require_POST
@login_required
def laporan_kirim(request, kode, jenis, periode):
    desa = _target(request, kode, jenis)
    form = kirim_form(jenis, desa, periode, request.POST)
    if not form.is_valid():
        messages.error(request, f"Laporan belum dikirim. {form.pesan()}")
        return _back(desa, jenis, periode)
    _run(
        request,
        lambda: ledger.kirim(
            desa=desa,
            jenis=jenis,
            periode=periode,
            user=request.user,
            kiriman=form.kiriman(),
            versi=form.cleaned_data["versi"],
        ),  # fmt: skip
        f"Laporan {periode.label} terkirim ke kecamatan.",
    )
    return _back(desa, jenis, periode)


def _ulas(request, kode, jenis, periode, aksi, field, success):
    """A review transition on one report (return, reopen), with the reviewer's text."""
    desa = _target(request, kode, jenis)
    laporan = ledger.laporan_for(desa, jenis, periode)
    teks = _teks(request, field)
    _run(
        request,
        lambda: aksi(laporan=laporan, user=request.user, versi=request.POST.get("versi"), **{field: teks}),
        success.format(desa=desa.nama, periode=periode.label),
    )
    return _back(desa, jenis, periode)


@require_POST
@login_required
def laporan_kembalikan(request, kode, jenis, periode):
    pesan = "Laporan {desa} {periode} dikembalikan dengan catatan."
    return _ulas(request, kode, jenis, periode, ledger.kembalikan, "catatan", pesan)


@require_POST
@login_required
def laporan_buka_kembali(request, kode, jenis, periode):
    pesan = "Laporan {desa} {periode} dibuka kembali."
    return _ulas(request, kode, jenis, periode, ledger.buka_kembali, "alasan", pesan)


@require_POST
@login_required
def laporan_perpanjang(request, kode, jenis, periode):
    desa = _target(request, kode, jenis)
    try:
        tanggal = datetime.date.fromisoformat(request.POST.get("tanggal", ""))
    except ValueError:
        messages.error(request, "Tanggal perpanjangan tidak valid.")
        return _back(desa, jenis, periode)
    _run(
        request,
        lambda: ledger.perpanjang(
            desa=desa,
            jenis=jenis,
            periode=periode,
            user=request.user,
            tanggal=tanggal,
            alasan=_teks(request, "alasan"),
        ),  # fmt: skip
        "Batas waktu diperpanjang.",
    )
    return _back(desa, jenis, periode)


@require_POST
@login_required
def laporan_komentar(request, kode, jenis, periode):
    # The consultation is between the desa and its kecamatan; read-only roles only read it.
    desa = _target(request, kode, jenis)
    _run(
        request,
        lambda: ledger.komentari(
            desa=desa, jenis=jenis, periode=periode, user=request.user, isi=_teks(request, "isi")
        ),
        "Komentar terkirim.",
    )
    return _back(desa, jenis, periode)

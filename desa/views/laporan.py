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
from desa.models import Desa
from desa.models.laporan import JenisLaporan
from desa.scoping import object_for_user


def _target(request, kode, jenis, periode, *, write=True):
    if jenis not in JenisLaporan.values or jenis not in registry.available_kinds():
        raise Http404("Jenis laporan tidak dikenal.")
    if not ledger.periode_in_range(periode):
        raise Http404("Periode di luar jangkauan.")
    return object_for_user(Desa.objects.select_related("kecamatan"), request.user, write=write, pk=kode)


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
    desa = _target(request, kode, jenis, periode)
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


@require_POST
@login_required
def laporan_kembalikan(request, kode, jenis, periode):
    desa = _target(request, kode, jenis, periode)
    laporan = ledger.laporan_for(desa, jenis, periode)
    _run(
        request,
        lambda: ledger.kembalikan(
            laporan=laporan,
            user=request.user,
            catatan=_teks(request, "catatan"),
            versi=request.POST.get("versi"),
        ),  # fmt: skip
        f"Laporan {desa.nama} {periode.label} dikembalikan dengan catatan.",
    )
    return _back(desa, jenis, periode)


@require_POST
@login_required
def laporan_buka_kembali(request, kode, jenis, periode):
    desa = _target(request, kode, jenis, periode)
    laporan = ledger.laporan_for(desa, jenis, periode)
    _run(
        request,
        lambda: ledger.buka_kembali(
            laporan=laporan,
            user=request.user,
            alasan=_teks(request, "alasan"),
            versi=request.POST.get("versi"),
        ),  # fmt: skip
        f"Laporan {desa.nama} {periode.label} dibuka kembali.",
    )
    return _back(desa, jenis, periode)


@require_POST
@login_required
def laporan_perpanjang(request, kode, jenis, periode):
    desa = _target(request, kode, jenis, periode)
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
    desa = _target(request, kode, jenis, periode)
    _run(
        request,
        lambda: ledger.komentari(
            desa=desa, jenis=jenis, periode=periode, user=request.user, isi=_teks(request, "isi")
        ),
        "Komentar terkirim.",
    )
    return _back(desa, jenis, periode)

"""Receipts of a report's sends and verifications, and the public page that checks their codes.

A receipt is read through the report's scope (desa.scoping): its desa's operator, the kecamatan
and the areas above it; anyone else gets 404. The check page needs no account and shows only
what the receipt proves, never a name: one primary-key lookup per code, whatever is typed.
"""

import segno
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from desa import cuplikan, registry, tanda_terima
from desa.models.bukti import TandaTerima
from desa.models.laporan import JenisLaporan, LaporanBulanan
from desa.scoping import desa_for_user, desa_scope

# Where a typed text that cannot be a code is sent: its own page says the code is not genuine.
TIDAK_SAH = "tidak-sah"


def _tanda_for_user(user, pk):
    queryset = TandaTerima.objects.select_related("laporan__desa__kecamatan__kabupaten")
    return get_object_or_404(queryset.filter(desa_scope(user, "laporan__desa")), pk=pk)


def _qr_svg(url):
    """The QR of the check URL as inline SVG: no script, no image request, allowed by the CSP."""
    return segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff", omitsize=False)


def _ringkasan_kelompok(tanda):
    """The digest in eight groups of eight, easier to compare by eye and wrapped only between groups."""
    return " ".join(tanda.ringkasan_isi[i : i + 8] for i in range(0, len(tanda.ringkasan_isi), 8))


def _url_laporan(laporan):
    return registry.monthly_report_url(laporan.jenis, laporan.desa, laporan.periode)


def _konteks(request, tanda):
    kode = tanda_terima.kode(tanda)
    kelompok = kode.split("-")
    url_cek = request.build_absolute_uri(reverse("cek_kode", args=[kode]))
    return {
        "tanda": tanda,
        "laporan": tanda.laporan,
        "desa": tanda.laporan.desa,
        "kode": kode,
        # Two lines of three groups, so the code never breaks inside a group.
        "kode_baris": ("-".join(kelompok[:3]), "-".join(kelompok[3:])),
        "ringkasan": _ringkasan_kelompok(tanda),
        "url_cek": url_cek,
        "url_cek_halaman": request.build_absolute_uri(reverse("cek")),
        "qr_svg": _qr_svg(url_cek),
        "url_laporan": _url_laporan(tanda.laporan),
    }


@require_GET
@login_required
def tanda_terima_detail(request, pk):
    tanda = _tanda_for_user(request.user, pk)
    return render(request, "desa/tanda_terima_detail.html", _konteks(request, tanda))


@require_GET
@login_required
def tanda_terima_cetak(request, pk):
    tanda = _tanda_for_user(request.user, pk)
    return render(request, "desa/tanda_terima_cetak.html", _konteks(request, tanda))


@require_GET
@login_required
def tanda_terima_list(request, kode, jenis, periode):
    if jenis not in JenisLaporan.values:
        raise Http404("Jenis laporan tidak dikenal.")
    desa = desa_for_user(request.user, kode)
    laporan = get_object_or_404(LaporanBulanan, desa=desa, jenis=jenis, periode=periode)
    return render(
        request,
        "desa/tanda_terima_list.html",
        {
            "desa": desa,
            "laporan": laporan,
            "tanda_list": laporan.tanda_terima.all(),
            "cuplikan_list": cuplikan.riwayat(laporan),
            "url_laporan": _url_laporan(laporan),
        },
    )


@require_GET
def cek(request):
    """The form to type a code from paper; a typed code goes on to its own page."""
    teks = request.GET.get("kode", "")
    if teks:
        return redirect("cek_kode", kode=tanda_terima.normalkan(teks) or TIDAK_SAH)
    return render(request, "desa/tanda_terima_cek.html", {"diperiksa": False})


@require_GET
def cek_kode(request, kode):
    tanda = tanda_terima.periksa(kode)
    kode = "" if kode == TIDAK_SAH else kode[: tanda_terima.MASUKAN_MAKSIMUM]
    konteks = {"diperiksa": True, "tanda": tanda, "kode": kode}
    if tanda is not None:
        konteks.update(laporan=tanda.laporan, ringkasan=_ringkasan_kelompok(tanda))
    return render(request, "desa/tanda_terima_cek.html", konteks, status=200 if tanda else 404)

"""The Kasi Trantib's reminders page: who still owes a report, with a ready WhatsApp message."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse

from desa import ledger
from kudapanmas import dasbor
from kudapanmas.pengingat import pengingat_for


@login_required
def pengingat_saya(request):
    if not (request.user.is_kasi_trantib and request.user.kecamatan_id):
        raise PermissionDenied("Pengingat dikirim oleh Kasi Trantib kecamatan.")
    return redirect("pengingat_kecamatan", kode=request.user.kecamatan_id, periode=dasbor.default_periode())


@login_required
def pengingat_kecamatan(request, kode, periode):
    kecamatan = dasbor.kecamatan_for_user(request.user, kode, manage=True)
    dasbor.periode_or_404(periode)
    return render(
        request,
        "kudapanmas/pengingat_kecamatan.html",
        {
            "kecamatan": kecamatan,
            "periode": periode,
            "pengingat": pengingat_for(kecamatan, periode),
            "sebelumnya": _url(kode, periode.previous()),
            "berikutnya": _url(kode, periode.next()),
        },
    )


def _url(kode, periode):
    if not ledger.periode_in_range(periode):
        return ""
    return reverse("pengingat_kecamatan", kwargs={"kode": kode, "periode": periode})

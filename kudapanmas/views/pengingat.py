"""The Kasi Trantib's reminders page: who still owes a report, with a ready WhatsApp message."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from desa import scoping
from desa.periode import periode_in_range
from kudapanmas import dasbor
from kudapanmas.pengingat import pengingat_for


@login_required
def pengingat_saya(request):
    kode = scoping.kecamatan_saya(request.user, "Pengingat dikirim oleh Kasi Trantib kecamatan.")
    return redirect("kudapanmas:pengingat_kecamatan", kode=kode, periode=dasbor.default_periode())


@login_required
def pengingat_kecamatan(request, kode, periode):
    kecamatan = scoping.kecamatan_for_user(request.user, kode, manage=True)
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
    if not periode_in_range(periode):
        return ""
    return reverse("kudapanmas:pengingat_kecamatan", kwargs={"kode": kode, "periode": periode})

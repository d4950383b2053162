"""The Kasi Trantib's reminders page: who still owes a report, with a ready WhatsApp message."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from desa import scoping
from desa.periode import periode_in_range
from kudapanmas import dasbor, pengingat_jadwal
from kudapanmas.models import PengingatTerjadwal, Tahap
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
            "jadwal": _jadwal(kecamatan, periode),
            "sebelumnya": _url(kode, periode.previous()),
            "berikutnya": _url(kode, periode.next()),
        },
    )


def _jadwal(kecamatan, periode):
    """The automatic e-mails of this month: each stage's day and, once sent, how many went."""
    sent = {row.tahap: row for row in PengingatTerjadwal.objects.filter(kecamatan=kecamatan, periode=periode)}
    return [
        {"tahap": Tahap(tahap).label, "tanggal": hari, "terkirim": sent.get(tahap)}
        for tahap, hari in pengingat_jadwal.jadwal(kecamatan, periode).items()
    ]


def _url(kode, periode):
    if not periode_in_range(periode):
        return ""
    return reverse("kudapanmas:pengingat_kecamatan", kwargs={"kode": kode, "periode": periode})

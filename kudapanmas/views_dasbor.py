"""Compliance pages: kecamatan dashboard, verification queue, rapor desa and kabupaten overview."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from desa import ledger
from desa.kepatuhan import last_closed_periode
from desa.models import Kabupaten
from desa.scoping import Peran
from kudapanmas import dasbor, rapor
from kudapanmas.views_rekap import dengan_nik


def _home_kecamatan(user):
    if user.is_kecamatan_role and user.kecamatan_id:
        return user.kecamatan_id
    raise PermissionDenied("Halaman ini untuk Kasi Trantib dan Camat; pilih kecamatan dari dasbor kabupaten.")


@login_required
def dasbor_saya(request):
    """/dasbor/: the user's kecamatan (or kabupaten) for the month people are working on."""
    user = request.user
    periode = dasbor.default_periode()
    if user.is_kecamatan_role and user.kecamatan_id:
        return redirect("dasbor_kecamatan", kode=user.kecamatan_id, periode=periode)
    if user.peran == Peran.KABUPATEN and user.kabupaten_id:
        return redirect("dasbor_kabupaten", kode=user.kabupaten_id, periode=periode)
    if user.is_superuser or user.peran == Peran.ADMINISTRATOR:
        kabupaten = Kabupaten.objects.first()
        if kabupaten:
            return redirect("dasbor_kabupaten", kode=kabupaten.pk, periode=periode)
    raise PermissionDenied("Dasbor untuk kecamatan dan kabupaten. Laporan desa Anda ada di Beranda.")


@login_required
def dasbor_kecamatan(request, kode, periode):
    kecamatan = dasbor.kecamatan_for_user(request.user, kode)
    dasbor.periode_or_404(periode)
    data = dasbor.dasbor_kecamatan(kecamatan, periode, request.GET.get("keadaan", ""))
    return render(
        request,
        "kudapanmas/dasbor_kecamatan.html",
        {
            "data": data,
            "kecamatan": kecamatan,
            "periode": periode,
            "sebelumnya": _month_url("dasbor_kecamatan", kode, periode.previous(), data.keadaan),
            "berikutnya": _month_url("dasbor_kecamatan", kode, periode.next(), data.keadaan),
            "dari_kabupaten": request.user.is_kabupaten_role,
            "nik_lengkap_bawaan": dengan_nik(request),
        },
    )


@login_required
def dasbor_kabupaten(request, kode, periode):
    kabupaten = dasbor.kabupaten_for_user(request.user, kode)
    dasbor.periode_or_404(periode)
    rows, total = dasbor.ringkasan_kabupaten(kabupaten, periode)
    return render(
        request,
        "kudapanmas/dasbor_kabupaten.html",
        {
            "kabupaten": kabupaten,
            "periode": periode,
            "rows": rows,
            "total": total,
            "sebelumnya": _month_url("dasbor_kabupaten", kode, periode.previous()),
            "berikutnya": _month_url("dasbor_kabupaten", kode, periode.next()),
            "nik_lengkap_bawaan": dengan_nik(request),
        },
    )


@login_required
def antrean_saya(request):
    return redirect("antrean_kecamatan", kode=_home_kecamatan(request.user))


@login_required
def antrean_kecamatan(request, kode):
    kecamatan = dasbor.kecamatan_for_user(request.user, kode)
    return render(
        request,
        "kudapanmas/antrean.html",
        {"kecamatan": kecamatan, "items": dasbor.antrean(kecamatan)},
    )


@login_required
def rapor_saya(request):
    kode = _home_kecamatan(request.user)
    return redirect("rapor_kecamatan", kode=kode, periode=last_closed_periode(request.user.kecamatan))


@login_required
def rapor_kecamatan(request, kode, periode):
    kecamatan = dasbor.kecamatan_for_user(request.user, kode)
    dasbor.periode_or_404(periode)
    terakhir = last_closed_periode(kecamatan)
    if periode > terakhir:
        # A month whose deadline has not passed would count reports that are not late yet.
        return redirect("rapor_kecamatan", kode=kode, periode=terakhir)
    data = rapor.rapor_desa(kecamatan, periode)
    return render(
        request,
        "kudapanmas/rapor.html",
        {
            "rapor": data,
            "kecamatan": kecamatan,
            "tanggal_cetak": timezone.localdate(),
            "periode": periode,
            "sebelumnya": _month_url("rapor_kecamatan", kode, periode.previous()),
            "berikutnya": _month_url("rapor_kecamatan", kode, periode.next()) if periode < terakhir else "",
        },
    )


def _month_url(name, kode, periode, keadaan=""):
    if not ledger.periode_in_range(periode):
        return ""
    url = reverse(name, kwargs={"kode": kode, "periode": periode})
    return f"{url}?keadaan={keadaan}" if keadaan else url

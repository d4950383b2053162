"""The Kasi Trantib sets how their kecamatan reports: deadline day, required kinds, camat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from desa import registry
from desa.forms.kecamatan import KecamatanPengaturanForm
from desa.models import Kecamatan

FORBIDDEN = "Hanya Kasi Trantib kecamatan ini yang mengubah pengaturan laporan."


@login_required
def kecamatan_pengaturan_saya(request):
    if not (request.user.is_kasi_trantib and request.user.kecamatan_id):
        raise PermissionDenied(FORBIDDEN)
    return redirect("desa:kecamatan_pengaturan", kode=request.user.kecamatan_id)


@login_required
def kecamatan_pengaturan(request, kode):
    kecamatan = get_object_or_404(Kecamatan.objects.for_user(request.user), pk=kode)
    if not (request.user.is_kasi_trantib and request.user.kecamatan_id == kecamatan.pk):
        raise PermissionDenied(FORBIDDEN)
    form = KecamatanPengaturanForm(request.POST or None, instance=kecamatan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Pengaturan kecamatan disimpan.")
        return redirect("desa:kecamatan_pengaturan", kode=kecamatan.pk)
    return render(
        request,
        "desa/kecamatan_pengaturan.html",
        {"kecamatan": kecamatan, "form": form, "wajib": registry.required_kinds(kecamatan)},
    )

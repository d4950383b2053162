"""The Kasi Trantib sets how their kecamatan reports: deadline day, required kinds, camat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from desa import registry, scoping
from desa.forms.kecamatan import KecamatanPengaturanForm

FORBIDDEN = "Hanya Kasi Trantib kecamatan ini yang mengubah pengaturan laporan."


@login_required
def kecamatan_pengaturan_saya(request):
    return redirect("desa:kecamatan_pengaturan", kode=scoping.kecamatan_saya(request.user, FORBIDDEN))


@login_required
def kecamatan_pengaturan(request, kode):
    kecamatan = scoping.kecamatan_for_user(request.user, kode, manage=True, pesan=FORBIDDEN)
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

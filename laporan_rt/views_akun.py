"""The desa operator creates, deactivates and resets the Ketua RT accounts of the desa."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa.forms.akun import ResetSandiForm
from desa.models import Desa, Pengguna
from desa.periode import Periode
from desa.scoping import Peran, object_for_user
from laporan_rt.forms_akun import KetuaRTCreateForm


def _desa(request, kode):
    return object_for_user(Desa.objects.select_related("kecamatan"), request.user, write=True, pk=kode)


def _akun(request, kode, pk):
    desa = _desa(request, kode)
    akun = get_object_or_404(Pengguna.objects.filter(peran=Peran.KETUA_RT, rt__desa=desa), pk=pk)
    return desa, akun


@login_required
def akun_rt_list(request, kode):
    desa = _desa(request, kode)
    akun_list = (
        Pengguna.objects.filter(peran=Peran.KETUA_RT, rt__desa=desa)
        .select_related("rt")
        .order_by("rt__nomor")
    )
    context = {"desa": desa, "akun_list": akun_list, "periode": Periode.current().previous()}
    return render(request, "laporan_rt/akun_rt_list.html", context)


@login_required
def akun_rt_create(request, kode):
    desa = _desa(request, kode)
    form = KetuaRTCreateForm(request.POST or None, desa=desa)
    if request.method == "POST" and form.is_valid():
        akun = form.save()
        messages.success(
            request,
            f"Akun Ketua {akun.rt} ({akun.username}) dibuat. Sampaikan nama pengguna dan kata sandinya "
            "kepada Ketua RT secara pribadi.",
        )
        return redirect("laporan_rt:akun_rt_list", kode=desa.pk)
    return render(
        request, "laporan_rt/akun_rt_form.html", {"desa": desa, "form": form, "judul": "Tambah akun Ketua RT"}
    )


@require_POST
@login_required
def akun_rt_toggle_active(request, kode, pk):
    desa, akun = _akun(request, kode, pk)
    akun.is_active = not akun.is_active
    akun.save(update_fields=["is_active"])
    state = "diaktifkan kembali" if akun.is_active else "dinonaktifkan"
    messages.success(request, f"Akun {akun.username} {state}.")
    return redirect("laporan_rt:akun_rt_list", kode=desa.pk)


@login_required
def akun_rt_reset_password(request, kode, pk):
    desa, akun = _akun(request, kode, pk)
    form = ResetSandiForm(akun, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            f"Kata sandi {akun.username} diganti. Sampaikan kata sandi baru kepada Ketua RT secara pribadi.",
        )
        return redirect("laporan_rt:akun_rt_list", kode=desa.pk)
    context = {"desa": desa, "form": form, "judul": f"Atur ulang kata sandi {akun.username}"}
    return render(request, "laporan_rt/akun_rt_form.html", context)

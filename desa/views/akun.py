"""The Kasi Trantib manages the operator accounts of the desa in their kecamatan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa.forms.akun import OperatorCreateForm, OperatorUpdateForm, ResetSandiForm
from desa.models import Pengguna


def _kecamatan_of_manager(user):
    if not user.is_kasi_trantib or not user.kecamatan_id:
        raise PermissionDenied("Hanya Kasi Trantib yang mengelola akun operator.")
    return user.kecamatan


def _operator(request, pk):
    kecamatan = _kecamatan_of_manager(request.user)
    operator = get_object_or_404(Pengguna.objects.for_user(request.user), pk=pk)
    return kecamatan, operator


@login_required
def operator_list(request):
    kecamatan = _kecamatan_of_manager(request.user)
    operators = (
        Pengguna.objects.for_user(request.user).select_related("desa").order_by("desa__kode", "username")
    )
    return render(request, "desa/operator_list.html", {"kecamatan": kecamatan, "operators": operators})


@login_required
def operator_create(request):
    kecamatan = _kecamatan_of_manager(request.user)
    form = OperatorCreateForm(request.POST or None, kecamatan=kecamatan)
    if request.method == "POST" and form.is_valid():
        operator = form.save()
        messages.success(request, f"Akun operator {operator.username} dibuat.")
        return redirect("desa:operator_list")
    return render(request, "desa/operator_form.html", {"form": form, "judul": "Tambah operator"})


@login_required
def operator_update(request, pk):
    kecamatan, operator = _operator(request, pk)
    form = OperatorUpdateForm(request.POST or None, instance=operator, kecamatan=kecamatan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Akun {operator.username} disimpan.")
        return redirect("desa:operator_list")
    return render(
        request,
        "desa/operator_form.html",
        {"form": form, "judul": f"Ubah operator {operator.username}", "operator": operator},
    )


@require_POST
@login_required
def operator_toggle_active(request, pk):
    _, operator = _operator(request, pk)
    operator.is_active = not operator.is_active
    operator.save(update_fields=["is_active"])
    state = "diaktifkan kembali" if operator.is_active else "dinonaktifkan"
    messages.success(request, f"Akun {operator.username} {state}.")
    return redirect("desa:operator_list")


@login_required
def operator_reset_password(request, pk):
    _, operator = _operator(request, pk)
    form = ResetSandiForm(operator, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            f"Kata sandi {operator.username} diganti. Sampaikan kata sandi baru kepada operator "
            "secara pribadi dan minta ia menggantinya setelah masuk.",
        )
        return redirect("desa:operator_list")
    return render(
        request,
        "desa/operator_form.html",
        {"form": form, "judul": f"Atur ulang kata sandi {operator.username}", "operator": operator},
    )

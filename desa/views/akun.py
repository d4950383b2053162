"""The accounts a manager keeps: the Kasi Trantib's desa operators, the operator's Ketua RT.

Both kinds are listed, created, switched off and on and given a new password the same way;
only who manages them and where they belong differ.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from desa import scoping
from desa.forms.akun import KetuaRTCreateForm, OperatorCreateForm, OperatorUpdateForm, ResetSandiForm
from desa.models import Pengguna
from desa.periode import Periode
from desa.scoping import Peran, desa_for_user


def _toggle_active(request, akun):
    akun.is_active = not akun.is_active
    akun.save(update_fields=["is_active"])
    state = "diaktifkan kembali" if akun.is_active else "dinonaktifkan"
    messages.success(request, f"Akun {akun.username} {state}.")


def _reset_password(request, akun, *, penerima, template, context, list_url):
    form = ResetSandiForm(akun, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        pesan = f"Kata sandi {akun.username} diganti. Sampaikan kata sandi baru kepada {penerima}"
        messages.success(request, pesan)
        return redirect(list_url)
    judul = f"Atur ulang kata sandi {akun.username}"
    return render(request, template, {**context, "form": form, "judul": judul})


# The Kasi Trantib and the desa operators of their kecamatan.


def _kecamatan_of_manager(user):
    """The manager's own kecamatan; an administrator, who has none, uses the admin site."""
    scoping.kecamatan_saya(user, "Hanya Kasi Trantib yang mengelola akun operator.")
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
    _toggle_active(request, operator)
    return redirect("desa:operator_list")


@login_required
def operator_reset_password(request, pk):
    _, operator = _operator(request, pk)
    return _reset_password(
        request,
        operator,
        penerima="operator secara pribadi dan minta ia menggantinya setelah masuk.",
        template="desa/operator_form.html",
        context={"operator": operator},
        list_url=reverse("desa:operator_list"),
    )


# The desa operator and the Ketua RT of its desa.


def _ketua_rt_of(desa):
    return Pengguna.objects.filter(peran=Peran.KETUA_RT, rt__desa=desa)


def _akun_rt(request, kode, pk):
    desa = desa_for_user(request.user, kode, write=True)
    return desa, get_object_or_404(_ketua_rt_of(desa), pk=pk)


@login_required
def akun_rt_list(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    akun_list = _ketua_rt_of(desa).select_related("rt").order_by("rt__nomor")
    context = {"desa": desa, "akun_list": akun_list, "periode": Periode.current().previous()}
    return render(request, "desa/akun_rt_list.html", context)


@login_required
def akun_rt_create(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    form = KetuaRTCreateForm(request.POST or None, desa=desa)
    if request.method == "POST" and form.is_valid():
        akun = form.save()
        messages.success(
            request,
            f"Akun Ketua {akun.rt} ({akun.username}) dibuat. Sampaikan nama pengguna dan kata sandinya "
            "kepada Ketua RT secara pribadi.",
        )
        return redirect("desa:akun_rt_list", kode=desa.pk)
    return render(
        request, "desa/akun_rt_form.html", {"desa": desa, "form": form, "judul": "Tambah akun Ketua RT"}
    )


@require_POST
@login_required
def akun_rt_toggle_active(request, kode, pk):
    desa, akun = _akun_rt(request, kode, pk)
    _toggle_active(request, akun)
    return redirect("desa:akun_rt_list", kode=desa.pk)


@login_required
def akun_rt_reset_password(request, kode, pk):
    desa, akun = _akun_rt(request, kode, pk)
    return _reset_password(
        request,
        akun,
        penerima="Ketua RT secara pribadi.",
        template="desa/akun_rt_form.html",
        context={"desa": desa},
        list_url=reverse("desa:akun_rt_list", args=[desa.pk]),
    )

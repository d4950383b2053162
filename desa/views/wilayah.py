from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from desa.forms.wilayah import RTForm
from desa.models import RT, Desa, Pengguna
from desa.scoping import may_write, object_for_user


@login_required
def saya(request):
    if not request.user.desa_id:
        raise Http404("Akun ini tidak terhubung dengan desa.")
    return redirect("desa:detail", kode=request.user.desa_id)


@login_required
def detail(request, kode):
    desa = object_for_user(Desa.objects.select_related("kecamatan"), request.user, pk=kode)
    return render(
        request,
        "desa/detail.html",
        {
            "desa": desa,
            "rt_list": desa.rt_set.all(),
            "operators": Pengguna.objects.operators_of(desa),
            "can_edit": may_write(request.user, desa),
        },
    )


@login_required
def rt_create(request, kode):
    desa = object_for_user(Desa, request.user, write=True, pk=kode)
    form = RTForm(request.POST or None, desa=desa)
    if request.method == "POST" and form.is_valid():
        rt = form.save(commit=False)
        rt.desa = desa
        rt.save()
        messages.success(request, f"{rt} ditambahkan.")
        return redirect(desa)
    return render(request, "desa/rt_form.html", {"form": form, "desa": desa})


@login_required
def rt_update(request, kode, pk):
    rt = object_for_user(RT.objects.select_related("desa"), request.user, write=True, pk=pk, desa_id=kode)
    form = RTForm(request.POST or None, instance=rt, desa=rt.desa)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"{rt} disimpan.")
        return redirect(rt.desa)
    return render(request, "desa/rt_form.html", {"form": form, "desa": rt.desa, "rt": rt})

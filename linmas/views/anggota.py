"""The Satlinmas roster of a desa: list with its summary, add, change (including stopping a member)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render

from desa.periode import Periode
from desa.scoping import desa_for_user, may_write, object_for_user
from linmas.forms import AnggotaForm
from linmas.models import AnggotaLinmas
from linmas.ringkasan import ringkasan_linmas


@login_required
def anggota_list(request, kode):
    desa = desa_for_user(request.user, kode)
    anggota = list(AnggotaLinmas.objects.filter(desa=desa).select_related("rt"))
    return render(
        request,
        "linmas/anggota_list.html",
        {
            "desa": desa,
            "aktif": [item for item in anggota if item.aktif],
            "berhenti": [item for item in anggota if not item.aktif],
            "ringkasan": ringkasan_linmas([desa], Periode.current())[desa.pk],
            "can_edit": may_write(request.user, desa),
        },
    )


@login_required
def anggota_create(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    return _edit(request, AnggotaLinmas(desa=desa, dicatat_oleh=request.user))


@login_required
def anggota_update(request, kode, pk):
    anggota = object_for_user(
        AnggotaLinmas.objects.select_related("desa__kecamatan"), request.user, write=True, pk=pk, desa_id=kode
    )
    return _edit(request, anggota)


def _edit(request, anggota):
    form = AnggotaForm(request.POST or None, instance=anggota)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                anggota = form.save()
        except IntegrityError:
            # Another operator saved the same NIK or leader a moment earlier.
            form.add_error(
                None, "Data berubah saat disimpan: NIK atau jabatan ini baru saja dipakai. Periksa lagi."
            )
        else:
            messages.success(request, f"Data anggota {anggota.nama} disimpan.")
            for peringatan in form.peringatan:
                messages.warning(request, f"Perhatian: {peringatan}")
            return redirect("linmas:anggota_list", kode=anggota.desa_id)
    return render(
        request, "linmas/anggota_form.html", {"form": form, "desa": anggota.desa, "anggota": anggota}
    )

"""Stating the data awal of a desa, and recording or removing a correction."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from desa.ledger import TransisiDitolak
from desa.scoping import desa_for_user, object_for_user
from kependudukan.forms.data_awal import DataAwalForm, KoreksiForm
from kependudukan.models import DataAwal, Koreksi
from kependudukan.services.data_awal import PESAN_BEKU, data_awal_save, koreksi_record, koreksi_remove


@login_required
def data_awal_update(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    data_awal = DataAwal.objects.filter(desa=desa).first()
    if data_awal and DataAwal.is_frozen(desa):
        messages.error(request, PESAN_BEKU)
        return redirect("kependudukan:desa_beranda", kode=desa.pk)
    form = DataAwalForm(request.POST or None, instance=data_awal)
    if request.method == "POST" and form.is_valid():
        counts = {name: form.cleaned_data[name] for name in ("wni_l", "wni_p", "wna_l", "wna_p", "jumlah_kk")}
        try:
            data_awal_save(desa=desa, user=request.user, periode=form.cleaned_data["bulan_pertama"], **counts)
        except ValidationError as error:
            form.add_error(None, error)
        except TransisiDitolak as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Data awal kependudukan disimpan.")
            return redirect("kependudukan:desa_beranda", kode=desa.pk)
    return render(
        request, "kependudukan/data_awal_update.html", {"form": form, "desa": desa, "data_awal": data_awal}
    )


@login_required
def koreksi_create(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    form = KoreksiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            koreksi = koreksi_record(desa=desa, user=request.user, koreksi=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
        except TransisiDitolak as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Koreksi dicatat pada laporan {koreksi.periode.label}.")
            return redirect("kependudukan:laporan_bulanan", kode=desa.pk, periode=str(koreksi.periode))
    return render(request, "kependudukan/koreksi_create.html", {"form": form, "desa": desa})


@require_POST
@login_required
def koreksi_delete(request, kode, pk):
    koreksi = object_for_user(
        Koreksi.objects.select_related("desa"), request.user, write=True, pk=pk, desa_id=kode
    )
    try:
        koreksi_remove(koreksi=koreksi)
    except TransisiDitolak as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Koreksi dihapus.")
    return redirect("kependudukan:laporan_bulanan", kode=kode, periode=str(koreksi.periode))

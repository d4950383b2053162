"""Incidents met by a desa's Linmas: record, change and delete within an open month."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from desa import kiriman
from desa.gerbang import SudahTersimpan
from desa.ledger import PeriodeTerkunci
from desa.periode import Periode
from desa.scoping import desa_for_user, object_for_user
from linmas import services
from linmas.forms import KejadianForm
from linmas.models import Kejadian
from linmas.views.akses import lock_notice

PESAN_ULANGAN = "Kejadian ini sudah tersimpan; formulir yang sama tidak disimpan dua kali."


def _kejadian_for(request, kode, pk):
    queryset = Kejadian.objects.select_related("desa__kecamatan")
    return object_for_user(queryset, request.user, write=True, pk=pk, desa_id=kode)


def _back(kejadian):
    return redirect("linmas:laporan_bulanan", kode=kejadian.desa_id, periode=kejadian.periode)


@login_required
def kejadian_create(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    return _edit(request, Kejadian(desa=desa))


@login_required
def kejadian_update(request, kode, pk):
    kejadian = _kejadian_for(request, kode, pk)
    terkunci = lock_notice(kejadian.desa, kejadian.periode, request.user)
    if terkunci:
        messages.error(request, terkunci)
        return _back(kejadian)
    return _edit(request, kejadian)


def _edit(request, kejadian):
    if kejadian.pk is None and (repeat := kiriman.ulangan(request, PESAN_ULANGAN)):
        return repeat
    form = KejadianForm(request.POST or None, instance=kejadian)
    if kejadian.pk is None:
        kiriman.pasang_token(form)
    if request.method == "POST" and form.is_valid():
        try:
            kejadian = services.kejadian_simpan(
                kejadian=form.save(commit=False),
                user=request.user,
                waktu_lama=form.waktu_lama,
                token=form.cleaned_data.get(kiriman.FIELD),
            )
        except SudahTersimpan as saved:
            return kiriman.sudah_tersimpan(request, saved.tujuan, PESAN_ULANGAN)
        except PeriodeTerkunci as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Kejadian {kejadian.jenis_label} disimpan.")
            return _back(kejadian)
    # A twin post refused by the form because the first one committed meanwhile: it is saved.
    if kejadian.pk is None and (repeat := kiriman.ulangan(request, PESAN_ULANGAN)):
        return repeat
    return render(
        request,
        "linmas/kejadian_form.html",
        {
            "form": form,
            "desa": kejadian.desa,
            "kejadian": kejadian if kejadian.pk else None,
            "periode": kejadian.periode if kejadian.pk else Periode.current(),
        },
    )


@require_POST
@login_required
def kejadian_hapus(request, kode, pk):
    kejadian = _kejadian_for(request, kode, pk)
    try:
        services.kejadian_hapus(kejadian=kejadian)
    except PeriodeTerkunci as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Kejadian {kejadian.jenis_label} dihapus.")
    return _back(kejadian)

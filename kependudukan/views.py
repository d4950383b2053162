from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from desa.models import Desa
from desa.scoping import object_for_user


@login_required
def laporan_bulanan(request, kode, periode):
    desa = object_for_user(Desa.objects.select_related("kecamatan"), request.user, pk=kode)
    return render(request, "kependudukan/laporan_bulanan.html", {"desa": desa, "periode": periode})

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from desa import kepatuhan
from desa.models import Desa, Kabupaten, Kecamatan, Provinsi
from desa.periode import Periode
from desa.registry import required_kinds
from desa.scoping import Peran, is_administrator, is_ketua_rt
from kudapanmas import dasbor
from kudapanmas.beranda import tugas_operator
from kudapanmas.models import Pengumuman


@login_required
def beranda(request):
    user = request.user
    if user.is_operator and user.desa_id:
        return _beranda_operator(request)
    if user.is_kecamatan_role and user.kecamatan_id:
        return _beranda_kecamatan(request)
    if is_ketua_rt(user) and user.rt_id:
        return redirect("laporan_rt:beranda_rt")
    return _beranda_kabupaten(request)


def _beranda_operator(request):
    """The operator's own desa row: every report due, late or returned, and why."""
    desa = Desa.objects.select_related("kecamatan").get(pk=request.user.desa_id)
    context = {
        "desa": desa,
        "daftar": tugas_operator(desa),
        "periode_ini": Periode.current(),
        "pengumuman_list": _pengumuman(request.user),
    }
    return render(request, "kudapanmas/beranda_operator.html", context)


def _beranda_kecamatan(request):
    user = request.user
    kecamatan = user.kecamatan
    periode = dasbor.default_periode()
    rows = kepatuhan.grid(dasbor.desa_of(kecamatan), required_kinds(kecamatan), periode)
    context = {
        "kecamatan": kecamatan,
        "periode": periode,
        "rekap": kepatuhan.rekap(rows),
        "menunggu": dasbor.waiting(kecamatan).count(),
        "pengumuman_list": _pengumuman(user),
    }
    return render(request, "kudapanmas/beranda_kecamatan.html", context)


def _beranda_kabupaten(request):
    """Kabupaten, Provinsi and administrators: the overviews above the kecamatan, and for the
    Kabupaten its kecamatan (an installation may hold the whole country: no list of them all)."""
    user = request.user
    provinsi_list, kabupaten_list, kecamatan_list = [], [], []
    if is_administrator(user):
        provinsi_list = list(Provinsi.objects.filter(kabupaten_set__kecamatan_set__isnull=False).distinct())
    elif user.peran == Peran.PROVINSI and user.provinsi_id:
        provinsi_list = [user.provinsi]
        kabupaten_list = list(
            Kabupaten.objects.filter(provinsi_id=user.provinsi_id, kecamatan_set__isnull=False).distinct()
        )
    elif user.peran == Peran.KABUPATEN and user.kabupaten_id:
        kabupaten_list = [user.kabupaten]
        kecamatan_list = Kecamatan.objects.for_user(user)
    context = {
        "provinsi_list": provinsi_list,
        "kabupaten_list": kabupaten_list,
        "kecamatan_list": kecamatan_list,
        "periode": dasbor.default_periode(),
    }
    return render(request, "kudapanmas/beranda_kabupaten.html", context)


def _pengumuman(user):
    return list(Pengumuman.objects.for_user(user).aktif())


@login_required
def panduan(request):
    return render(request, "kudapanmas/panduan.html")

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from desa import kepatuhan
from desa.models import Desa, Kabupaten, Kecamatan
from desa.models.laporan import Keadaan
from desa.periode import Periode
from desa.registry import required_kinds
from desa.scoping import Peran
from kudapanmas import dasbor
from kudapanmas.models import Pengumuman

# How far back the operator's home page looks for reports still unsent or returned.
BULAN_TERTINGGAL = 12
# Most urgent first: returned, overdue, then due.
URUTAN = [Keadaan.DIKEMBALIKAN, Keadaan.BELUM_DIKIRIM, Keadaan.BELUM_JATUH_TEMPO]


@dataclass
class Tugas:
    sel: object
    alasan: str


@login_required
def beranda(request):
    user = request.user
    if user.is_operator and user.desa_id:
        return _beranda_operator(request)
    if user.is_kecamatan_role and user.kecamatan_id:
        return _beranda_kecamatan(request)
    return _beranda_kabupaten(request)


def _beranda_operator(request):
    """The operator's own desa row: every report due, late or returned, and why."""
    now = timezone.now()
    desa = Desa.objects.select_related("kecamatan").get(pk=request.user.desa_id)
    periode_ini = Periode.current()
    periodes = [periode_ini.shift(-offset) for offset in range(BULAN_TERTINGGAL + 1)]
    per_month = kepatuhan.history([desa], required_kinds(desa.kecamatan), periodes, now)
    todo, berjalan, done = [], [], []
    for periode in periodes:
        for sel in per_month[periode][0].sel:
            tugas = Tugas(sel, dasbor.alasan(sel))
            if periode == periode_ini and sel.keadaan == Keadaan.BELUM_JATUH_TEMPO:
                berjalan.append(tugas)
            elif sel.is_open:
                todo.append(tugas)
            elif periode >= periode_ini.previous():
                done.append(tugas)
    todo.sort(key=lambda tugas: (URUTAN.index(tugas.sel.keadaan), tugas.sel.periode))
    context = {
        "desa": desa,
        "todo": todo,
        "berjalan": berjalan,
        "done": done,
        "periode_ini": periode_ini,
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
    user = request.user
    kecamatan_list = Kecamatan.objects.for_user(user).select_related("kabupaten")
    kabupaten_list = []
    if user.is_superuser or user.peran == Peran.ADMINISTRATOR:
        kabupaten_list = list(Kabupaten.objects.all())
    elif user.peran == Peran.KABUPATEN and user.kabupaten_id:
        kabupaten_list = [user.kabupaten]
    context = {
        "kecamatan_list": kecamatan_list,
        "kabupaten_list": kabupaten_list,
        "periode": dasbor.default_periode(),
    }
    return render(request, "kudapanmas/beranda_kabupaten.html", context)


def _pengumuman(user):
    return list(Pengumuman.objects.for_user(user).active())


@login_required
def panduan(request):
    return render(request, "kudapanmas/panduan.html")


def error_403(request, exception=None):
    return render(request, "403.html", {"alasan": _reason(exception)}, status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)


def _reason(exception):
    text = str(exception or "")
    # Django's own CSRF and default messages are in English; show ours instead.
    return text if text and not text.startswith("CSRF") and " " in text else ""

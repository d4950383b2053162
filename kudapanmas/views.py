from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from desa import kepatuhan
from desa.models import Desa, Kecamatan
from desa.periode import Periode
from desa.registry import required_kinds


@login_required
def beranda(request):
    user = request.user
    now = timezone.now()
    periode_lalu = Periode.current().previous()
    context = {"periode_lalu": periode_lalu, "periode_ini": Periode.current()}
    if user.is_operator and user.desa_id:
        desa = Desa.objects.select_related("kecamatan").get(pk=user.desa_id)
        kinds = required_kinds(desa.kecamatan)
        context["desa"] = desa
        context["todo"] = [
            sel
            for periode in (periode_lalu, Periode.current())
            for row in kepatuhan.grid([desa], kinds, periode, now)
            for sel in row.sel
        ]
        return render(request, "kudapanmas/beranda_operator.html", context)
    if user.is_kecamatan_role and user.kecamatan_id:
        kecamatan = user.kecamatan
        desa_list = list(Desa.objects.filter(kecamatan=kecamatan).select_related("kecamatan"))
        rows = kepatuhan.grid(desa_list, required_kinds(kecamatan), periode_lalu, now)
        context.update(kecamatan=kecamatan, rekap=kepatuhan.rekap(rows))
        return render(request, "kudapanmas/beranda_kecamatan.html", context)
    context["kecamatan_list"] = Kecamatan.objects.for_user(user)
    return render(request, "kudapanmas/beranda_kabupaten.html", context)


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

"""One resident of the desa's reference list by NIK, as JSON, for the event form's script.

It answers a writer of the desa only (the operator, the Kasi Trantib of its kecamatan), one
whole NIK at a time: no list, no prefix. Each user has a budget of lookups per window, about a
busy morning's forms, so the list cannot be read out by trying NIKs.
"""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from desa.models import Desa
from desa.scoping import object_for_user
from kependudukan.forms import peristiwa as formulir
from kependudukan.services import rujukan

BATAS_CARI = 60
JENDELA_DETIK = 10 * 60
PESAN_TERLALU_SERING = "Terlalu banyak pencarian NIK. Tunggu beberapa menit, atau isi data secara manual."


def _within_budget(user):
    key = f"rujukan-nik:{user.pk}"
    cache.add(key, 0, JENDELA_DETIK)
    try:
        return cache.incr(key) <= BATAS_CARI
    except ValueError:  # expired between add and incr
        cache.set(key, 1, JENDELA_DETIK)
        return True


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def rujukan_nik(request, kode):
    desa = object_for_user(Desa.objects.all(), request.user, write=True, pk=kode)
    nik = (request.POST if request.method == "POST" else request.GET).get("nik", "").strip()
    if len(nik) != 16 or not nik.isdigit():
        return JsonResponse({"ada": False, "pesan": "NIK harus 16 angka."}, status=400)
    if not _within_budget(request.user):
        return JsonResponse({"ada": False, "pesan": PESAN_TERLALU_SERING}, status=429)
    penduduk = rujukan.cari(desa, nik, request.user)
    if penduduk is None:
        return JsonResponse({"ada": False, "pesan": formulir.PESAN_TIDAK_ADA})
    return JsonResponse(
        {
            "ada": True,
            "nilai": formulir.nilai_rujukan(penduduk),
            "catatan": formulir.catatan_diisi(penduduk),
            "peringatan": formulir.pesan_sudah_penduduk(penduduk),
        }
    )

"""Excel import of data awal and events in the browser: template, upload and check, preview, confirm.

The steps are kependudukan.views.impor_langkah's, shared with the economic import.
"""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa.models import Desa
from kependudukan.impor.jenis import KEPENDUDUKAN
from kependudukan.impor.templat import NAMA_BERKAS, templat_workbook
from kependudukan.views.impor_langkah import (
    langkah_pratinjau,
    langkah_simpan,
    langkah_ulang,
    langkah_unggah,
    workbook_response,
)


@login_required
def impor_templat(request):
    desa_list = list(Desa.objects.for_user(request.user).order_by("kode")[:2])
    codes = [desa.pk for desa in desa_list]
    if request.user.desa_id:
        codes = [request.user.desa_id, *[code for code in codes if code != request.user.desa_id]]
    kode = codes[0] if codes else "63.11.06.2005"
    lain = "63.11.06.2014" if kode != "63.11.06.2014" else "63.11.06.2005"
    return workbook_response(templat_workbook(kode, lain, timezone.localdate()), NAMA_BERKAS)


@login_required
def impor_unggah(request):
    return langkah_unggah(request, KEPENDUDUKAN)


@login_required
def impor_pratinjau(request, pk):
    return langkah_pratinjau(request, KEPENDUDUKAN, pk)


@require_POST
@login_required
def impor_simpan(request, pk):
    return langkah_simpan(request, KEPENDUDUKAN, pk)


@require_POST
@login_required
def impor_ulang(request, pk):
    return langkah_ulang(request, KEPENDUDUKAN, pk)

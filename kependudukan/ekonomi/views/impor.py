"""The impor-ekonomi.xlsx import in the browser: template, upload and check, preview, confirm.

The steps are kependudukan.views.impor_langkah's, shared with the kependudukan import, with its own
upload record so that each import's preview page shows its own kind of rows.
"""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa.models import Desa
from kependudukan.ekonomi.impor.templat import NAMA_BERKAS, templat_workbook
from kependudukan.impor.jenis import EKONOMI
from kependudukan.views.impor_langkah import (
    langkah_pratinjau,
    langkah_simpan,
    langkah_ulang,
    langkah_unggah,
    workbook_response,
)


@login_required
def impor_templat(request):
    kode = request.user.desa_id
    if not kode:
        first = Desa.objects.for_user(request.user).order_by("kode").first()
        kode = first.pk if first else "63.11.06.2005"
    return workbook_response(templat_workbook(kode, timezone.localdate()), NAMA_BERKAS)


@login_required
def impor_unggah(request):
    return langkah_unggah(request, EKONOMI)


@login_required
def impor_pratinjau(request, pk):
    return langkah_pratinjau(request, EKONOMI, pk)


@require_POST
@login_required
def impor_simpan(request, pk):
    return langkah_simpan(request, EKONOMI, pk)


@require_POST
@login_required
def impor_ulang(request, pk):
    return langkah_ulang(request, EKONOMI, pk)

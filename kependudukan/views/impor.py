"""Excel import of data awal and events in the browser: template, upload and check, preview, confirm.

The steps are kependudukan.views.impor_langkah's, shared with the economic import.
"""

from django.contrib.auth.decorators import login_required
from django.utils import timezone

from desa.models import Desa
from kependudukan.impor.jenis import KEPENDUDUKAN
from kependudukan.impor.templat import NAMA_BERKAS, templat_workbook
from kependudukan.views.impor_langkah import langkah_views, workbook_response


@login_required
def impor_templat(request):
    desa_list = list(Desa.objects.for_user(request.user).order_by("kode")[:2])
    codes = [desa.pk for desa in desa_list]
    if request.user.desa_id:
        codes = [request.user.desa_id, *[code for code in codes if code != request.user.desa_id]]
    kode = codes[0] if codes else "63.11.06.2005"
    lain = "63.11.06.2014" if kode != "63.11.06.2014" else "63.11.06.2005"
    return workbook_response(templat_workbook(kode, lain, timezone.localdate()), NAMA_BERKAS)


impor_unggah, impor_pratinjau, impor_simpan, impor_ulang = langkah_views(KEPENDUDUKAN)

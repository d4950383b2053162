"""The impor-ekonomi.xlsx import in the browser: template, upload and check, preview, confirm.

The steps are kependudukan.views.impor_langkah's, shared with the kependudukan import, with its own
upload record so that each import's preview page shows its own kind of rows.
"""

from django.contrib.auth.decorators import login_required
from django.utils import timezone

from desa.models import Desa
from kependudukan.ekonomi.impor.templat import NAMA_BERKAS, templat_workbook
from kependudukan.impor.jenis import EKONOMI
from kependudukan.views.impor_langkah import langkah_views, workbook_response


@login_required
def impor_templat(request):
    kode = request.user.desa_id
    if not kode:
        first = Desa.objects.for_user(request.user).order_by("kode").first()
        kode = first.pk if first else "63.11.06.2005"
    return workbook_response(templat_workbook(kode, timezone.localdate()), NAMA_BERKAS)


impor_unggah, impor_pratinjau, impor_simpan, impor_ulang = langkah_views(EKONOMI)

"""The impor-ekonomi.xlsx import in the browser: template, upload and check, preview, confirm.

The steps are kependudukan.impor.alur's, shared with the kependudukan import, with its own upload
record so that each import's preview page shows its own kind of rows.
"""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa.models import Desa
from kependudukan.ekonomi.impor_periksa import periksa_ekonomi
from kependudukan.ekonomi.impor_simpan import impor_ekonomi
from kependudukan.ekonomi.impor_templat import NAMA_BERKAS, templat_workbook
from kependudukan.ekonomi.models import ImporEkonomi
from kependudukan.impor import alur


def _pesan_selesai(hasil):
    return "Impor selesai: data keluarga dan penerima bantuan disimpan."


EKONOMI = alur.JenisImpor(
    model=ImporEkonomi,
    periksa=periksa_ekonomi,
    simpan=impor_ekonomi,
    pesan_selesai=_pesan_selesai,
    url_unggah="ekonomi:impor_unggah",
    url_pratinjau="ekonomi:impor_pratinjau",
    url_simpan="ekonomi:impor_simpan",
    template_unggah="kependudukan/ekonomi/impor_unggah.html",
    template_pratinjau="kependudukan/ekonomi/impor_pratinjau.html",
    log_label="economic import",
)


@login_required
def impor_templat(request):
    kode = request.user.desa_id
    if not kode:
        first = Desa.objects.for_user(request.user).order_by("kode").first()
        kode = first.pk if first else "63.11.06.2005"
    return alur.workbook_response(templat_workbook(kode, timezone.localdate()), NAMA_BERKAS)


@login_required
def impor_unggah(request):
    return alur.unggah(request, EKONOMI)


@login_required
def impor_pratinjau(request, pk):
    return alur.pratinjau(request, EKONOMI, pk)


@require_POST
@login_required
def impor_simpan(request, pk):
    return alur.simpan(request, EKONOMI, pk)

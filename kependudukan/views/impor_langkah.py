"""The browser steps every Excel import shares: upload and check, preview, confirm and save.

Each import is a `kependudukan.impor.jenis.JenisImpor`; `langkah_views` gives its four views (upload,
preview, save, retry), which call these steps with it. A workbook of more rows than
IMPOR_LATAR_BARIS is checked and saved by a worker (kependudukan.impor.latar): the preview page
then shows the task's progress, asked again by htmx every 2 seconds or by the page itself
without JavaScript, until the findings or the saved summary are there.
"""

import io
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa import latar
from desa.models import Desa, StatusTugas
from kependudukan.forms.impor import ImporForm
from kependudukan.impor import latar as impor_latar
from kependudukan.impor.luar.pilihan import Pilihan
from kependudukan.impor.periksa import desa_boleh_for
from kependudukan.impor.unggahan import check_upload, discard_stale, perlu_latar, save_upload
from kependudukan.models.impor import SEDANG_DIKERJAKAN, StatusImpor

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def require_importer(user):
    if user.is_read_only or desa_boleh_for(user) == set():
        raise PermissionDenied("Peran Anda hanya dapat melihat data, tidak mengimpor.")


def desa_untuk_unggah(user):
    """The desa an upload form offers: those the user sees and may import into."""
    desa = Desa.objects.for_user(user).select_related("kecamatan").order_by("kode")
    boleh = desa_boleh_for(user)
    return desa if boleh is None else desa.filter(pk__in=boleh)


def langkah_views(jenis, *, form_class=None, tambahan=None):
    """The four views of one import: upload, preview, save, retry.

    `form_class` is an upload form that also asks which desa (from `desa_untuk_unggah`) and as of
    when; its answers travel in the stored file's name (kependudukan.impor.luar.pilihan).
    `tambahan(impor)` adds to the preview page's context.
    """

    @login_required
    def unggah(request):
        if form_class is None:
            return langkah_unggah(request, jenis)
        require_importer(request.user)
        form = form_class(
            request.POST or None, request.FILES or None, desa_list=desa_untuk_unggah(request.user)
        )
        return langkah_unggah(request, jenis, form=form, nama_simpan=Pilihan.dari_form)

    @login_required
    def pratinjau(request, pk):
        return langkah_pratinjau(request, jenis, pk, tambahan=tambahan)

    @require_POST
    @login_required
    def simpan(request, pk):
        return langkah_simpan(request, jenis, pk)

    @require_POST
    @login_required
    def ulang(request, pk):
        return langkah_ulang(request, jenis, pk)

    return unggah, pratinjau, simpan, ulang


def workbook_response(workbook, nama_berkas):
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}"'
    return response


def langkah_unggah(request, jenis, *, form=None, nama_simpan=None):
    """`form` (default ImporForm) may ask more than the file; `nama_simpan(form)` then names the
    stored file, which is how the check learns those answers (kependudukan.impor.luar.pilihan)."""
    require_importer(request.user)
    form = form or ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        discard_stale(jenis.model, request.user)
        upload = form.cleaned_data["berkas"]
        impor = jenis.model(pengguna=request.user, nama_berkas=upload.name[:255], status=StatusImpor.DITOLAK)
        impor.berkas.save(nama_simpan(form) if nama_simpan else "impor.xlsx", upload, save=False)
        if perlu_latar(impor):
            impor_latar.ajukan_periksa(impor, jenis, request.user)
        else:
            check_upload(impor, jenis.periksa_berkas, desa_boleh=desa_boleh_for(request.user))
            impor.save()
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    # Saved uploads, and those a worker is still checking or saving (to come back to).
    shown = [StatusImpor.DISIMPAN, *SEDANG_DIKERJAKAN]
    recent = jenis.model.objects.for_user(request.user).filter(status__in=shown)[:5]
    context = {"form": form, "riwayat": recent, "url_pratinjau": jenis.url_pratinjau}
    return render(request, jenis.template_unggah, context)


def langkah_pratinjau(request, jenis, pk, *, tambahan=None):
    """`tambahan(impor)`: more values for the page of this kind of import."""
    impor = get_object_or_404(jenis.model.objects.for_user(request.user).select_related("tugas"), pk=pk)
    context = {
        **(tambahan(impor) if tambahan else {}),
        "impor": impor,
        "hasil": impor.hasil,
        "tugas": impor.tugas,
        "url_unggah": jenis.url_unggah,
        "url_pratinjau": jenis.url_pratinjau,
        "url_simpan": jenis.url_simpan,
        "url_ulang": jenis.url_ulang,
    }
    if request.htmx:
        if impor.sedang_dikerjakan:
            return render(request, "kependudukan/_impor_kemajuan.html", context)
        # The step is done: the whole page changes (findings, or the saved summary).
        return HttpResponse(headers={"HX-Refresh": "true"})
    return render(request, jenis.template_pratinjau, context)


def langkah_simpan(request, jenis, pk):
    impor = get_object_or_404(jenis.model.objects.for_user(request.user), pk=pk)
    require_importer(request.user)
    if impor.status == StatusImpor.MENYIMPAN:  # a second click while it saves: show its progress
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    if impor.status != StatusImpor.SIAP or not impor.berkas:
        messages.error(request, "Berkas ini tidak dapat disimpan; unggah ulang berkasnya.")
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    if impor.tugas_id:  # checked in the background: saved there too
        impor_latar.ajukan_simpan(impor, jenis, request.user)
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    try:
        hasil = save_upload(impor, jenis, user=request.user)
    except IntegrityError:
        logger.warning("%s %s collided with a concurrent write", jenis.log_label, impor.pk)
        messages.error(request, "Data berubah ketika disimpan. Tidak ada yang disimpan; coba simpan lagi.")
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    impor.save()
    if hasil is not None and hasil.ok:
        messages.success(request, jenis.pesan_selesai(hasil))
    elif hasil is not None:
        messages.error(
            request, "Data berubah sejak pemeriksaan; tidak ada yang disimpan. Lihat kesalahan di bawah."
        )
    return redirect(jenis.url_pratinjau, pk=impor.pk)


def langkah_ulang(request, jenis, pk):
    """Queue a failed background step of the upload again."""
    impor = get_object_or_404(jenis.model.objects.for_user(request.user).select_related("tugas"), pk=pk)
    require_importer(request.user)
    if impor.sedang_dikerjakan and impor.tugas and impor.tugas.status == StatusTugas.GAGAL:
        if latar.ulangi(impor.tugas):
            messages.info(request, "Tugas diulang dan menunggu giliran.")
    return redirect(jenis.url_pratinjau, pk=impor.pk)

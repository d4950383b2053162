"""Excel import in the browser: template, upload and check, preview, confirm.

The uploaded file waits in a private folder under MEDIA_ROOT (never in memory between
requests), bound to the person who uploaded it; confirming checks it again and saves it
all or nothing, then deletes the file.
"""

import io
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa.models import Desa
from kependudukan.forms_impor import ImporForm
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.periksa import desa_boleh_for, periksa_impor
from kependudukan.impor.simpan import impor_kependudukan
from kependudukan.impor.templat import NAMA_BERKAS, templat_workbook
from kependudukan.models import ImporBerkas
from kependudukan.models.impor import StatusImpor

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_importer(user):
    if user.is_read_only or desa_boleh_for(user) == set():
        raise PermissionDenied("Peran Anda hanya dapat melihat data, tidak mengimpor.")


@login_required
def impor_templat(request):
    desa_list = list(Desa.objects.for_user(request.user).order_by("kode")[:2])
    codes = [desa.pk for desa in desa_list]
    if request.user.desa_id:
        codes = [request.user.desa_id, *[code for code in codes if code != request.user.desa_id]]
    kode = codes[0] if codes else "63.11.06.2005"
    lain = "63.11.06.2014" if kode != "63.11.06.2014" else "63.11.06.2005"
    buffer = io.BytesIO()
    templat_workbook(kode, lain, timezone.localdate()).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{NAMA_BERKAS}"'
    return response


@login_required
def impor_unggah(request):
    _require_importer(request.user)
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _discard_stale(request.user)
        upload = form.cleaned_data["berkas"]
        impor = ImporBerkas(pengguna=request.user, nama_berkas=upload.name[:255], status=StatusImpor.DITOLAK)
        impor.berkas.save("impor.xlsx", upload, save=False)
        _check(impor, request.user)
        impor.save()
        return redirect("kependudukan:impor_pratinjau", pk=impor.pk)
    recent = ImporBerkas.objects.for_user(request.user).filter(status=StatusImpor.DISIMPAN)[:5]
    return render(request, "kependudukan/impor_unggah.html", {"form": form, "riwayat": recent})


@login_required
def impor_pratinjau(request, pk):
    impor = get_object_or_404(ImporBerkas.objects.for_user(request.user), pk=pk)
    return render(request, "kependudukan/impor_pratinjau.html", {"impor": impor, "hasil": impor.hasil})


@require_POST
@login_required
def impor_simpan(request, pk):
    impor = get_object_or_404(ImporBerkas.objects.for_user(request.user), pk=pk)
    _require_importer(request.user)
    if impor.status != StatusImpor.SIAP or not impor.berkas:
        messages.error(request, "Berkas ini tidak dapat disimpan; unggah ulang berkasnya.")
        return redirect("kependudukan:impor_pratinjau", pk=impor.pk)
    try:
        with impor.berkas.open("rb") as source:
            hasil = impor_kependudukan(
                source,
                user=request.user,
                desa_boleh=desa_boleh_for(request.user),
                nama_berkas=impor.nama_berkas,
            )
    except BerkasDitolak as error:
        hasil = None
        impor.hasil = {"berkas": str(error)}
    except OSError:
        logger.warning("import %s: the uploaded file is gone", impor.pk)
        hasil = None
        impor.hasil = {"berkas": "Berkas unggahan sudah tidak tersimpan lagi; unggah ulang berkasnya."}
    except IntegrityError:
        logger.warning("import %s collided with a concurrent write", impor.pk)
        messages.error(request, "Data berubah ketika disimpan. Tidak ada yang disimpan; coba simpan lagi.")
        return redirect("kependudukan:impor_pratinjau", pk=impor.pk)
    if hasil is not None and hasil.ok:
        impor.status, impor.disimpan_at, impor.hasil = StatusImpor.DISIMPAN, timezone.now(), hasil.ringkasan()
        impor.discard_file()
        impor.save()
        messages.success(
            request,
            f"Impor selesai: {len(hasil.peristiwa)} peristiwa dan "
            f"{len(hasil.data_awal_baru)} data awal disimpan.",
        )
        return redirect("kependudukan:impor_pratinjau", pk=impor.pk)
    if hasil is not None:
        impor.hasil = hasil.ringkasan()
    impor.status = StatusImpor.DITOLAK
    impor.save()
    messages.error(
        request, "Data berubah sejak pemeriksaan; tidak ada yang disimpan. Lihat kesalahan di bawah."
    )
    return redirect("kependudukan:impor_pratinjau", pk=impor.pk)


def _check(impor, user):
    try:
        with impor.berkas.open("rb") as source:
            hasil = periksa_impor(source, desa_boleh=desa_boleh_for(user))
    except BerkasDitolak as error:
        impor.hasil = {"berkas": str(error)}
        impor.discard_file()
        return
    impor.hasil = hasil.ringkasan()
    if hasil.ok and hasil.ada_perubahan:
        impor.status = StatusImpor.SIAP
        return
    if hasil.ok:
        impor.status = StatusImpor.TIDAK_ADA_BARU
    impor.discard_file()


def _discard_stale(user):
    """Uploads never confirmed are removed after a day, with their files."""
    for old in ImporBerkas.objects.for_user(user).stale().exclude(status=StatusImpor.DISIMPAN):
        old.discard_file()
        old.delete()

"""The impor-ekonomi.xlsx import in the browser: template, upload and check, preview, confirm.

The same steps as the kependudukan import (kependudukan.views_impor), with its own upload record
so that each import's preview page shows its own kind of rows.
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
from kependudukan.ekonomi.impor_periksa import periksa_ekonomi
from kependudukan.ekonomi.impor_simpan import impor_ekonomi
from kependudukan.ekonomi.impor_templat import NAMA_BERKAS, templat_workbook
from kependudukan.forms_impor import ImporForm
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.periksa import desa_boleh_for
from kependudukan.models.ekonomi import ImporEkonomi
from kependudukan.models.impor import StatusImpor

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_importer(user):
    if user.is_read_only or desa_boleh_for(user) == set():
        raise PermissionDenied("Peran Anda hanya dapat melihat data, tidak mengimpor.")


@login_required
def impor_ekonomi_templat(request):
    kode = request.user.desa_id
    if not kode:
        first = Desa.objects.for_user(request.user).order_by("kode").first()
        kode = first.pk if first else "63.11.06.2005"
    buffer = io.BytesIO()
    templat_workbook(kode, timezone.localdate()).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{NAMA_BERKAS}"'
    return response


@login_required
def impor_ekonomi_unggah(request):
    _require_importer(request.user)
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        for old in ImporEkonomi.objects.for_user(request.user).stale().exclude(status=StatusImpor.DISIMPAN):
            old.discard_file()
            old.delete()
        upload = form.cleaned_data["berkas"]
        impor = ImporEkonomi(pengguna=request.user, nama_berkas=upload.name[:255], status=StatusImpor.DITOLAK)
        impor.berkas.save("impor.xlsx", upload, save=False)
        _check(impor, request.user)
        impor.save()
        return redirect("kependudukan:impor_ekonomi_pratinjau", pk=impor.pk)
    recent = ImporEkonomi.objects.for_user(request.user).filter(status=StatusImpor.DISIMPAN)[:5]
    return render(request, "kependudukan/ekonomi/impor_unggah.html", {"form": form, "riwayat": recent})


@login_required
def impor_ekonomi_pratinjau(request, pk):
    impor = get_object_or_404(ImporEkonomi.objects.for_user(request.user), pk=pk)
    return render(
        request, "kependudukan/ekonomi/impor_pratinjau.html", {"impor": impor, "hasil": impor.hasil}
    )


@require_POST
@login_required
def impor_ekonomi_simpan(request, pk):
    impor = get_object_or_404(ImporEkonomi.objects.for_user(request.user), pk=pk)
    _require_importer(request.user)
    if impor.status != StatusImpor.SIAP or not impor.berkas:
        messages.error(request, "Berkas ini tidak dapat disimpan; unggah ulang berkasnya.")
        return redirect("kependudukan:impor_ekonomi_pratinjau", pk=impor.pk)
    try:
        with impor.berkas.open("rb") as source:
            hasil = impor_ekonomi(
                source,
                user=request.user,
                desa_boleh=desa_boleh_for(request.user),
                nama_berkas=impor.nama_berkas,
            )
    except BerkasDitolak as error:
        hasil = None
        impor.hasil = {"berkas": str(error)}
    except IntegrityError:
        logger.warning("economic import %s collided with a concurrent write", impor.pk)
        messages.error(request, "Data berubah ketika disimpan. Tidak ada yang disimpan; coba simpan lagi.")
        return redirect("kependudukan:impor_ekonomi_pratinjau", pk=impor.pk)
    if hasil is not None and hasil.ok:
        impor.status, impor.disimpan_at, impor.hasil = StatusImpor.DISIMPAN, timezone.now(), hasil.ringkasan()
        impor.discard_file()
        impor.save()
        messages.success(request, "Impor selesai: data keluarga dan penerima bantuan disimpan.")
        return redirect("kependudukan:impor_ekonomi_pratinjau", pk=impor.pk)
    if hasil is not None:
        impor.hasil = hasil.ringkasan()
    impor.status = StatusImpor.DITOLAK
    impor.save()
    messages.error(
        request, "Data berubah sejak pemeriksaan; tidak ada yang disimpan. Lihat kesalahan di bawah."
    )
    return redirect("kependudukan:impor_ekonomi_pratinjau", pk=impor.pk)


def _check(impor, user):
    try:
        with impor.berkas.open("rb") as source:
            hasil = periksa_ekonomi(source, desa_boleh=desa_boleh_for(user))
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

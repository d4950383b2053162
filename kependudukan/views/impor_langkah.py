"""The browser steps both Excel imports share: upload and check, preview, confirm and save.

Each import describes itself as a `JenisImpor`; its views (impor_unggah, impor_pratinjau,
impor_simpan) call langkah_unggah, langkah_pratinjau and langkah_simpan with it. What happens
to the stored upload between the requests is kependudukan.impor.unggahan's.
"""

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from kependudukan.forms.impor import ImporForm
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.periksa import desa_boleh_for
from kependudukan.impor.unggahan import PESAN_BERKAS_HILANG, check_upload, discard_stale
from kependudukan.models.impor import StatusImpor

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class JenisImpor:
    """One kind of import: its upload record, its check and save functions, its pages."""

    model: type
    periksa_berkas: Callable  # (source, *, desa_boleh) -> hasil
    simpan_berkas: Callable  # (source, *, user, desa_boleh, nama_berkas) -> hasil
    pesan_selesai: Callable  # hasil -> the message after a successful save
    url_unggah: str
    url_pratinjau: str
    url_simpan: str
    template_unggah: str
    template_pratinjau: str
    log_label: str


def require_importer(user):
    if user.is_read_only or desa_boleh_for(user) == set():
        raise PermissionDenied("Peran Anda hanya dapat melihat data, tidak mengimpor.")


def workbook_response(workbook, nama_berkas):
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}"'
    return response


def langkah_unggah(request, jenis):
    require_importer(request.user)
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        discard_stale(jenis.model, request.user)
        upload = form.cleaned_data["berkas"]
        impor = jenis.model(pengguna=request.user, nama_berkas=upload.name[:255], status=StatusImpor.DITOLAK)
        impor.berkas.save("impor.xlsx", upload, save=False)
        check_upload(impor, jenis.periksa_berkas, desa_boleh=desa_boleh_for(request.user))
        impor.save()
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    recent = jenis.model.objects.for_user(request.user).filter(status=StatusImpor.DISIMPAN)[:5]
    context = {"form": form, "riwayat": recent, "url_pratinjau": jenis.url_pratinjau}
    return render(request, jenis.template_unggah, context)


def langkah_pratinjau(request, jenis, pk):
    impor = get_object_or_404(jenis.model.objects.for_user(request.user), pk=pk)
    context = {
        "impor": impor,
        "hasil": impor.hasil,
        "url_unggah": jenis.url_unggah,
        "url_simpan": jenis.url_simpan,
    }
    return render(request, jenis.template_pratinjau, context)


def langkah_simpan(request, jenis, pk):
    impor = get_object_or_404(jenis.model.objects.for_user(request.user), pk=pk)
    require_importer(request.user)
    if impor.status != StatusImpor.SIAP or not impor.berkas:
        messages.error(request, "Berkas ini tidak dapat disimpan; unggah ulang berkasnya.")
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    try:
        with impor.berkas.open("rb") as source:
            hasil = jenis.simpan_berkas(
                source,
                user=request.user,
                desa_boleh=desa_boleh_for(request.user),
                nama_berkas=impor.nama_berkas,
            )
    except BerkasDitolak as error:
        hasil = None
        impor.hasil = {"berkas": str(error)}
    except OSError:
        logger.warning("%s %s: the uploaded file is gone", jenis.log_label, impor.pk)
        hasil = None
        impor.hasil = {"berkas": PESAN_BERKAS_HILANG}
    except IntegrityError:
        logger.warning("%s %s collided with a concurrent write", jenis.log_label, impor.pk)
        messages.error(request, "Data berubah ketika disimpan. Tidak ada yang disimpan; coba simpan lagi.")
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    if hasil is not None and hasil.ok:
        impor.status, impor.disimpan_at, impor.hasil = StatusImpor.DISIMPAN, timezone.now(), hasil.ringkasan()
        impor.discard_file()
        impor.save()
        messages.success(request, jenis.pesan_selesai(hasil))
        return redirect(jenis.url_pratinjau, pk=impor.pk)
    if hasil is not None:
        impor.hasil = hasil.ringkasan()
    impor.status = StatusImpor.DITOLAK
    impor.save()
    messages.error(
        request, "Data berubah sejak pemeriksaan; tidak ada yang disimpan. Lihat kesalahan di bawah."
    )
    return redirect(jenis.url_pratinjau, pk=impor.pk)

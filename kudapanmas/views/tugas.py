"""The page of a recap task: its progress while it runs, then its file (an import shows its
tasks on its own preview page).

Only the user who asked sees the task; the download checks again that the user's role may
still see the recap's wilayah. Another user's task answers 404, like any page out of scope.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from desa import latar, scoping
from desa.models import StatusTugas, Tugas
from kudapanmas.rekap.workbook import catat_ekspor
from kudapanmas.tugas.rekap import KIND as REKAP

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _tugas(request, pk):
    tugas = get_object_or_404(Tugas, pk=pk, diminta_oleh=request.user, kind=REKAP)
    params = tugas.params
    # The role may have changed since the request: the wilayah is checked again.
    if params.get("tingkat") == "provinsi":
        scoping.provinsi_for_user(request.user, params["kode"])
    elif params.get("tingkat") == "kabupaten":
        scoping.kabupaten_for_user(request.user, params["kode"])
    else:
        scoping.kecamatan_for_user(request.user, params["kode"])
    return tugas


@login_required
@require_GET
def tugas_detail(request, pk):
    tugas = _tugas(request, pk)
    template = "kudapanmas/_tugas_kemajuan.html" if request.htmx else "kudapanmas/tugas_detail.html"
    return render(request, template, {"tugas": tugas})


@login_required
@require_GET
def tugas_unduh(request, pk):
    tugas = _tugas(request, pk)
    if tugas.status != StatusTugas.SELESAI:
        raise Http404("Berkas tugas ini belum siap.")
    try:
        berkas = open(latar.berkas_path(tugas), "rb")  # noqa: SIM115 - FileResponse closes it
    except FileNotFoundError:
        raise Http404("Berkas ini sudah dihapus; minta rekapnya lagi.") from None
    hasil = tugas.hasil
    catat_ekspor(
        request.user,
        wilayah=hasil.get("wilayah", ""),
        label=hasil.get("label", ""),
        dengan_nik=tugas.params.get("dengan_nik", True),
        lembar_pribadi=hasil.get("lembar_pribadi", []),
    )
    return FileResponse(berkas, as_attachment=True, filename=tugas.nama_berkas, content_type=XLSX)


@login_required
@require_POST
def tugas_ulang(request, pk):
    tugas = _tugas(request, pk)
    if latar.ulangi(tugas):
        messages.info(request, "Tugas diulang dan menunggu giliran.")
    return redirect("kudapanmas:tugas_detail", pk=tugas.pk)

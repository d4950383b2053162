"""Activity photos, served only through the user's scope (never as public files)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from desa.ledger import PeriodeTerkunci
from desa.scoping import object_for_user
from linmas import services
from linmas.models import FotoKegiatan


def _foto_for(request, pk, *, write=False):
    queryset = FotoKegiatan.objects.select_related("kegiatan__desa")
    return object_for_user(queryset, request.user, write=write, pk=pk)


def _serve(foto, berkas, suffix):
    try:
        handle = berkas.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("Berkas foto tidak ditemukan.") from error
    response = FileResponse(handle, content_type="image/jpeg", filename=f"foto-{foto.pk}{suffix}.jpg")
    # Short: a photo removed or moved out of the user's scope stops showing within minutes.
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def foto_lihat(request, pk):
    foto = _foto_for(request, pk)
    return _serve(foto, foto.berkas, "")


@login_required
def foto_kecil(request, pk):
    foto = _foto_for(request, pk)
    return _serve(foto, foto.kecil, "-kecil")


@require_POST
@login_required
def foto_hapus(request, pk):
    foto = _foto_for(request, pk, write=True)
    kegiatan = foto.kegiatan
    try:
        services.foto_hapus(foto=foto)
    except PeriodeTerkunci as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Foto dihapus.")
    return redirect(kegiatan)

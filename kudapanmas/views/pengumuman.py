"""Announcements: the Kasi Trantib posts them; every user of the kecamatan reads them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa import scoping
from kudapanmas.forms.pengumuman import PengumumanForm
from kudapanmas.models import Pengumuman


@login_required
def pengumuman_saya(request):
    kode = scoping.kecamatan_saya(request.user, "Pengumuman dibuat oleh Kasi Trantib kecamatan.")
    return redirect("kudapanmas:pengumuman", kode=kode)


@login_required
def pengumuman(request, kode):
    kecamatan = scoping.kecamatan_for_user(request.user, kode, manage=True)
    form = PengumumanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.kecamatan = kecamatan
        item.dibuat_oleh = request.user
        item.save()
        messages.success(request, f"Pengumuman “{item.judul}” tampil di beranda operator.")
        return redirect(item)
    return render(
        request,
        "kudapanmas/pengumuman.html",
        {
            "kecamatan": kecamatan,
            "form": form,
            "pengumuman_list": Pengumuman.objects.filter(kecamatan=kecamatan).select_related("dibuat_oleh"),
            "today": timezone.localdate(),
        },
    )


@require_POST
@login_required
def pengumuman_hapus(request, pk):
    item = get_object_or_404(Pengumuman.objects.for_user(request.user), pk=pk)
    scoping.kecamatan_for_user(request.user, item.kecamatan_id, manage=True)
    if item.lampiran:
        item.lampiran.delete(save=False)
    item.delete()
    messages.success(request, f"Pengumuman “{item.judul}” dihapus.")
    return redirect("kudapanmas:pengumuman", kode=item.kecamatan_id)


@login_required
def pengumuman_lampiran(request, pk):
    """Attachments are private files: served only to users of the announcement's kecamatan."""
    item = get_object_or_404(Pengumuman.objects.for_user(request.user), pk=pk)
    if not item.lampiran:
        raise Http404("Pengumuman ini tidak punya lampiran.")
    try:
        handle = item.lampiran.open("rb")
    except FileNotFoundError as error:
        raise Http404("Berkas lampiran tidak ditemukan.") from error
    filename = item.lampiran.name.rsplit("/", 1)[-1]
    return FileResponse(handle, content_type="application/pdf", filename=filename)

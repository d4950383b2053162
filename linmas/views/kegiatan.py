"""Activities of a desa's Linmas: record, look at, change and delete, each within an open month."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa import kiriman
from desa.gerbang import SudahTersimpan
from desa.ledger import PeriodeTerkunci
from desa.periode import Periode, format_tanggal
from desa.scoping import desa_for_user, may_write, object_for_user
from linmas import services
from linmas.forms import KegiatanForm
from linmas.foto import FotoDitolak
from linmas.models import Kegiatan
from linmas.views.akses import lock_notice

PESAN_ULANGAN = "Kegiatan ini sudah tersimpan; formulir yang sama tidak disimpan dua kali."


def _kegiatan_for(request, kode, pk, *, write=False):
    queryset = Kegiatan.objects.select_related("desa__kecamatan", "rt")
    return object_for_user(queryset, request.user, write=write, pk=pk, desa_id=kode)


def _initial_tanggal(request):
    """Today, or the last day of the month the operator came from (?periode=2026-07)."""
    today = timezone.localdate()
    try:
        return min(today, Periode.parse(request.GET.get("periode", "")).akhir)
    except ValueError:
        return today


@login_required
def kegiatan_create(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    kegiatan = Kegiatan(desa=desa)
    return _edit(request, kegiatan, initial={"tanggal": _initial_tanggal(request)})


@login_required
def kegiatan_update(request, kode, pk):
    kegiatan = _kegiatan_for(request, kode, pk, write=True)
    terkunci = lock_notice(kegiatan.desa, kegiatan.periode, request.user)
    if terkunci:
        messages.error(request, terkunci)
        return redirect(kegiatan)
    return _edit(request, kegiatan)


def _edit(request, kegiatan, initial=None):
    if kegiatan.pk is None and (repeat := kiriman.ulangan(request, PESAN_ULANGAN)):
        return repeat
    form = KegiatanForm(request.POST or None, request.FILES or None, instance=kegiatan, initial=initial)
    if kegiatan.pk is None:
        kiriman.pasang_token(form)
    if request.method == "POST" and form.is_valid():
        try:
            kegiatan = services.kegiatan_simpan(
                kegiatan=form.save(commit=False),
                peserta=form.cleaned_data["peserta"],
                foto_baru=form.foto_siap,
                user=request.user,
                tanggal_lama=form.tanggal_lama,
                token=form.cleaned_data.get(kiriman.FIELD),
            )
        except SudahTersimpan as saved:
            return kiriman.sudah_tersimpan(request, saved.tujuan, PESAN_ULANGAN)
        except (PeriodeTerkunci, FotoDitolak) as error:
            form.add_error(None, str(error))
        else:
            jumlah_foto = len(form.foto_siap)
            tambahan = f" dengan {jumlah_foto} foto" if jumlah_foto else ""
            messages.success(request, f"Kegiatan {kegiatan.jenis_label} disimpan{tambahan}.")
            return redirect("linmas:laporan_bulanan", kode=kegiatan.desa_id, periode=kegiatan.periode)
    # A twin post refused by the form because the first one committed meanwhile: it is saved.
    if kegiatan.pk is None and (repeat := kiriman.ulangan(request, PESAN_ULANGAN)):
        return repeat
    return render(
        request,
        "linmas/kegiatan_form.html",
        {
            "form": form,
            "desa": kegiatan.desa,
            "kegiatan": kegiatan if kegiatan.pk else None,
            "fotos": list(kegiatan.foto_set.all()) if kegiatan.pk else [],
            "periode": kegiatan.periode
            if kegiatan.pk
            else Periode.of((initial or {}).get("tanggal") or timezone.localdate()),
        },
    )


@login_required
def kegiatan_detail(request, kode, pk):
    kegiatan = _kegiatan_for(request, kode, pk)
    terkunci = lock_notice(kegiatan.desa, kegiatan.periode, request.user)
    return render(
        request,
        "linmas/kegiatan_detail.html",
        {
            "kegiatan": kegiatan,
            "desa": kegiatan.desa,
            "peserta": kegiatan.peserta.order_by("nama"),
            "fotos": kegiatan.foto_set.all(),
            "terkunci": terkunci,
            "can_edit": may_write(request.user, kegiatan.desa) and not terkunci,
        },
    )


@require_POST
@login_required
def kegiatan_hapus(request, kode, pk):
    kegiatan = _kegiatan_for(request, kode, pk, write=True)
    try:
        services.kegiatan_hapus(kegiatan=kegiatan)
    except PeriodeTerkunci as error:
        messages.error(request, str(error))
        return redirect(kegiatan)
    messages.success(
        request, f"Kegiatan {kegiatan.jenis_label} tanggal {format_tanggal(kegiatan.tanggal)} dihapus."
    )
    return redirect("linmas:laporan_bulanan", kode=kegiatan.desa_id, periode=kegiatan.periode)

"""The kecamatan's mandatory Linmas programme and how its desa meet it in a month."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa import kepatuhan
from desa.models import Desa, Kecamatan
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from desa.scoping import is_kasi_trantib_of
from linmas import services
from linmas.forms import ProgramForm
from linmas.ringkasan import program_berlaku, ringkasan_linmas, syarat_program
from linmas.views.akses import require_started


def _kecamatan_for(request, kode):
    return get_object_or_404(Kecamatan.objects.for_user(request.user), pk=kode)


def may_set_program(user, kecamatan):
    """Only the Kasi Trantib of the kecamatan (or an administrator) sets its programme."""
    return is_kasi_trantib_of(user, kecamatan.pk)


@login_required
def program_index(request):
    kecamatan_id = request.user.kecamatan_id or (
        request.user.desa.kecamatan_id if request.user.desa_id else None
    )
    if kecamatan_id:
        return redirect("linmas:program_detail", kode=kecamatan_id)
    kecamatan_list = Kecamatan.objects.for_user(request.user).order_by("kode")
    return render(request, "linmas/program_index.html", {"kecamatan_list": kecamatan_list})


@login_required
def program_detail(request, kode):
    kecamatan = _kecamatan_for(request, kode)
    return _render_program(request, kecamatan, form=None)


@require_POST
@login_required
def program_atur(request, kode):
    kecamatan = _kecamatan_for(request, kode)
    if not may_set_program(request.user, kecamatan):
        raise PermissionDenied("Hanya Kasi Trantib kecamatan ini yang dapat mengatur program Linmas.")
    form = ProgramForm(request.POST)
    if not form.is_valid():
        return _render_program(request, kecamatan, form=form)
    program = services.program_atur(
        kecamatan=kecamatan,
        periode=form.cleaned_data["berlaku_mulai"],
        minimum=form.minimum,
        catatan=form.cleaned_data["catatan"],
        user=request.user,
    )
    mulai = program.berlaku_mulai.label
    messages.success(request, f"Program kegiatan wajib disimpan, berlaku mulai {mulai}.")
    return redirect("linmas:program_detail", kode=kecamatan.pk)


def _render_program(request, kecamatan, form):
    sekarang = Periode.current()
    berlaku = program_berlaku([kecamatan.pk], sekarang)[kecamatan.pk]
    minimum = dict(berlaku.butir) if berlaku else {}
    can_set = may_set_program(request.user, kecamatan)
    if form is None and can_set:
        form = ProgramForm(minimum=minimum, initial={"berlaku_mulai": str(sekarang.next())})
    riwayat = [
        {
            "program": program,
            "periode": program.berlaku_mulai,
            "akan_datang": program.berlaku_mulai > sekarang,
            "syarat": syarat_program(
                [(butir.jenis_kegiatan, butir.jumlah_minimum) for butir in program.butir_set.all()], {}
            ),
        }
        for program in kecamatan.program_linmas_set.prefetch_related("butir_set").select_related(
            "dibuat_oleh"
        )
    ]
    return render(
        request,
        "linmas/program.html",
        {
            "kecamatan": kecamatan,
            "berlaku": berlaku,
            "berlaku_syarat": syarat_program(berlaku.butir, {}) if berlaku else [],
            "riwayat_baris": riwayat,
            "form": form if can_set else None,
            "sekarang": sekarang,
            "bulan_lalu": sekarang.previous(),
        },
    )


@login_required
def laporan_kecamatan(request, kode, periode):
    """Every desa of the kecamatan in one month: roster, activities, incidents, programme, report state."""
    kecamatan = _kecamatan_for(request, kode)
    require_started(periode)
    desa_list = list(
        Desa.objects.for_user(request.user)
        .filter(kecamatan=kecamatan)
        .select_related("kecamatan")
        .order_by("kode")
    )
    ringkasan = ringkasan_linmas(desa_list, periode)
    grid = kepatuhan.grid(desa_list, [JenisLaporan.LINMAS], periode)
    rows = [(baris.desa, ringkasan[baris.desa.pk], baris.sel[0]) for baris in grid]
    sekarang = Periode.current()
    return render(
        request,
        "linmas/laporan_kecamatan.html",
        {
            "kecamatan": kecamatan,
            "periode": periode,
            "rows": rows,
            "periode_sebelumnya": periode.previous(),
            "periode_berikutnya": periode.next() if periode < sekarang else None,
        },
    )

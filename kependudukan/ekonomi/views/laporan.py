"""The monthly Ekonomi report of a desa (sent through the ledger panel), the kecamatan's table of
it, and the aid programmes (added by the Kabupaten role)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from desa.models import Desa, Kecamatan
from desa.models.laporan import JenisLaporan
from desa.panel import panel_laporan
from desa.periode import Periode
from desa.scoping import desa_for_user, is_administrator, is_ketua_rt, may_write
from kependudukan.ekonomi.forms import ProgramForm
from kependudukan.ekonomi.keadaan import keadaan_keluarga
from kependudukan.ekonomi.laporan import rekap_ekonomi
from kependudukan.ekonomi.models import JenisTanda, Keluarga, ProgramBantuan
from kependudukan.ekonomi.tanda import tanda_penerima, temuan_ekonomi

DAFTAR_LAMA = 50  # stale households listed on the monthly page; the list page has them all


@login_required
def laporan_bulanan(request, kode, periode):
    desa = desa_for_user(request.user, kode)
    states = keadaan_keluarga([desa], periode)
    tanda = tanda_penerima([desa], periode, states=states)
    row = rekap_ekonomi([desa], periode, tanda=tanda, states=states)[desa.pk]
    temuan = temuan_ekonomi([desa], periode, tanda=tanda, states=states)
    lama = Keluarga.objects.filter(desa=desa).belum_dimutakhirkan(periode)
    return render(
        request,
        "kependudukan/ekonomi/laporan_bulanan.html",
        {
            "desa": desa,
            "periode": periode,
            "baris": row,
            "tanda_list": [flag for flag in tanda if not flag.informasi],
            "informasi_list": [item for item in temuan if item.aturan == JenisTanda.DESIL_TINGGI.label],
            "keluarga_lama": lama.order_by("tanggal_pemutakhiran")[:DAFTAR_LAMA],
            "can_edit": may_write(request.user, desa),
            "sebelumnya": periode.previous(),
            "berikutnya": periode.next() if periode < Periode.current() else None,
            "panel": panel_laporan(request.user, desa, JenisLaporan.EKONOMI, periode),
        },
    )


@login_required
def laporan_kecamatan(request, kode, periode):
    kecamatan = get_object_or_404(Kecamatan.objects.for_user(request.user), pk=kode)
    desa_list = list(
        Desa.objects.for_user(request.user).filter(kecamatan=kecamatan).select_related("kecamatan")
    )
    rows = rekap_ekonomi(desa_list, periode)
    return render(
        request,
        "kependudukan/ekonomi/laporan_kecamatan.html",
        {
            "kecamatan": kecamatan,
            "periode": periode,
            "baris_list": [
                (rows[desa.pk], reverse("ekonomi:laporan_bulanan", args=[desa.pk, str(periode)]))
                for desa in desa_list
            ],
            "program_kode": [item.kode for item in next(iter(rows.values())).program] if rows else [],
            "sebelumnya": periode.previous(),
            "berikutnya": periode.next() if periode < Periode.current() else None,
        },
    )


@login_required
def program_list(request):
    if is_ketua_rt(request.user) or not request.user.peran and not is_administrator(request.user):
        raise Http404("Halaman ini tidak tersedia untuk peran Anda.")
    can_add = is_administrator(request.user)  # the Kabupaten role reads, it does not write
    form = ProgramForm(request.POST or None)
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied("Hanya administrator yang dapat menambah program bantuan.")
        if form.is_valid():
            program = form.save()
            messages.success(request, f"Program {program.kode} ditambahkan.")
            return redirect("ekonomi:program_list")
    return render(
        request,
        "kependudukan/ekonomi/program_list.html",
        {
            "program_list": ProgramBantuan.objects.for_user(request.user).select_related("kabupaten"),
            "form": form,
            "can_add": can_add,
        },
    )

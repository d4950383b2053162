"""The monthly Linmas report of a desa: the figures, the programme check, the photos and the ledger panel."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from desa import scoping
from desa.models.laporan import JenisLaporan
from desa.panel import panel_laporan
from desa.periode import Periode
from desa.scoping import desa_for_user, may_write
from linmas.models import FotoKegiatan
from linmas.ringkasan import kegiatan_bulan, kejadian_bulan, ringkasan_linmas
from linmas.views.akses import lock_notice, require_started


@login_required
def index(request):
    """The menu entry: an operator goes to this month's page, the kecamatan to the programme."""
    if request.user.desa_id:
        return redirect("linmas:laporan_bulanan", kode=request.user.desa_id, periode=Periode.current())
    return redirect("linmas:program_index")


@login_required
def laporan_bulanan(request, kode, periode):
    desa = desa_for_user(request.user, kode)
    require_started(periode)
    kegiatan_list = list(kegiatan_bulan([desa], periode))
    fotos = FotoKegiatan.objects.filter(
        kegiatan__desa=desa, kegiatan__tanggal__range=(periode.awal, periode.akhir)
    ).select_related("kegiatan")
    terkunci = lock_notice(desa, periode, request.user)
    sekarang = Periode.current()
    ringkasan = ringkasan_linmas([desa], periode)[desa.pk]
    return render(
        request,
        "linmas/laporan_bulanan.html",
        {
            "desa": desa,
            "periode": periode,
            "ringkasan": ringkasan,
            # Nihil means nothing was recorded: a month with entries is not offered it (kirim.py refuses it).
            "nihil_boleh": ringkasan.kosong,
            # The desa's operator sends from the top of the page; the kecamatan reads the lists.
            "daftar_terbuka": not scoping.may_send(request.user, desa),
            "kegiatan_list": kegiatan_list,
            "kejadian_list": kejadian_bulan([desa], periode),
            "fotos": fotos,
            "terkunci": terkunci,
            "can_edit": may_write(request.user, desa) and not terkunci,
            "periode_sebelumnya": periode.previous(),
            "periode_berikutnya": periode.next() if periode < sekarang else None,
            "panel": panel_laporan(
                request.user,
                desa,
                JenisLaporan.LINMAS,
                periode,
                extra_template="linmas/_kirim_extra.html",
                nihil_allowed=ringkasan.kosong,
            ),
        },
    )

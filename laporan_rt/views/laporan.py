"""The desa's monthly page of RT reports, and the start pages of the operator and the Ketua RT."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from desa import ledger
from desa.models import RT, Desa
from desa.models.laporan import JenisLaporan
from desa.panel import panel_laporan
from desa.periode import Periode
from desa.scoping import is_ketua_rt, may_write, object_for_user
from laporan_rt import rekap
from laporan_rt.kirim import field_name
from laporan_rt.models import KEGIATAN_FIELDS, LABEL_PERISTIWA, PERISTIWA_FIELDS, LaporanRT
from laporan_rt.temuan import temuan_laporan_rt

RIWAYAT_BULAN = 12


@login_required
def saya(request):
    """The "Laporan RT" menu: the operator's desa for last month, the Ketua RT's own start page."""
    user = request.user
    if is_ketua_rt(user):
        return redirect("laporan_rt:beranda_rt")
    if not user.desa_id:
        raise Http404("Akun ini tidak terhubung dengan desa.")
    return redirect("laporan_rt:laporan_bulanan", kode=user.desa_id, periode=Periode.current().previous())


@login_required
def beranda_rt(request):
    """The Ketua RT's start page: its RT's report of last month and of this month, and the ones before."""
    user = request.user
    if not is_ketua_rt(user) or not user.rt_id:
        raise Http404("Halaman ini untuk akun Ketua RT.")
    rt = RT.objects.select_related("desa__kecamatan").get(pk=user.rt_id)
    sekarang = Periode.current()
    periodes = [sekarang.shift(-offset) for offset in range(RIWAYAT_BULAN)]
    reports = {
        laporan.periode: laporan for laporan in LaporanRT.objects.for_user(user).filter(periode__in=periodes)
    }
    locked = {periode for _, periode in ledger.locked_periods([rt.desa_id], JenisLaporan.LAPORAN_RT)}
    bulan = [
        {
            "periode": periode,
            "laporan": reports.get(periode),
            "terkunci": periode in locked,
            "url": _rt_url(rt, periode, reports.get(periode), periode in locked),
        }
        for periode in periodes
    ]
    return render(
        request,
        "laporan_rt/beranda_rt.html",
        {"rt": rt, "desa": rt.desa, "utama": bulan[1::-1], "riwayat": [b for b in bulan[2:] if b["laporan"]]},
    )


def _rt_url(rt, periode, laporan, terkunci):
    name = "laporan_rt:detail" if terkunci or (laporan and laporan.is_sent) else "laporan_rt:isi"
    return reverse(name, args=[rt.desa_id, str(periode), rt.nomor])


@login_required
def laporan_bulanan(request, kode, periode):
    desa = object_for_user(Desa.objects.select_related("kecamatan"), request.user, pk=kode)
    baris = rekap.rekap_laporan_rt([desa], periode)[desa.pk]
    laporan_desa = ledger.laporan_for(desa, JenisLaporan.LAPORAN_RT, periode)
    can_fill = may_write(request.user, desa) and periode <= Periode.current() and not laporan_desa.is_locked
    context = {
        "desa": desa,
        "periode": periode,
        "sebelumnya": periode.previous(),
        "berikutnya": periode.next() if periode < Periode.current() else None,
        "baris": baris,
        "status_rt": rekap.status_rt(desa, periode),
        "tabel_jumlah": _tabel_jumlah(baris.jumlah),
        "kegiatan": [(label, baris.jumlah[name]) for name, label in KEGIATAN_FIELDS.items()],
        "tamu_list": list(rekap.tamu_rt([desa], periode)),
        "kejadian_list": list(rekap.kejadian_rt([desa], periode)),
        "masalah_list": rekap.masalah_rt([desa], periode),
        "temuan_list": temuan_laporan_rt([desa], periode),
        "belum_melapor": [(rt, field_name(rt)) for rt in rekap.rt_belum_melapor(desa, periode)],
        "can_fill": can_fill,
        "can_manage": may_write(request.user, desa),
        "panel": panel_laporan(
            request.user,
            desa,
            JenisLaporan.LAPORAN_RT,
            periode,
            extra_template="laporan_rt/_kirim_extra.html",
            nihil_allowed=False,
        ),
    }
    return render(request, "laporan_rt/laporan_bulanan.html", context)


def _tabel_jumlah(jumlah):
    """Rows (label, L, P, L+P, KK) of the month's totals, for the page's table."""
    rows = [("Awal bulan", jumlah["awal_l"], jumlah["awal_p"], jumlah["awal_kk"])]
    for jenis, label in LABEL_PERISTIWA.items():
        fields = PERISTIWA_FIELDS[jenis]
        rows.append((label, jumlah[fields["L"]], jumlah[fields["P"]], None))
    rows.append(("Akhir bulan", jumlah["akhir_l"], jumlah["akhir_p"], jumlah["akhir_kk"]))
    return [
        {"label": label, "l": laki, "p": perempuan, "jumlah": laki + perempuan, "kk": kk}
        for label, laki, perempuan, kk in rows
    ]

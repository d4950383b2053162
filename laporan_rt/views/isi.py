"""One RT's report for one month: read it, fill it, send it to the desa.

The RT is fetched through laporan_rt.akses: a Ketua RT reaches its own RT only (any
other RT or desa is a 404); the desa scope applies to everyone else.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from desa import kiriman, ledger
from desa.gerbang import SudahTersimpan
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from desa.scoping import is_ketua_rt
from laporan_rt.akses import may_fill, rt_for_user
from laporan_rt.forms.isi import KejadianFormSet, LaporanRTForm, TamuFormSet
from laporan_rt.models import KEGIATAN_FIELDS, LABEL_PERISTIWA, PERISTIWA_FIELDS, LaporanRT
from laporan_rt.prefill import acuan_for
from laporan_rt.services import laporan_rt_simpan

PESAN_ULANGAN = "Laporan RT ini sudah tersimpan; formulir yang sama tidak disimpan dua kali."


@login_required
def detail(request, kode, periode, nomor):
    rt = rt_for_user(request.user, kode=kode, nomor=nomor)
    laporan = LaporanRT.objects.filter(rt=rt, periode=periode).select_related("dikirim_oleh").first()
    laporan_desa = ledger.laporan_for(rt.desa, JenisLaporan.LAPORAN_RT, periode)
    context = {
        "rt": rt,
        "desa": rt.desa,
        "periode": periode,
        "laporan": laporan,
        "terkunci": laporan_desa.is_locked,
        "pesan_kunci": ledger.lock_message_for(laporan_desa, request.user) if laporan_desa.is_locked else "",
        "can_fill": may_fill(request.user, rt)
        and periode <= Periode.current()
        and not laporan_desa.is_locked,
        "is_ketua_rt": is_ketua_rt(request.user),
    }
    if laporan:
        context.update(
            peristiwa=[
                {
                    "label": label,
                    "l": getattr(laporan, PERISTIWA_FIELDS[jenis]["L"]),
                    "p": getattr(laporan, PERISTIWA_FIELDS[jenis]["P"]),
                }
                for jenis, label in LABEL_PERISTIWA.items()
            ],
            kegiatan=[(label, getattr(laporan, name)) for name, label in KEGIATAN_FIELDS.items()],
            tamu_list=list(laporan.tamu.all()),
            kejadian_list=list(laporan.kejadian.all()),
        )
    return render(request, "laporan_rt/detail.html", context)


@login_required
def isi(request, kode, periode, nomor):
    rt = rt_for_user(request.user, kode=kode, nomor=nomor, write=True)
    ke_detail = redirect("laporan_rt:detail", kode=rt.desa_id, periode=periode, nomor=rt.nomor)
    if periode > Periode.current():
        messages.error(request, f"Laporan {periode.label} belum dapat diisi: bulannya belum berjalan.")
        return ke_detail
    laporan_desa = ledger.laporan_for(rt.desa, JenisLaporan.LAPORAN_RT, periode)
    if laporan_desa.is_locked:
        messages.error(request, ledger.lock_message_for(laporan_desa, request.user))
        return ke_detail
    laporan = LaporanRT.objects.filter(rt=rt, periode=periode).first()
    laporan = laporan or LaporanRT(rt=rt, desa=rt.desa, periode=periode)
    if repeat := kiriman.ulangan(request, PESAN_ULANGAN):
        return repeat
    data = request.POST if request.method == "POST" else None
    form = kiriman.pasang_token(LaporanRTForm(data, instance=laporan, acuan=acuan_for(rt, periode)))
    tamu = TamuFormSet(data, instance=laporan, prefix="tamu", periode=periode)
    kejadian = KejadianFormSet(data, instance=laporan, prefix="kejadian", periode=periode)
    if data is not None:
        if all([form.is_valid(), tamu.is_valid(), kejadian.is_valid()]):
            kirim = data.get("aksi") == "kirim"
            was_sent = laporan.is_sent
            try:
                laporan_rt_simpan(
                    rt=rt,
                    periode=periode,
                    user=request.user,
                    form=form,
                    formsets=[tamu, kejadian],
                    kirim=kirim,
                    token=form.cleaned_data[kiriman.FIELD],
                )
            except SudahTersimpan as saved:  # the same form posted twice (a lost answer, the phone's queue)
                return kiriman.sudah_tersimpan(request, saved.tujuan, PESAN_ULANGAN)
            except ledger.TransisiDitolak as error:
                messages.error(request, str(error))
                return ke_detail
            if was_sent:
                messages.success(request, f"Perubahan laporan {rt} {periode.label} disimpan.")
                return ke_detail
            if kirim:
                messages.success(request, f"Laporan {rt} {periode.label} terkirim ke desa. Terima kasih.")
                return ke_detail
            messages.success(request, f"Draf laporan {rt} {periode.label} disimpan. Belum terkirim ke desa.")
            return redirect("laporan_rt:isi", kode=rt.desa_id, periode=periode, nomor=rt.nomor)
        messages.error(request, "Periksa isian yang ditandai merah. Belum ada yang disimpan.")
    beda = {selisih.field for selisih in form.selisih}
    peristiwa = [
        {
            "label": LABEL_PERISTIWA[jenis],
            "kolom": [
                {"field": form[name], "acuan": form.acuan.peristiwa[jenis][jk], "beda": name in beda}
                for jk, name in fields.items()
            ],
        }
        for jenis, fields in PERISTIWA_FIELDS.items()
    ]
    context = {
        "rt": rt,
        "desa": rt.desa,
        "periode": periode,
        "laporan": laporan,
        "form": form,
        "peristiwa": peristiwa,
        "beda": beda,
        "awal_fields": [form[name] for name in ("awal_kk", "awal_l", "awal_p")],
        "kegiatan_fields": [form[name] for name in KEGIATAN_FIELDS],
        "tamu_formset": tamu,
        "kejadian_formset": kejadian,
        "ada_bulan_lalu": form.acuan.bulan_lalu is not None,
        "is_ketua_rt": is_ketua_rt(request.user),
        "buka_kegiatan": bool(form.errors) or any(getattr(laporan, name) for name in KEGIATAN_FIELDS),
    }
    return render(request, "laporan_rt/isi.html", context)

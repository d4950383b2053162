"""Aid recipients of a desa: the list, one recipient with its flags, recording and changing a
recipient, and the two decisions about a flag: stop the benefit, or keep it with a reason."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from desa.forms.masukan import angka, filter_dari
from desa.ledger import TransisiDitolak
from desa.periode import Periode
from desa.privasi import catat_lihat_nik
from desa.scoping import desa_for_user, may_write, object_for_user
from kependudukan.ekonomi.forms import HentikanForm, PenerimaForm, PertahankanForm
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, ProgramBantuan
from kependudukan.ekonomi.services import bantuan_hentikan, bantuan_pertahankan, penerima_simpan
from kependudukan.ekonomi.tanda import tanda_penerima

PER_PAGE = 100


def _penerima(request, kode, pk, write=False):
    queryset = PenerimaBantuan.objects.select_related("desa__kecamatan", "program", "keluarga")
    return object_for_user(queryset, request.user, write=write, pk=pk, desa_id=kode)


@login_required
def penerima_list(request, kode):
    desa = desa_for_user(request.user, kode)
    sekarang = Periode.current()
    penerima = PenerimaBantuan.objects.filter(desa=desa).select_related("program")
    filters = filter_dari(request.GET, ("program", "status", "q"))
    if (program := angka(filters["program"])) is not None:
        penerima = penerima.filter(program_id=program)
    if filters["status"] == "aktif":
        penerima = penerima.menerima_pada(sekarang)
    elif filters["status"] == "berhenti":
        penerima = penerima.filter(selesai__lt=sekarang)
    if filters["q"]:
        penerima = penerima.filter(Q(nama__icontains=filters["q"]) | Q(nik__contains=filters["q"]))
    flags = [tanda for tanda in tanda_penerima([desa], sekarang) if not tanda.informasi]
    if filters["status"] == "tanda":
        penerima = penerima.filter(pk__in=[tanda.penerima.pk for tanda in flags if tanda.terbuka])
    page = Paginator(penerima.order_by("program__kode", "nama", "pk"), PER_PAGE).get_page(
        request.GET.get("halaman")
    )
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "kependudukan/ekonomi/penerima_list.html",
        {
            "desa": desa,
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "program_choices": ProgramBantuan.objects.untuk_desa([desa]),
            "tanda_list": flags,
            "jumlah_terbuka": sum(tanda.terbuka for tanda in flags),
            "sekarang": sekarang,
            "can_edit": may_write(request.user, desa),
        },
    )


@login_required
def penerima_create(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    form = PenerimaForm(request.POST or None, desa=desa, instance=PenerimaBantuan(desa=desa))
    return _save(request, form, desa, "dicatat")


@login_required
def penerima_update(request, kode, pk):
    penerima = _penerima(request, kode, pk, write=True)
    form = PenerimaForm(request.POST or None, desa=penerima.desa, instance=penerima)
    return _save(request, form, penerima.desa, "disimpan")


def _save(request, form, desa, verb):
    if request.method == "POST" and form.is_valid():
        item = form.instance
        item.keluarga = Keluarga.objects.filter(desa=desa, no_kk=item.no_kk).first() if item.no_kk else None
        try:
            penerima_simpan(penerima=item, user=request.user)
        except TransisiDitolak as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Penerima {item.program} {item.nama} {verb}.")
            return redirect(item)
    penerima = form.instance if form.instance.pk else None
    return render(
        request,
        "kependudukan/ekonomi/penerima_form.html",
        {"form": form, "desa": desa, "penerima": penerima},
    )


def _flags_of(penerima):
    """The recipient's flags in the current month (its only month that may still change)."""
    return tanda_penerima([penerima.desa], Periode.current(), hanya=penerima)


@login_required
def penerima_detail(request, kode, pk):
    penerima = _penerima(request, kode, pk)
    can_edit = may_write(request.user, penerima.desa)
    catat_lihat_nik(request.user, penerima, desa=penerima.desa)
    return render(
        request,
        "kependudukan/ekonomi/penerima_detail.html",
        {
            "penerima": penerima,
            "desa": penerima.desa,
            "tanda_list": _flags_of(penerima),
            "tindak_lanjut": penerima.tindak_lanjut.select_related("oleh"),
            "can_edit": can_edit,
            "hentikan_form": HentikanForm(prefix="hentikan"),
            "pertahankan_form": PertahankanForm(prefix="tetap"),
            "masih_menerima": penerima.menerima_pada(Periode.current()),
        },
    )


def _chosen_flag(request, penerima, required):
    """The flag a decision answers, from the posted (tanda, peristiwa) among the current flags."""
    jenis, peristiwa = request.POST.get("tanda", ""), request.POST.get("peristiwa", "")
    for tanda in _flags_of(penerima):
        if tanda.jenis == jenis and str(tanda.peristiwa_id or "") == peristiwa and not tanda.informasi:
            return tanda
    if required or jenis:
        raise TransisiDitolak("Tanda ini sudah tidak berlaku; muat ulang halaman.")
    return None


@require_POST
@login_required
def penerima_hentikan(request, kode, pk):
    penerima = _penerima(request, kode, pk, write=True)
    form = HentikanForm(request.POST, prefix="hentikan")
    try:
        if not form.is_valid():
            raise TransisiDitolak(" ".join(" ".join(errors) for errors in form.errors.values()))
        tanda = _chosen_flag(request, penerima, required=False)
        bantuan_hentikan(
            penerima=penerima,
            user=request.user,
            tanggal=form.cleaned_data["tanggal"],
            alasan=form.cleaned_data["alasan"],
            jenis_tanda=tanda.jenis if tanda else "",
            peristiwa=tanda.peristiwa if tanda else None,
        )
    except TransisiDitolak as error:
        messages.error(request, f"Bantuan tidak dihentikan: {error}")
    else:
        messages.success(request, f"Bantuan {penerima.program} untuk {penerima.nama} dihentikan.")
    return redirect(penerima)


@require_POST
@login_required
def penerima_pertahankan(request, kode, pk):
    penerima = _penerima(request, kode, pk, write=True)
    form = PertahankanForm(request.POST, prefix="tetap")
    try:
        if not form.is_valid():
            raise TransisiDitolak("Tulis alasan bantuan tetap diberikan (paling banyak 500 huruf).")
        tanda = _chosen_flag(request, penerima, required=True)
        bantuan_pertahankan(
            penerima=penerima,
            user=request.user,
            jenis_tanda=tanda.jenis,
            alasan=form.cleaned_data["alasan"],
            peristiwa=tanda.peristiwa,
        )
    except TransisiDitolak as error:
        messages.error(request, f"Keputusan tidak disimpan: {error}")
    else:
        messages.success(request, f"{penerima.nama} tetap menerima {penerima.program}; alasannya dicatat.")
    return redirect(penerima)

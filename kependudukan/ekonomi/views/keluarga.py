"""Households' economic status of a desa: the list with its filters, one household with its
history, and recording or changing a household."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render

from desa.forms.masukan import angka, filter_dari
from desa.ledger import TransisiDitolak
from desa.periode import Periode
from desa.privasi import catat_lihat_nik
from desa.scoping import Peran, desa_for_user, is_administrator, may_write, object_for_user
from kependudukan.ekonomi.forms import KeluargaForm
from kependudukan.ekonomi.models import Keluarga, batas_pemutakhiran
from kependudukan.ekonomi.services import keluarga_simpan

PER_PAGE = 100


@login_required
def index(request):
    user = request.user
    if user.desa_id:
        return redirect("ekonomi:keluarga_list", kode=user.desa_id)
    if user.kecamatan_id:
        return redirect(
            "ekonomi:laporan_kecamatan", kode=user.kecamatan_id, periode=Periode.current().previous()
        )
    if user.peran in (Peran.KABUPATEN, Peran.PROVINSI) or is_administrator(user):
        return redirect("ekonomi:program_list")
    raise Http404("Halaman ekonomi tidak tersedia untuk peran Anda.")


@login_required
def keluarga_list(request, kode):
    desa = desa_for_user(request.user, kode)
    keluarga = Keluarga.objects.filter(desa=desa)
    filters = filter_dari(request.GET, ("rt", "desil", "lama", "q"))
    if (nomor_rt := angka(filters["rt"], digits=3)) is not None:
        keluarga = keluarga.filter(nomor_rt=nomor_rt)
    if filters["desil"] == "kosong":
        keluarga = keluarga.filter(desil__isnull=True)
    elif (desil := angka(filters["desil"])) is not None and 1 <= desil <= 10:
        keluarga = keluarga.filter(desil=desil)
    if filters["lama"] == "1":
        keluarga = keluarga.belum_dimutakhirkan()
    if filters["q"]:
        q = filters["q"]
        keluarga = keluarga.filter(
            Q(nama_kepala__icontains=q) | Q(nik_kepala__contains=q) | Q(no_kk__contains=q)
        )
    keluarga = keluarga.order_by("nomor_rt", "nama_kepala", "pk")
    page = Paginator(keluarga, PER_PAGE).get_page(request.GET.get("halaman"))
    sekarang = Periode.current()
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "kependudukan/ekonomi/keluarga_list.html",
        {
            "desa": desa,
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "rt_choices": sorted(
                set(
                    Keluarga.objects.filter(desa=desa)
                    .exclude(nomor_rt=None)
                    .values_list("nomor_rt", flat=True)
                )
            ),
            "desil_choices": range(1, 11),
            "jumlah_lama": Keluarga.objects.filter(desa=desa).belum_dimutakhirkan().count(),
            "batas_lama": batas_pemutakhiran(sekarang),
            "can_edit": may_write(request.user, desa),
            "bulan_list": [sekarang.shift(-offset) for offset in range(6)],
        },
    )


@login_required
def keluarga_create(request, kode):
    desa = desa_for_user(request.user, kode, write=True)
    form = KeluargaForm(request.POST or None, desa=desa, instance=Keluarga(desa=desa))
    if request.method == "POST" and form.is_valid():
        try:
            keluarga = keluarga_simpan(keluarga=form.instance, user=request.user)
        except TransisiDitolak as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Keluarga {keluarga.nama_kepala} dicatat.")
            return redirect(keluarga)
    return render(request, "kependudukan/ekonomi/keluarga_form.html", {"form": form, "desa": desa})


@login_required
def keluarga_detail(request, kode, pk):
    keluarga = object_for_user(Keluarga.objects.select_related("desa"), request.user, pk=pk, desa_id=kode)
    catat_lihat_nik(request.user, keluarga, desa=keluarga.desa)
    return render(
        request,
        "kependudukan/ekonomi/keluarga_detail.html",
        {
            "keluarga": keluarga,
            "desa": keluarga.desa,
            "riwayat": keluarga.riwayat.select_related("oleh").order_by("-tanggal_pemutakhiran", "-pk"),
            "penerima_list": keluarga.penerima_set.select_related("program"),
            "can_edit": may_write(request.user, keluarga.desa),
        },
    )


@login_required
def keluarga_update(request, kode, pk):
    keluarga = object_for_user(
        Keluarga.objects.select_related("desa"), request.user, write=True, pk=pk, desa_id=kode
    )
    form = KeluargaForm(request.POST or None, desa=keluarga.desa, instance=keluarga)
    if request.method == "POST" and form.is_valid():
        try:
            keluarga_simpan(keluarga=form.instance, user=request.user)
        except TransisiDitolak as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Data keluarga {keluarga.nama_kepala} disimpan.")
            return redirect(keluarga)
    return render(
        request,
        "kependudukan/ekonomi/keluarga_form.html",
        {"form": form, "desa": keluarga.desa, "keluarga": keluarga},
    )

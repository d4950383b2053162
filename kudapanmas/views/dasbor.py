"""Compliance pages: kecamatan dashboard, verification queue, rapor desa, kabupaten and provinsi
overviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from desa import ledger, registry, scoping
from desa.kepatuhan import last_closed_periode
from desa.models import Kabupaten
from desa.periode import periode_in_range
from desa.scoping import Peran
from kudapanmas import dasbor, rapor
from kudapanmas.views.rekap import dengan_nik


def _home_kecamatan(user):
    if user.is_kecamatan_role and user.kecamatan_id:
        return user.kecamatan_id
    raise PermissionDenied("Halaman ini untuk Kasi Trantib dan Camat; pilih kecamatan dari dasbor kabupaten.")


@login_required
def dasbor_saya(request):
    """/dasbor/: the user's kecamatan (or kabupaten) for the month people are working on."""
    user = request.user
    periode = dasbor.default_periode()
    if user.is_kecamatan_role and user.kecamatan_id:
        return redirect("kudapanmas:dasbor_kecamatan", kode=user.kecamatan_id, periode=periode)
    if user.peran == Peran.KABUPATEN and user.kabupaten_id:
        return redirect("kudapanmas:dasbor_kabupaten", kode=user.kabupaten_id, periode=periode)
    if user.peran == Peran.PROVINSI and user.provinsi_id:
        return redirect("kudapanmas:dasbor_provinsi", kode=user.provinsi_id, periode=periode)
    if scoping.is_administrator(user):
        # The provinsi of the first kabupaten holding kecamatan: where the installation works.
        kabupaten = Kabupaten.objects.filter(kecamatan_set__isnull=False).order_by("kode").first()
        if kabupaten:
            return redirect("kudapanmas:dasbor_provinsi", kode=kabupaten.provinsi_id, periode=periode)
    raise PermissionDenied("Dasbor untuk kecamatan dan kabupaten. Laporan desa Anda ada di Beranda.")


@login_required
def dasbor_kecamatan(request, kode, periode):
    kecamatan = scoping.kecamatan_for_user(request.user, kode)
    data = dasbor.dasbor_kecamatan(kecamatan, periode, request.GET.get("keadaan", ""))
    return render(
        request,
        "kudapanmas/dasbor_kecamatan.html",
        {
            "data": data,
            "kecamatan": kecamatan,
            "periode": periode,
            "sebelumnya": _month_url("kudapanmas:dasbor_kecamatan", kode, periode.previous(), data.keadaan),
            "berikutnya": _month_url("kudapanmas:dasbor_kecamatan", kode, periode.next(), data.keadaan),
            "dari_kabupaten": request.user.is_kabupaten_role,
            "nik_lengkap_bawaan": dengan_nik(request),
        },
    )


@login_required
def dasbor_kabupaten(request, kode, periode):
    kabupaten = scoping.kabupaten_for_user(request.user, kode)
    rows, total = dasbor.ringkasan_kabupaten(kabupaten, periode)
    return render(
        request,
        "kudapanmas/dasbor_kabupaten.html",
        {
            "kabupaten": kabupaten,
            "rows": rows,
            "total": total,
            "dari_provinsi": request.user.peran == Peran.PROVINSI or scoping.is_administrator(request.user),
            **_ringkasan("kudapanmas:dasbor_kabupaten", kode, periode, request),
        },
    )


@login_required
def dasbor_provinsi(request, kode, periode):
    provinsi = scoping.provinsi_for_user(request.user, kode)
    data = dasbor.ringkasan_provinsi(provinsi, periode)
    return render(
        request,
        "kudapanmas/dasbor_provinsi.html",
        {
            "provinsi": provinsi,
            "data": data,
            **_ringkasan("kudapanmas:dasbor_provinsi", kode, periode, request),
        },
    )


@login_required
def antrean_saya(request):
    return redirect("kudapanmas:antrean_kecamatan", kode=_home_kecamatan(request.user))


@login_required
def antrean_kecamatan(request, kode):
    kecamatan = scoping.kecamatan_for_user(request.user, kode)
    saringan = dasbor.saringan_antrean(kecamatan, request.GET)
    items = dasbor.antrean(kecamatan, saringan)
    return render(
        request,
        "kudapanmas/antrean_kecamatan.html",
        {
            "kecamatan": kecamatan,
            "items": items,
            "saringan": saringan,
            "jumlah_semua": dasbor.waiting(kecamatan).count() if saringan.aktif else len(items),
            "may_verify": scoping.is_kasi_trantib_of(request.user, kecamatan.pk),
        },
    )


@login_required
def antrean_verifikasi(request, kode):
    """GET: the chosen reports, to confirm; POST with the confirmation ticked: verify each of them.

    The queue's checkboxes and a report panel's Verifikasi button both lead here, so no report
    is verified without its confirmation; a POST without it shows the confirmation page again.
    """
    kecamatan = scoping.kecamatan_for_user(request.user, kode)
    if not scoping.is_kasi_trantib_of(request.user, kecamatan.pk):
        raise PermissionDenied("Hanya Kasi Trantib kecamatan ini yang dapat memverifikasi laporan.")
    data = request.POST if request.method == "POST" else request.GET
    values = data.getlist("laporan")
    if len(values) > ledger.VERIFIKASI_BANYAK_MAKSIMUM:
        messages.error(
            request,
            f"Paling banyak {ledger.VERIFIKASI_BANYAK_MAKSIMUM} laporan dapat diverifikasi sekaligus; "
            "pilih lebih sedikit.",
        )
        return redirect(_kembali(kecamatan, data))
    pilihan = dasbor.pilihan_verifikasi(kecamatan, request.user, values)
    kembali = _kembali(kecamatan, data, pilihan)
    if pilihan.kosong:
        messages.error(request, "Pilih dulu laporan yang akan diverifikasi.")
        return redirect(kembali)
    if request.method == "POST" and data.get("diperiksa"):
        _verifikasi(request, kecamatan, data, pilihan)
        return redirect(kembali)
    context = {
        "kecamatan": kecamatan,
        "pilihan": pilihan,
        "kembali": kembali,
        "saringan": dasbor.saringan_antrean(kecamatan, data),
        "dari": data.get("dari") == "laporan",
        "belum_dicentang": request.method == "POST",
    }
    return render(request, "kudapanmas/antrean_verifikasi.html", context)


def _verifikasi(request, kecamatan, data, pilihan):
    ids = [sel.laporan.pk for sel in pilihan.items + pilihan.lain]
    hasil = ledger.verifikasi_banyak(
        kecamatan=kecamatan,
        pilihan=[(pk, data.get(f"versi-{pk}", "")) for pk in ids],
        user=request.user,
    )
    done = [dasbor.nama_laporan(item.laporan) for item in hasil if item.diverifikasi]
    if len(done) == 1:
        messages.success(request, f"Laporan {done[0]} terverifikasi dan terkunci.")
    elif done:
        messages.success(request, f"{len(done)} laporan terverifikasi dan terkunci: {'; '.join(done)}.")
    for item in hasil:
        if not item.diverifikasi:
            messages.error(
                request, f"Tidak diverifikasi: {dasbor.nama_laporan(item.laporan)} — {item.alasan}"
            )
    if pilihan.tidak_dikenal:
        messages.error(
            request,
            f"Tidak diverifikasi: {pilihan.tidak_dikenal} pilihan yang bukan laporan kecamatan {kecamatan}.",
        )


def _kembali(kecamatan, data, pilihan=None):
    """Back to the report page when its panel asked for one report, else to the filtered queue."""
    if pilihan is not None and data.get("dari") == "laporan" and len(pilihan.items + pilihan.lain) == 1:
        sel = (pilihan.items + pilihan.lain)[0]
        return registry.monthly_report_url(sel.jenis, sel.desa, sel.periode)
    url = reverse("kudapanmas:antrean_kecamatan", args=[kecamatan.kode])
    query = dasbor.saringan_antrean(kecamatan, data).query
    return f"{url}?{query}" if query else url


@login_required
def rapor_saya(request):
    kode = _home_kecamatan(request.user)
    return redirect(
        "kudapanmas:rapor_kecamatan", kode=kode, periode=last_closed_periode(request.user.kecamatan)
    )


@login_required
def rapor_kecamatan(request, kode, periode):
    kecamatan = scoping.kecamatan_for_user(request.user, kode)
    terakhir = last_closed_periode(kecamatan)
    if periode > terakhir:
        # A month whose deadline has not passed would count reports that are not late yet.
        return redirect("kudapanmas:rapor_kecamatan", kode=kode, periode=terakhir)
    data = rapor.rapor_desa(kecamatan, periode)
    return render(
        request,
        "kudapanmas/rapor_kecamatan.html",
        {
            "rapor": data,
            "kecamatan": kecamatan,
            "tanggal_cetak": timezone.localdate(),
            "periode": periode,
            "sebelumnya": _month_url("kudapanmas:rapor_kecamatan", kode, periode.previous()),
            "berikutnya": _month_url("kudapanmas:rapor_kecamatan", kode, periode.next())
            if periode < terakhir
            else "",
        },
    )


def _ringkasan(name, kode, periode, request):
    """What an overview page shares: its month, the months around it, the recap's NIK choice."""
    return {
        "periode": periode,
        "sebelumnya": _month_url(name, kode, periode.previous()),
        "berikutnya": _month_url(name, kode, periode.next()),
        "nik_lengkap_bawaan": dengan_nik(request),
    }


def _month_url(name, kode, periode, keadaan=""):
    if not periode_in_range(periode):
        return ""
    url = reverse(name, kwargs={"kode": kode, "periode": periode})
    return f"{url}?keadaan={keadaan}" if keadaan else url

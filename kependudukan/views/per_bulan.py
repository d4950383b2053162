"""The kecamatan's population per month: every desa as of the end of a verified month.

A verified month's numbers are those stored when it was verified (desa.cuplikan), so the page
shows what the Kasi Trantib confirmed, however the records behind it changed since. A desa whose
month is not verified shows its numbers as recorded now, marked as provisional, and stays out of
the verified total.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from desa.models import Desa, Kecamatan
from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.periode import Periode
from kependudukan.b3 import jumlah_b3, rekap_b3


@login_required
def per_bulan(request, kode):
    kecamatan = get_object_or_404(Kecamatan.objects.for_user(request.user), pk=kode)
    desa_list = list(
        Desa.objects.for_user(request.user).filter(kecamatan=kecamatan).select_related("kecamatan")
    )
    bulan_list = sorted(
        set(
            LaporanBulanan.objects.filter(
                desa__in=desa_list, jenis=JenisLaporan.KEPENDUDUKAN, status=Status.DIVERIFIKASI
            ).values_list("periode", flat=True)
        ),
        reverse=True,
    )
    periode, pesan = _chosen(request.GET.get("periode", ""), bulan_list)
    context = {"kecamatan": kecamatan, "bulan_list": bulan_list, "periode": periode, "pesan": pesan}
    if periode is not None:
        rows = list(rekap_b3(desa_list, periode).values())
        verified = [row for row in rows if row.beku_at is not None]
        context.update(
            baris_list=rows,
            terverifikasi=verified,
            sementara=[row for row in rows if row.ada_data and row.beku_at is None],
            jumlah_terverifikasi=jumlah_b3(verified),
            jumlah_semua=jumlah_b3(rows),
        )
    return render(request, "kependudukan/per_bulan.html", context)


def _chosen(text, bulan_list):
    """(month, message): the asked verified month, else the latest with a word why."""
    latest = bulan_list[0] if bulan_list else None
    if not text:
        return latest, ""
    try:
        periode = Periode.parse(text)
    except (TypeError, ValueError):
        return latest, "Bulan tidak dikenali; yang ditampilkan bulan terverifikasi terakhir."
    if periode not in bulan_list:
        return (
            latest,
            f"{periode.label} belum ada yang terverifikasi; yang ditampilkan bulan terverifikasi terakhir.",
        )
    return periode, ""

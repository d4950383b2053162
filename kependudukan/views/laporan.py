"""The desa's population overview, the monthly B.3 report (with its print layout) and the
kecamatan's B.3 table."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from desa import kepatuhan
from desa.models import Desa, Kecamatan
from desa.models.laporan import JenisLaporan, LaporanBulanan
from desa.panel import panel_laporan
from desa.periode import Periode
from desa.scoping import desa_for_user, may_write
from kependudukan.b3 import GROUPS, jumlah_b3, rekap_b3, rekap_b3_deret
from kependudukan.models import DataAwal, JenisPeristiwa, Koreksi
from kependudukan.temuan import PELAPORAN_TERLAMBAT, temuan_kependudukan

BULAN_DI_BERANDA = 12
EVENT_ROWS = [
    ("Lahir", "lahir", JenisPeristiwa.LAHIR),
    ("Datang", "datang", JenisPeristiwa.DATANG),
    ("Meninggal", "meninggal", JenisPeristiwa.MATI),
    ("Pindah", "pindah", JenisPeristiwa.PINDAH),
]


@login_required
def index(request):
    user = request.user
    if user.desa_id:
        return redirect("kependudukan:desa_beranda", kode=user.desa_id)
    if user.kecamatan_id:
        return redirect(
            "kependudukan:laporan_kecamatan", kode=user.kecamatan_id, periode=Periode.current().previous()
        )
    raise Http404("Pilih kecamatan dari beranda.")


@login_required
def desa_beranda(request, kode):
    desa = desa_for_user(request.user, kode)
    sekarang = Periode.current()
    mulai = sekarang.shift(1 - BULAN_DI_BERANDA)
    months = rekap_b3_deret([desa], mulai, sekarang)[desa.pk]
    ledger = {
        row.periode: row for row in LaporanBulanan.objects.filter(desa=desa, jenis=JenisLaporan.KEPENDUDUKAN)
    }
    data_awal = DataAwal.objects.filter(desa=desa).first()
    now = timezone.now()
    bulan = []
    for periode in (sekarang.shift(-offset) for offset in range(BULAN_DI_BERANDA)):
        sel = kepatuhan.make_sel(desa, JenisLaporan.KEPENDUDUKAN, periode, ledger.get(periode), now)
        # make_sel goes by the kecamatan's first month; a month before the desa's own data has
        # nothing to send, so it is not shown as overdue.
        sebelum = data_awal is not None and periode < data_awal.periode and sel.laporan is None
        bulan.append(
            {"periode": periode, "baris": months.get(periode), "sel": sel, "sebelum_data_awal": sebelum}
        )
    return render(
        request,
        "kependudukan/desa_beranda.html",
        {
            "desa": desa,
            "data_awal": data_awal,
            "data_awal_beku": data_awal is not None and DataAwal.is_frozen(desa),
            "koreksi_list": Koreksi.objects.filter(desa=desa).select_related("dicatat_oleh")[:50],
            "bulan": bulan,
            "can_edit": may_write(request.user, desa),
            "jenis_list": JenisPeristiwa.choices,
            "periode_ini": sekarang,
        },
    )


@login_required
def laporan_bulanan(request, kode, periode):
    desa = desa_for_user(request.user, kode)
    row = rekap_b3([desa], periode)[desa.pk]
    temuan = temuan_kependudukan([desa], periode)
    return render(
        request,
        "kependudukan/laporan_bulanan.html",
        {
            "desa": desa,
            "periode": periode,
            "baris": row,
            "tabel": b3_table(row, desa, periode),
            "temuan": temuan,
            "jumlah_terlambat": sum(item.aturan == PELAPORAN_TERLAMBAT for item in temuan),
            "koreksi_list": Koreksi.objects.filter(desa=desa, periode=periode),
            "can_edit": may_write(request.user, desa),
            "sebelumnya": periode.previous(),
            "berikutnya": periode.next() if periode < Periode.current() else None,
            "panel": panel_laporan(
                request.user,
                desa,
                JenisLaporan.KEPENDUDUKAN,
                periode,
                extra_template="kependudukan/_kirim_extra.html",
                nihil_allowed=False,
            ),
        },
    )


@login_required
def laporan_cetak(request, kode, periode):
    desa = desa_for_user(request.user, kode)
    row = rekap_b3([desa], periode)[desa.pk]
    return render(
        request,
        "kependudukan/laporan_cetak.html",
        {
            "desa": desa,
            "periode": periode,
            "baris": row,
            "tanggal_cetak": timezone.localdate(),
            "nomor_kolom": [1, "", *range(2, 34)],  # the official numbers; Kode Desa is our addition
        },
    )


@login_required
def laporan_kecamatan(request, kode, periode):
    kecamatan = get_object_or_404(Kecamatan.objects.for_user(request.user), pk=kode)
    desa_list = list(
        Desa.objects.for_user(request.user).filter(kecamatan=kecamatan).select_related("kecamatan")
    )
    rows = list(rekap_b3(desa_list, periode).values())
    links = {
        desa.pk: reverse("kependudukan:laporan_bulanan", args=[desa.pk, str(periode)]) for desa in desa_list
    }
    return render(
        request,
        "kependudukan/laporan_kecamatan.html",
        {
            "kecamatan": kecamatan,
            "periode": periode,
            "baris_list": [(row, links[row.desa_kode]) for row in rows],
            "jumlah": jumlah_b3(rows),
            "can_import": not request.user.is_read_only,
            "sebelumnya": periode.previous(),
            "berikutnya": periode.next() if periode < Periode.current() else None,
        },
    )


def b3_table(row, desa, periode):
    """The B.3 row turned on its side for a phone: one line per block, every count linked to
    the by-name list behind it."""
    if not row.ada_data:
        return []
    list_url = reverse("kependudukan:peristiwa_list", args=[desa.pk, str(periode)])

    def line(label, group, kk=None, jenis=None, strong=False, kk_perubahan=False):
        cells = []
        for (kewarganegaraan, jenis_kelamin, _), value in zip(GROUPS, group.nilai(), strict=True):
            query = {"jenis": jenis, "wn": kewarganegaraan, "jk": jenis_kelamin}
            cells.append({"nilai": value, "url": f"{list_url}?{urlencode(query)}" if jenis and value else ""})
        url = f"{list_url}?{urlencode({'jenis': jenis})}" if jenis and group.jumlah else ""
        return {
            "label": label,
            "sel": cells,
            "jumlah": group.jumlah,
            "url": url,
            # The KK column holds a count on the Awal/Akhir lines and a signed change (+3, −2) on
            # the lines between, so the page can say which is which.
            "kk": kk,
            "kk_perubahan": kk_perubahan,
            "tebal": strong,
        }

    lines = [line("Awal bulan", row.awal, row.kk_awal, strong=True)]
    for label, blok, jenis in EVENT_ROWS:
        change = {"datang": row.kk_datang, "pindah": -row.kk_pindah}.get(blok, 0)
        lines.append(line(label, getattr(row, blok), change or None, jenis, kk_perubahan=True))
    if row.ada_koreksi:
        lines.append(line("Koreksi", row.koreksi, row.kk_koreksi or None, kk_perubahan=True))
    lines.append(line("Akhir bulan", row.akhir, row.kk_akhir, strong=True))
    return lines

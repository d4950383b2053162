"""Import of a desa's residents from SIAK/BIP or OpenSID in the browser: upload (which desa, as of
when), preview, confirm (the reference list replaced whole), then the data awal it proposes.

The steps are kependudukan.views.impor_langkah's, with the upload form and the page's values of
this import; the data awal goes through kependudukan.services.data_awal, after the operator confirms.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from desa.ledger import TransisiDitolak
from desa.periode import Periode
from desa.scoping import desa_for_user
from kependudukan.forms.impor_penduduk import ImporPendudukForm, UsulanDataAwalForm
from kependudukan.impor.jenis import PENDUDUK
from kependudukan.models import DataAwal, ImporPenduduk
from kependudukan.models.impor import StatusImpor
from kependudukan.services.data_awal import data_awal_save
from kependudukan.views.impor_langkah import langkah_views, require_importer

COUNTS = [("wni_l", "WNI laki-laki"), ("wni_p", "WNI perempuan"), ("wna_l", "WNA laki-laki"),
          ("wna_p", "WNA perempuan"), ("jumlah_kk", "Jumlah KK")]  # fmt: skip


def _usulan(impor):
    """The proposed data awal beside the desa's current one, row by row, and its form."""
    hasil = impor.hasil
    if "usulan" not in hasil:
        return {}
    data_awal = DataAwal.objects.filter(desa_id=hasil["desa_kode"]).first()
    rows = [
        {"label": label, "usulan": hasil["usulan"][key], "sekarang": getattr(data_awal, key, None)}
        for key, label in COUNTS
    ]
    bulan = min(Periode.parse(hasil["tanggal"][:7]), Periode.current())
    return {
        "usulan_rows": rows,
        "data_awal": data_awal,
        "data_awal_beku": data_awal is not None and DataAwal.is_frozen(data_awal.desa),
        "usulan_form": UsulanDataAwalForm(initial={"bulan_pertama": str(bulan)}),
    }


impor_unggah, impor_pratinjau, impor_simpan, impor_ulang = langkah_views(
    PENDUDUK, form_class=ImporPendudukForm, tambahan=_usulan
)


@require_POST
@login_required
def impor_data_awal(request, pk):
    """Take the saved export's counts as the desa's data awal, through the data awal service."""
    impor = get_object_or_404(
        ImporPenduduk.objects.for_user(request.user), pk=pk, status=StatusImpor.DISIMPAN
    )
    require_importer(request.user)
    desa = desa_for_user(request.user, impor.hasil["desa_kode"], write=True)
    form = UsulanDataAwalForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["bulan_pertama"]))
        return redirect(PENDUDUK.url_pratinjau, pk=impor.pk)
    counts = {key: impor.hasil["usulan"][key] for key, _ in COUNTS}
    try:
        data_awal_save(desa=desa, user=request.user, periode=form.cleaned_data["bulan_pertama"], **counts)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except TransisiDitolak as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Data awal {desa} disimpan dari berkas {impor.nama_berkas}.")
        return redirect("kependudukan:desa_beranda", kode=desa.pk)
    return redirect(PENDUDUK.url_pratinjau, pk=impor.pk)

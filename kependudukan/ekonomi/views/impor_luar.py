"""Aid lists as they already come, in the browser: OpenSID's program bantuan workbook and the
SIKS-NG desil ranking, each through the shared steps (kependudukan.views.impor_langkah): upload
(which desa, as of when), check, preview, confirm.
"""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.views.decorators.http import require_POST

from kependudukan.ekonomi.forms_impor import ImporBantuanForm, ImporDesilForm
from kependudukan.impor.jenis import BANTUAN, DESIL
from kependudukan.impor.luar.pilihan import Pilihan
from kependudukan.views.impor_langkah import (
    langkah_pratinjau,
    langkah_simpan,
    langkah_ulang,
    langkah_unggah,
    require_importer,
)
from kependudukan.views.impor_penduduk import _desa_list


def _nama_simpan(form):
    tanggal = form.cleaned_data.get("tanggal_data") or timezone.localdate()
    return Pilihan(form.cleaned_data["desa"].pk, tanggal).nama_berkas()


def _steps(jenis, form_class):
    """The four views of one outside import: upload, preview, save, retry."""

    @login_required
    def unggah(request):
        require_importer(request.user)
        form = form_class(request.POST or None, request.FILES or None, desa_list=_desa_list(request.user))
        return langkah_unggah(request, jenis, form=form, nama_simpan=_nama_simpan)

    @login_required
    def pratinjau(request, pk):
        return langkah_pratinjau(request, jenis, pk)

    @require_POST
    @login_required
    def simpan(request, pk):
        return langkah_simpan(request, jenis, pk)

    @require_POST
    @login_required
    def ulang(request, pk):
        return langkah_ulang(request, jenis, pk)

    return unggah, pratinjau, simpan, ulang


bantuan_unggah, bantuan_pratinjau, bantuan_simpan, bantuan_ulang = _steps(BANTUAN, ImporBantuanForm)
desil_unggah, desil_pratinjau, desil_simpan, desil_ulang = _steps(DESIL, ImporDesilForm)

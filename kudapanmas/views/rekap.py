"""Downloads of the recap workbook: one kecamatan's, a whole kabupaten's or a provinsi's, for a
month or a year.

A kecamatan's month is written at once (under a second); the others are background tasks
(kudapanmas.tugas) whose page shows the progress and then the file.

Who may download what is the dashboard's rule (kudapanmas.dasbor): a kecamatan for its Kasi
Trantib and Camat and for the Kabupaten and Provinsi roles, never for operators; the
kabupaten-wide workbook for the Kabupaten and Provinsi roles, the provinsi's for the Provinsi.
"""

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from desa import scoping
from desa.periode import PERIODE_PERTAMA, Periode
from desa.scoping import READ_ONLY_ROLES
from kudapanmas.rekap.scope import RekapError, scope_kecamatan
from kudapanmas.rekap.workbook import catat_unduhan, write_rekap
from kudapanmas.tugas.rekap import ajukan_rekap

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def rekap_kecamatan(request, kode, periode):
    kecamatan = scoping.kecamatan_for_user(request.user, kode)
    return _download(scope_kecamatan, kecamatan, request, periode=periode)


@login_required
@require_GET
def rekap_kecamatan_tahun(request, kode, tahun):
    kecamatan = scoping.kecamatan_for_user(request.user, kode)
    return _in_background(request, kecamatan, tahun=_tahun_or_404(tahun))


def _di_latar(wilayah_for_user):
    """The month's and the year's views of a workbook of several kecamatan, written in the
    background; `wilayah_for_user(user, kode)` is the scoping rule of that level."""

    @login_required
    @require_GET
    def bulan(request, kode, periode):
        return _in_background(request, wilayah_for_user(request.user, kode), periode=periode)

    @login_required
    @require_GET
    def tahun(request, kode, tahun):
        return _in_background(request, wilayah_for_user(request.user, kode), tahun=_tahun_or_404(tahun))

    return bulan, tahun


rekap_kabupaten, rekap_kabupaten_tahun = _di_latar(scoping.kabupaten_for_user)
rekap_provinsi, rekap_provinsi_tahun = _di_latar(scoping.provinsi_for_user)


def _tahun_or_404(tahun):
    if tahun < PERIODE_PERTAMA.tahun or tahun > Periode.current().tahun:
        raise Http404("Tahun di luar jangkauan.")
    return tahun


def dengan_nik(request):
    """Whether the workbook carries full NIKs: `?nik=lengkap` or `?nik=samar`; without a choice,
    masked for the read-only roles (who forward the recap) and full for the Kasi Trantib."""
    choice = request.GET.get("nik", "")
    if choice in ("lengkap", "samar"):
        return choice == "lengkap"
    return request.user.peran not in READ_ONLY_ROLES


def _in_background(request, wilayah, **when):
    """A year's or the kabupaten's workbook takes minutes: a worker writes it while the task's
    page shows the progress. Asking again joins the running task or reuses the finished file.
    The link stays a GET: it is safe to repeat, since the same request maps to the same task."""
    tugas = ajukan_rekap(request.user, wilayah, dengan_nik=dengan_nik(request), **when)
    return redirect("kudapanmas:tugas_detail", pk=tugas.pk)


def _download(make_scope, wilayah, request, **when):
    """Write the workbook to a temporary file and stream it; the file vanishes once closed."""
    user = request.user
    try:
        scope = make_scope(wilayah, dibuat_oleh=user.nama_dan_peran, dengan_nik=dengan_nik(request), **when)
    except RekapError as error:
        raise Http404(str(error)) from None
    berkas = tempfile.TemporaryFile()
    try:
        write_rekap(scope, berkas)
    except BaseException:
        berkas.close()
        raise
    berkas.seek(0)
    catat_unduhan(scope, user)
    return FileResponse(berkas, as_attachment=True, filename=scope.filename, content_type=XLSX)

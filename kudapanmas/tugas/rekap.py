"""The recap workbook as a background task: asked for from the recap page, written by a worker."""

import os

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from desa import latar
from desa.models import Desa, Kabupaten, Kecamatan
from desa.periode import Periode
from kudapanmas.rekap.scope import RekapError, scope_kabupaten, scope_kecamatan
from kudapanmas.rekap.workbook import write_rekap

KIND = "rekap"


def ajukan_rekap(user, wilayah, *, periode=None, tahun=None, dengan_nik=True):
    """The Tugas that writes this recap for `user` (joined when it runs, reused while unchanged)."""
    is_kabupaten = isinstance(wilayah, Kabupaten)
    tingkat = "kabupaten" if is_kabupaten else "kecamatan"
    waktu = str(periode) if periode else str(tahun)
    nik = "lengkap" if dengan_nik else "samar"
    params = {
        "tingkat": tingkat,
        "kode": wilayah.pk,
        "periode": str(periode) if periode else None,
        "tahun": tahun,
        "dengan_nik": dengan_nik,
        "dibuat_oleh": user.nama_dan_peran,
    }
    return latar.ajukan(
        kind=KIND,
        params=params,
        dedup_key=f"{KIND}:{tingkat}:{wilayah.pk}:{waktu}:{nik}:{user.pk}",
        versi_data=versi_data(wilayah),
        judul=f"Rekap {tingkat.capitalize()} {wilayah.nama} {periode.label if periode else tahun}",
        user=user,
    )


def versi_data(wilayah):
    """The data versions of the wilayah's desa, and the day: the recap's states (late, not yet
    due) move with the calendar, so a file is reused on the day it was written at most."""
    if isinstance(wilayah, Kabupaten):
        desa = Desa.objects.filter(kecamatan__kabupaten=wilayah)
    else:
        desa = Desa.objects.filter(kecamatan=wilayah)
    total = desa.aggregate(total=Sum("versi_data"))["total"] or 0
    return f"{timezone.localdate().isoformat()}:{total}"


@latar.handler(KIND)
def tulis(tugas, kemajuan):
    params = tugas.params
    periode = Periode.parse(params["periode"]) if params["periode"] else None
    if params["tingkat"] == "kabupaten":
        make_scope, wilayah = scope_kabupaten, Kabupaten.objects.get(pk=params["kode"])
    else:
        make_scope, wilayah = scope_kecamatan, Kecamatan.objects.get(pk=params["kode"])
    try:
        scope = make_scope(
            wilayah,
            dibuat_oleh=params["dibuat_oleh"],
            dengan_nik=params["dengan_nik"],
            periode=periode,
            tahun=params["tahun"],
        )
    except RekapError as error:
        raise latar.TugasGagal(str(error)) from None
    folder = settings.TUGAS_ROOT
    folder.mkdir(parents=True, exist_ok=True)
    nama = f"{tugas.pk}.xlsx"
    # Each attempt writes its own file and renames it into place once complete, so a killed
    # attempt leaves no half-written workbook under the final name.
    sementara = folder / f"{tugas.pk}.{kemajuan.token}.tmp"
    try:
        write_rekap(scope, sementara, kemajuan=kemajuan.langkah)
        os.replace(sementara, folder / nama)
    finally:
        sementara.unlink(missing_ok=True)
    return (
        nama,
        scope.filename,
        {"lembar_pribadi": scope.lembar_pribadi, "wilayah": scope.wilayah, "label": scope.label},
    )

"""The recap workbook as a background task: asked for from the recap page, written by a worker."""

import os

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from desa import latar
from desa.models import Desa, Kabupaten, Kecamatan, Provinsi
from desa.periode import Periode
from kudapanmas.rekap.scope import RekapError, scope_kabupaten, scope_kecamatan, scope_provinsi
from kudapanmas.rekap.workbook import write_rekap

KIND = "rekap"
# Each level of wilayah a recap is written for: its model, its workbook's scope, its desa.
TINGKAT = {
    "provinsi": (Provinsi, scope_provinsi, "kecamatan__kabupaten__provinsi"),
    "kabupaten": (Kabupaten, scope_kabupaten, "kecamatan__kabupaten"),
    "kecamatan": (Kecamatan, scope_kecamatan, "kecamatan"),
}


def tingkat_of(wilayah):
    return next(nama for nama, (model, _, _) in TINGKAT.items() if isinstance(wilayah, model))


def ajukan_rekap(user, wilayah, *, periode=None, tahun=None, dengan_nik=True):
    """The Tugas that writes this recap for `user` (joined when it runs, reused while unchanged)."""
    tingkat = tingkat_of(wilayah)
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
        judul=f"Rekap {wilayah} {periode.label if periode else tahun}",
        user=user,
    )


def versi_data(wilayah):
    """The data versions of the wilayah's desa, and the day: the recap's states (late, not yet
    due) move with the calendar, so a file is reused on the day it was written at most."""
    desa = Desa.objects.filter(**{TINGKAT[tingkat_of(wilayah)][2]: wilayah})
    total = desa.aggregate(total=Sum("versi_data"))["total"] or 0
    return f"{timezone.localdate().isoformat()}:{total}"


@latar.handler(KIND)
def tulis(tugas, kemajuan):
    params = tugas.params
    periode = Periode.parse(params["periode"]) if params["periode"] else None
    model, make_scope, _ = TINGKAT[params["tingkat"]]
    wilayah = model.objects.get(pk=params["kode"])
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

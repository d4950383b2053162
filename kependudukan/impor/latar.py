"""A large import checked and saved by a worker (desa.latar), with the browser's steps kept.

Upload: the file is stored and counted; above IMPOR_LATAR_BARIS rows its check becomes a task
and the preview page shows the progress until the findings are there. Confirm: the save of a
file checked in the background is a task too. Each handler acts only while its upload is still
in that step, so an attempt retried after its worker was killed never checks or saves twice:
the check writes its findings with a conditional UPDATE, and the save writes the rows and the
upload's new status in one transaction, after reading that status again under the lock.
"""

from django.db import transaction

from desa import latar
from kependudukan.impor.jenis import JENIS
from kependudukan.impor.periksa import desa_boleh_for
from kependudukan.impor.unggahan import periksa_upload, save_upload
from kependudukan.models.impor import StatusImpor

PERIKSA = "impor_periksa"
SIMPAN = "impor_simpan"
_JUDUL = {PERIKSA: "Pemeriksaan", SIMPAN: "Penyimpanan"}
_SELESAI = ("", "", {})  # an import task leaves no file: its result is the upload's own row


def ajukan_periksa(impor, jenis, user):
    """Store the new upload as being checked, with the task that checks it (one transaction)."""
    with transaction.atomic():
        impor.status = StatusImpor.DIPERIKSA
        impor.save()
        _ajukan(impor, jenis, user, PERIKSA)


def ajukan_simpan(impor, jenis, user):
    """Move a checked upload to being saved and queue its save; False when it was not ready
    any more (a second click on Simpan, or an upload already saved)."""
    with transaction.atomic():
        moved = jenis.model.objects.filter(pk=impor.pk, status=StatusImpor.SIAP).update(
            status=StatusImpor.MENYIMPAN
        )
        if moved:
            impor.status = StatusImpor.MENYIMPAN
            _ajukan(impor, jenis, user, SIMPAN)
    return bool(moved)


def _ajukan(impor, jenis, user, kind):
    impor.tugas = latar.ajukan(
        kind=kind,
        params={"jenis": jenis.nama, "impor": impor.pk},
        dedup_key=f"{kind}:{jenis.nama}:{impor.pk}",
        versi_data="",
        judul=f"{_JUDUL[kind]} impor {impor.nama_berkas}"[:200],
        user=user,
    )
    jenis.model.objects.filter(pk=impor.pk).update(tugas=impor.tugas)


@latar.handler(PERIKSA)
def periksa(tugas, kemajuan):
    jenis = JENIS[tugas.params["jenis"]]
    impor = jenis.model.objects.filter(pk=tugas.params["impor"], status=StatusImpor.DIPERIKSA).first()
    if impor is None:  # checked by an earlier attempt, or removed
        return _SELESAI
    # Read-only outside any transaction (SQLite's would hold the database for the whole check), so
    # a retry may run it again without harm; the findings are written only while the upload is
    # still being checked, and the file is deleted only once that write commits.
    desa_boleh = desa_boleh_for(tugas.diminta_oleh)
    keep = periksa_upload(impor, jenis.periksa_berkas, desa_boleh=desa_boleh, kemajuan=kemajuan.langkah)
    with transaction.atomic():
        written = jenis.model.objects.filter(pk=impor.pk, status=StatusImpor.DIPERIKSA).update(
            status=impor.status, hasil=impor.hasil, berkas=impor.berkas.name if keep else ""
        )
        if written and not keep:
            impor.discard_file()
    return _SELESAI


@latar.handler(SIMPAN)
def simpan(tugas, kemajuan):
    jenis = JENIS[tugas.params["jenis"]]
    with transaction.atomic():
        # Read again inside the writing transaction (FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
        # transaction holds the database): an earlier attempt that committed is seen here.
        impor = (
            jenis.model.objects.select_for_update()
            .filter(pk=tugas.params["impor"], status=StatusImpor.MENYIMPAN)
            .first()
        )
        if impor is None:
            return _SELESAI
        save_upload(impor, jenis, user=tugas.diminta_oleh, kemajuan=kemajuan.langkah)
        impor.save()
    return _SELESAI

"""The life of an uploaded workbook between the browser's requests.

An uploaded file waits in a private folder under MEDIA_ROOT (never in memory between
requests), bound to the person who uploaded it; confirming checks it again and saves it
all or nothing, then deletes the file. A large one is checked and saved by a worker
(kependudukan.impor.latar) with the same functions.
"""

import logging

from django.conf import settings
from django.utils import timezone

from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.batas import periksa_isi
from kependudukan.impor.periksa import desa_boleh_for
from kependudukan.models.impor import StatusImpor

logger = logging.getLogger(__name__)
PESAN_BERKAS_HILANG = "Berkas unggahan sudah tidak tersimpan lagi; unggah ulang berkasnya."


def perlu_latar(impor):
    """Whether the upload has more rows than IMPOR_LATAR_BARIS, so a worker checks and saves it.

    Counting streams the file once through the same bounded reader the check starts with; a file
    that cannot even be counted is not sent to a worker, since the check refuses it at once.
    """
    try:
        with impor.berkas.open("rb") as source:
            return periksa_isi(source) > settings.IMPOR_LATAR_BARIS
    except Exception:  # noqa: BLE001 - not a zip, too big, broken XML: the check says which
        return False


def check_upload(impor, periksa_berkas, *, desa_boleh, kemajuan=None):
    """Sets the upload's status and findings; a file that will never be saved is deleted."""
    if not periksa_upload(impor, periksa_berkas, desa_boleh=desa_boleh, kemajuan=kemajuan):
        impor.discard_file()


def periksa_upload(impor, periksa_berkas, *, desa_boleh, kemajuan=None):
    """Sets the upload's status and findings, writing nothing; False when its file is of no more use."""
    hasil = _baca(impor, periksa_berkas, desa_boleh=desa_boleh, kemajuan=kemajuan)
    if hasil is None:
        return False
    impor.hasil = hasil.ringkasan()
    if hasil.ok and hasil.ada_perubahan:
        impor.status = StatusImpor.SIAP
        return True
    impor.status = StatusImpor.TIDAK_ADA_BARU if hasil.ok else StatusImpor.DITOLAK
    return False


def save_upload(impor, jenis, *, user, kemajuan=None):
    """Check the upload again and save it all or nothing; sets its status and findings.

    Returns the HasilImpor, or None when the file could not be read. An IntegrityError (a
    concurrent write of the same rows) propagates with nothing saved.
    """
    hasil = _baca(
        impor,
        jenis.simpan_berkas,
        user=user,
        desa_boleh=desa_boleh_for(user),
        nama_berkas=impor.nama_berkas,
        kemajuan=kemajuan,
    )
    if hasil is None:
        return None
    impor.hasil = hasil.ringkasan()
    if hasil.ok:
        impor.status, impor.disimpan_at = StatusImpor.DISIMPAN, timezone.now()
        impor.discard_file()
    else:
        impor.status = StatusImpor.DITOLAK
    return hasil


def _baca(impor, fungsi, **kwargs):
    """`fungsi(source, **kwargs)` on the stored file; None, with the upload refused and the reason
    in its findings, when the file cannot be read or is gone."""
    try:
        with impor.berkas.open("rb") as source:
            return fungsi(source, **kwargs)
    except BerkasDitolak as error:
        impor.status, impor.hasil = StatusImpor.DITOLAK, {"berkas": str(error)}
    except OSError:
        logger.warning("upload %s: the stored file is gone", impor.pk)
        impor.status, impor.hasil = StatusImpor.DITOLAK, {"berkas": PESAN_BERKAS_HILANG}
    return None


def discard_stale(model, user):
    """Uploads never confirmed are removed after a day, with their files."""
    for old in model.objects.for_user(user).stale().exclude(status=StatusImpor.DISIMPAN):
        old.discard_file()
        old.delete()

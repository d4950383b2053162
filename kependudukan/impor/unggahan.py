"""The life of an uploaded workbook between the browser's requests.

An uploaded file waits in a private folder under MEDIA_ROOT (never in memory between
requests), bound to the person who uploaded it; confirming checks it again and saves it
all or nothing, then deletes the file.
"""

from kependudukan.impor.baca import BerkasDitolak
from kependudukan.models.impor import StatusImpor

PESAN_BERKAS_HILANG = "Berkas unggahan sudah tidak tersimpan lagi; unggah ulang berkasnya."


def check_upload(impor, periksa_berkas, *, desa_boleh):
    """Sets the upload's status and findings; a file that will never be saved is deleted now."""
    try:
        with impor.berkas.open("rb") as source:
            hasil = periksa_berkas(source, desa_boleh=desa_boleh)
    except BerkasDitolak as error:
        impor.hasil = {"berkas": str(error)}
        impor.discard_file()
        return
    impor.hasil = hasil.ringkasan()
    if hasil.ok and hasil.ada_perubahan:
        impor.status = StatusImpor.SIAP
        return
    if hasil.ok:
        impor.status = StatusImpor.TIDAK_ADA_BARU
    impor.discard_file()


def discard_stale(model, user):
    """Uploads never confirmed are removed after a day, with their files."""
    for old in model.objects.for_user(user).stale().exclude(status=StatusImpor.DISIMPAN):
        old.discard_file()
        old.delete()

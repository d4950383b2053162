"""The desa's reference list of residents: replacing it whole, and looking one resident up by NIK."""

from django.db import transaction

from desa import gerbang
from desa.privasi import catat_lihat_nik
from desa.scoping import require_write
from kependudukan.models import DaftarRujukan, PendudukRujukan

_BATCH = 500


def rujukan_ganti(*, desa, user, sumber, nama_berkas, tanggal_data, penduduk):
    """Replace the desa's list with `penduduk` (unsaved PendudukRujukan) in one transaction.

    The desa row is locked first, and the right to write it checked after the lock: the list
    changes whole or not at all, and two replacements of the same desa never interleave.
    """
    with transaction.atomic():
        gerbang.kunci_desa([desa])
        require_write(user, desa)
        PendudukRujukan.objects.filter(desa=desa).delete()
        daftar, _ = DaftarRujukan.objects.update_or_create(
            desa=desa,
            defaults={
                "sumber": sumber,
                "nama_berkas": nama_berkas[:255],
                "tanggal_data": tanggal_data,
                "jumlah": len(penduduk),
                "diunggah_oleh": user,
            },
        )
        for orang in penduduk:
            orang.daftar, orang.desa = daftar, desa
        PendudukRujukan.objects.bulk_create(penduduk, batch_size=_BATCH)
    return daftar


def cari(desa, nik, user):
    """The resident of `desa` with this NIK in its reference list, or None; the look is recorded.

    Only to pre-fill an event form (MATI, PINDAH) or to warn that a LAHIR or DATANG NIK already
    lives in the desa: read-only roles, who record no events, find nobody.
    """
    if user.is_read_only or not nik:
        return None
    found = PendudukRujukan.objects.for_user(user).filter(desa=desa, nik=str(nik).strip()).first()
    if found is not None:
        catat_lihat_nik(user, found, desa=desa, keterangan="Daftar penduduk rujukan: cari NIK")
    return found

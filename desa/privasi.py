"""Recording who sees personal data: a full NIK shown on a detail page to a role above the desa.

The desa's own operator works with its residents' data every day and is not recorded; the
Kasi Trantib, the Camat, the Kabupaten and the Provinsi see a desa's people only to check, and each look is
kept (who, when, which record) so that the desa can be told who saw its residents' NIKs.
"""

from desa.models.privasi import AksesNIK
from desa.scoping import Peran

DICATAT = {Peran.KASI_TRANTIB, Peran.CAMAT, Peran.KABUPATEN, Peran.PROVINSI}


def catat_lihat_nik(user, obj, *, desa, keterangan=""):
    """Record that `user` was shown the full NIK of `obj` (a model instance of `desa`)."""
    if user.peran not in DICATAT:
        return None
    return AksesNIK.objects.create(
        pengguna=user,
        nama_pengguna=user.nama_dan_peran[:150],
        desa=desa,
        jenis_data=obj._meta.verbose_name[:50],
        objek_id=str(obj.pk),
        keterangan=keterangan[:200],
    )

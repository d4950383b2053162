"""Aid and economic data are personal data: every export of names is recorded (who, when, what).

The recap workbook's download and its `rekap_excel` command record it (kudapanmas.rekap.workbook,
`catat_unduhan`); any other list of names offered for download calls `ekspor_catat` too.
"""

from kependudukan.ekonomi.models import EksporData


def ekspor_catat(*, user, isi, jumlah_baris=None, rincian=(), dengan_nik=True):
    """Record one export of names by `user` (None for a management command); `rincian` lists
    each sheet with personal data: {"lembar", "baris", "kolom_pribadi"}."""
    nama = "(perintah server)" if user is None else user.nama_dan_peran
    return EksporData.objects.create(
        pengguna=user,
        nama_pengguna=nama[:150],
        isi=isi[:300],
        jumlah_baris=jumlah_baris,
        rincian=list(rincian),
        dengan_nik=dengan_nik,
    )

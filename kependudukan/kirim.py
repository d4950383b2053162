"""The send check of the monthly Kependudukan report (registered in apps.py).

A month without events is a real report: it is sent as *nihil*, never the same as missing.
"""

from desa.ledger import TransisiDitolak
from kependudukan.b3 import rekap_b3

KETERANGAN_NIHIL = "Nihil: tidak ada kelahiran, kematian, kedatangan maupun kepindahan bulan ini."


def check_send(desa, periode, kiriman):
    """(nihil, keterangan) from the month's records; raises TransisiDitolak when it cannot be sent."""
    row = rekap_b3([desa], periode)[desa.pk]
    if not row.ada_data:
        raise TransisiDitolak(f"Laporan belum dapat dikirim: {row.keterangan_kosong} Isi data awal dulu.")
    keterangan = kiriman.keterangan
    if row.jumlah_peristiwa == 0:
        return True, keterangan or KETERANGAN_NIHIL
    if kiriman.nihil:
        raise TransisiDitolak(
            f"Bulan ini ada {row.jumlah_peristiwa} peristiwa; laporan tidak dapat dikirim sebagai nihil."
        )
    return False, keterangan

"""The lock of the Ekonomi report: a household's check or a recipient's months reach every later
month, so a write dated in month M needs M and every later month of that desa still open
(desa.gerbang checks it for one write, Ekonomi being a chained kind; this module for a whole import)."""

from desa.ledger import locked_periods
from desa.models.laporan import JenisLaporan


def bulan_terkunci(desa_ids):
    """{desa kode: the last locked month}, for checking many rows at once (imports)."""
    last = {}
    for desa_id, periode in locked_periods(desa_ids, JenisLaporan.EKONOMI):
        last[desa_id] = max(periode, last.get(desa_id, periode))
    return last

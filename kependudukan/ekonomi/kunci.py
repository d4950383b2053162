"""The lock of the Ekonomi report: a household's check or a recipient's months reach every later
month, so a write dated in month M needs M and every later month of that desa still open."""

from desa.ledger import PeriodeTerkunci, ensure_unlocked, laporan_for, lock_message, locked_periods
from desa.models.laporan import JenisLaporan
from desa.periode import Periode


def pastikan_terbuka(desa, sejak):
    """Raise PeriodeTerkunci when the Ekonomi report of `sejak` or of a later month is sent or verified."""
    ensure_unlocked(desa, JenisLaporan.EKONOMI, sejak)
    later = sorted(
        day for desa_id, day in locked_periods([desa.pk], JenisLaporan.EKONOMI) if day > sejak.awal
    )
    if later:
        laporan = laporan_for(desa, JenisLaporan.EKONOMI, Periode.of(later[-1]))
        raise PeriodeTerkunci(
            f"{lock_message(laporan)} Data yang berlaku sejak {sejak.label} akan mengubah laporan itu; "
            f"pakai tanggal sesudah {laporan.periode_obj.label}."
        )


def bulan_terkunci(desa_ids):
    """{desa kode: the last locked month's first day}, for checking many rows at once (imports)."""
    last = {}
    for desa_id, day in locked_periods(desa_ids, JenisLaporan.EKONOMI):
        last[desa_id] = max(day, last.get(desa_id, day))
    return last

"""How every Linmas view reaches its desa and the month's lock."""

from django.http import Http404

from desa import ledger
from desa.models.laporan import JenisLaporan
from desa.periode import Periode


def lock_notice(desa, periode, user):
    """The reason a month's records are read-only, in the words of its reader, or "" when
    they may change."""
    laporan = ledger.laporan_for(desa, JenisLaporan.LINMAS, periode)
    return ledger.lock_message_for(laporan, user) if laporan.is_locked else ""


def require_started(periode):
    """A month that has not begun has no report: 404 rather than an empty page."""
    if periode > Periode.current():
        raise Http404("Periode ini belum berjalan.")

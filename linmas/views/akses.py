"""How every Linmas view reaches its desa and the month's lock."""

from django.http import Http404

from desa import ledger
from desa.models import Desa
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from desa.scoping import object_for_user


def desa_for(request, kode, *, write=False):
    """The desa through the user's scope: 404 outside it, 403 for a write by a read-only role."""
    return object_for_user(Desa.objects.select_related("kecamatan"), request.user, write=write, pk=kode)


def lock_notice(desa, periode, user):
    """The reason a month's records are read-only, in the words of its reader, or "" when
    they may change."""
    laporan = ledger.laporan_for(desa, JenisLaporan.LINMAS, periode)
    return ledger.lock_message_for(laporan, user) if laporan.is_locked else ""


def require_started(periode):
    """A month that has not begun has no report: 404 rather than an empty page."""
    if periode > Periode.current():
        raise Http404("Periode ini belum berjalan.")

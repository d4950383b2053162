"""Which report kinds have a monthly page, registered by the floor-2 apps.

`desa` never imports a floor-2 app: each app registers its monthly report page
in its AppConfig.ready(), and the ledger and dashboard ask this registry.
"""

from django.urls import reverse

from desa.models.laporan import JenisLaporan

_monthly_pages = {}


def register_monthly_report(jenis, url_name):
    """`url_name` takes the arguments (kode desa, periode)."""
    _monthly_pages[JenisLaporan(jenis)] = url_name


def available_kinds():
    """The kinds with a monthly report, in the fixed order of JenisLaporan."""
    return [jenis for jenis in JenisLaporan if jenis in _monthly_pages]


def required_kinds(kecamatan):
    """The kinds a kecamatan requires: its choice, or every available kind."""
    available = available_kinds()
    chosen = kecamatan.jenis_laporan_wajib
    if not chosen:
        return available
    return [jenis for jenis in available if jenis in chosen]


def monthly_report_url(jenis, desa, periode):
    url_name = _monthly_pages.get(JenisLaporan(jenis))
    if url_name is None:
        return ""
    kode = desa if isinstance(desa, str) else desa.kode
    return reverse(url_name, args=[kode, str(periode)])

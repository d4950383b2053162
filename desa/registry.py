"""Which report kinds have a monthly page, registered by the floor-2 apps.

`desa` never imports a floor-2 app: each app registers its monthly report page
in its AppConfig.ready(), and the ledger and dashboard ask this registry.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from desa.models.laporan import JenisLaporan

_monthly_pages = {}
_send_checks = {}
_send_fields = {}
_berantai = set()
_angka = {}


@dataclass(frozen=True)
class Kiriman:
    """A send form, cleaned by desa.forms.kirim: what the checks and the ledger receive, never raw POST.

    `data` holds the cleaned values of the fields the kind declared with `register_send_fields`.
    """

    nihil: bool = False
    keterangan: str = ""
    data: dict = field(default_factory=dict)


def register_monthly_report(jenis, url_name, check_send=None, berantai=False):
    """Register a kind's monthly page; `url_name` takes the arguments (kode desa, periode).

    `berantai`: a month's numbers carry into the next (the B.3 awal is last month's akhir),
    so returning or reopening a month returns the later sent months too (desa.ledger).

    `check_send(desa, periode, kiriman)` takes the cleaned send form (a `Kiriman`) and returns
    (nihil, keterangan), or raises desa.ledger.TransisiDitolak with the reason the month
    cannot be sent yet (e.g. an unmet programme without an explanation). The ledger calls it
    inside the sending transaction, after the locks, so what it counts cannot change meanwhile.
    """
    _monthly_pages[JenisLaporan(jenis)] = url_name
    _send_checks[JenisLaporan(jenis)] = check_send or default_check_send
    if berantai:
        _berantai.add(JenisLaporan(jenis))


def register_send_fields(jenis, fields):
    """Declare the fields a kind's send form posts besides versi, nihil and keterangan.

    `fields` is a dict of name → form field, or a function (desa, periode) returning one when
    the fields depend on the desa (one explanation per RT). The one send form validates them
    and hands their cleaned values to the check as `Kiriman.data`.
    """
    _send_fields[JenisLaporan(jenis)] = fields


def send_fields(jenis, desa, periode):
    fields = _send_fields.get(JenisLaporan(jenis), {})
    return dict(fields(desa, periode) if callable(fields) else fields)


def default_check_send(desa, periode, kiriman):
    return kiriman.nihil, kiriman.keterangan


def check_send(jenis, desa, periode, kiriman):
    return _send_checks[JenisLaporan(jenis)](desa, periode, kiriman)


def is_berantai(jenis):
    return JenisLaporan(jenis) in _berantai


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


def register_angka(jenis, fungsi):
    """Register what a kind's month report shows as numbers: `fungsi(desa, periode)` returns a
    JSON-able dict (the B.3 row, the ekonomi summary, the Linmas summary, the RT coverage).

    The receipts digest it (desa.tanda_terima) and a verification stores it as the month's
    snapshot (desa.cuplikan), so the numbers read later are the ones verified.
    """
    _angka[JenisLaporan(jenis)] = fungsi


def angka(jenis, desa, periode):
    """The month's figures of this kind as its report shows them now ({} for a kind without)."""
    fungsi = _angka.get(JenisLaporan(jenis))
    return fungsi(desa, periode) if fungsi else {}

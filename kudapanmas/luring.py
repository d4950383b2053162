"""Entries made with no signal: which forms work offline, and what the phone keeps for them.

The service worker (templates/kudapanmas/sw.js) caches the forms of FORMULIR_LURING and the
static files they need. A form posted with no signal is kept on the phone (IndexedDB, under the
form's one-time token, desa.kiriman) and posted again when the signal returns; the server stores
it once per token, so a send whose answer was lost is safe to repeat.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache

from django.contrib.staticfiles import finders
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse

from desa.periode import Periode
from desa.scoping import Peran, is_ketua_rt, may_write
from kependudukan.models import JenisPeristiwa


@dataclass(frozen=True)
class FormulirLuring:
    nama: str
    pola: str  # the path, as a JavaScript regular expression with a `kode` group
    bulan: str  # the field whose date gives the entry's report month
    judul: str
    judul_jenis: dict | None = None  # the title by the path's `jenis` group, when it has one
    # A form of one record per address (an RT's month): a newer entry replaces the one waiting.
    satu_per_alamat: bool = False
    # Its submit buttons that only look something up and save nothing: pressed with no signal,
    # nothing is kept (a queued search would be sent later and save nothing).
    tombol_cari: tuple[str, ...] = ()


FORMULIR_LURING = [
    FormulirLuring(
        "peristiwa",
        r"^/kependudukan/(?<kode>[0-9.]+)/peristiwa/tambah/(?<jenis>[A-Z]+)/$",
        "tanggal_lapor",
        "Peristiwa",
        {jenis.value: jenis.label for jenis in JenisPeristiwa},
        tombol_cari=("cari_nik",),  # kependudukan.views.peristiwa
    ),
    FormulirLuring("kegiatan", r"^/linmas/(?<kode>[0-9.]+)/kegiatan/tambah/$", "tanggal", "Kegiatan Linmas"),
    FormulirLuring("kejadian", r"^/linmas/(?<kode>[0-9.]+)/kejadian/tambah/$", "tanggal", "Kejadian Linmas"),
    FormulirLuring(
        "laporan_rt",
        r"^/laporan-rt/(?<kode>[0-9.]+)/(?<periode>[0-9]{4}-[0-9]{2})/rt/(?<nomor>[0-9]+)/isi/$",
        "",
        "Laporan RT",
        satu_per_alamat=True,
    ),
]

# Kept before any form is opened: what every page needs, and the scripts of the offline forms.
STATIS = [
    "bootstrap/css/bootstrap.min.css",
    "bootstrap/js/bootstrap.bundle.min.js",
    "django_htmx/htmx-2.min.js",
    "css/kudapanmas.css",
    "css/tanpa-js.css",
    "img/favicon.svg",
    "js/kudapanmas.js",
    "js/luring-db.js",
    "js/luring.js",
    "js/foto.js",
    "js/linmas.js",
    "js/rujukan-nik.js",
]


def halaman_luring(user):
    """The offline forms of this user, as (title, URL): kept on the phone once signed in."""
    if is_ketua_rt(user) and user.rt_id:
        rt, bulan = user.rt, Periode.current()
        return [
            (
                f"Laporan {rt} {periode.label}",
                reverse("laporan_rt:isi", args=[rt.desa_id, str(periode), rt.nomor]),
            )
            for periode in (bulan, bulan.previous())
        ]
    desa = user.desa if user.is_authenticated and user.peran == Peran.OPERATOR_DESA else None
    if desa is None or not may_write(user, desa):
        return []
    kode = desa.pk
    pages = [
        (f"Catat {jenis.label.lower()}", reverse("kependudukan:peristiwa_create", args=[kode, jenis.value]))
        for jenis in JenisPeristiwa
    ]
    return pages + [
        ("Catat kegiatan Linmas", reverse("linmas:kegiatan_create", args=[kode])),
        ("Catat kejadian", reverse("linmas:kejadian_create", args=[kode])),
    ]


def formulir_js():
    return json.dumps([vars(formulir) for formulir in FORMULIR_LURING])


def statis_urls():
    return [static(path) for path in STATIS]


@cache
def versi():
    """Changes whenever the worker's shell changes, so a new release replaces the old cache."""
    digest = hashlib.sha256(formulir_js().encode())
    digest.update(get_template("kudapanmas/sw.js").template.source.encode())
    for path in STATIS:
        found = finders.find(path)
        if found:
            with open(found, "rb") as source:
                digest.update(source.read())
    for url in statis_urls():
        digest.update(url.encode())
    return digest.hexdigest()[:12]

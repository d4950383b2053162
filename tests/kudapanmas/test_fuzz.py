"""No hostile input may produce a server error, on SQLite or PostgreSQL.

Nothing here is listed by hand: the pages, forms and filters are those a demo role reaches by
following links (tests.kudapanmas.jelajah), and the URL parameters are those of the URL patterns
the crawled pages and forms resolve to. Each form is filled as a person would, then one field at a
time is replaced by a hostile value; each filter and each query parameter of a crawled link gets the
same values; each URL parameter gets a NUL byte appended, and each month one out of range.
"""

import datetime
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client
from django.urls import resolve

from desa.models import Pengguna
from desa.periode import Periode
from tests.kudapanmas.jelajah import jelajahi

pytestmark = pytest.mark.django_db

MUSUH = {
    "nul": lambda dasar: f"{dasar}\x00",
    "kendali": lambda dasar: f"{dasar}\x01\x1b\x7f",
    "bulan_1900": lambda dasar: "1900-01",
    "tanggal_0001": lambda dasar: "0001-01-01",
    "tanggal_1900": lambda dasar: "1900-01-01",
    "angka_100rb": lambda dasar: "9" * 100_000,
    "teks_100rb": lambda dasar: "a" * 100_000,
    "int_besar": lambda dasar: str(2**63 + 1),
}
# One field at a time, the values that can reach a field of its kind's parsing; every value is
# also sent in all fields of a form at once.
MUSUH_PER_JENIS = {
    "tanggal": ["nul", "bulan_1900", "tanggal_0001", "tanggal_1900"],
    "angka": ["nul", "angka_100rb", "int_besar"],
    "teks": ["nul", "kendali", "teks_100rb"],
}
JENIS_INPUT = {
    **dict.fromkeys(["date", "datetime-local", "month", "time"], "tanggal"),
    **dict.fromkeys(["number", "select", "checkbox", "radio", "hidden"], "angka"),
}
# URL parameters are matched by converters: a NUL byte, a huge number, months out of range.
MUSUH_URL = [lambda nilai: f"{nilai}%00", lambda nilai: str(2**63 + 1)]
MUSUH_PERIODE = ["1900-01", "0001-01", "9999-12"]

# Each demo role in turn, in one database (the operator's sending gives the Kasi Trantib months to
# verify), whether it writes (a read-only role's forms are refused, see test_masukan_buruk).
ROLES = [
    ("operator.balang", True),
    ("trantib.paringin", True),
    ("ketua.rt1.balang", True),
    ("admin", True),
    ("camat.paringin", False),
    ("kabupaten", False),
]
# So that a crawl that stops finding pages fails instead of passing with nothing sent.
MINIMUM_PERMINTAAN = 1500


def isian(element):
    """A plausible value for one input, as a person would fill it in."""
    kind = (element.get("type") or "text").lower()
    value = element.value if element.tag == "select" else element.get("value")
    if element.tag == "select":
        if element.multiple:
            return list(value) or [option for option in element.value_options if option][:1]
        return value or next((option for option in element.value_options if option), "")
    if element.tag == "textarea":
        return element.text or "Uji coba"
    if value:
        return value
    today = datetime.date.today()
    return {
        "date": today.isoformat(),
        "datetime-local": f"{today.isoformat()}T08:00",
        "time": "08:00",
        "number": "1",
        "month": str(Periode.current().previous()),
        "email": "uji@contoh.id",
        "tel": "081234567890",
        "password": "Sandi-uji-12345",
        "hidden": "",
    }.get(kind, "Uji coba")


def jenis_input(element):
    kind = "select" if element.tag == "select" else (element.get("type") or "text").lower()
    return JENIS_INPUT.get(kind, "teks")


def isi_form(form):
    """The form's values as a person would send them: what it holds, blanks filled in."""
    data = {}
    for element in form.inputs:
        name = element.get("name")
        kind = (element.get("type") or "text").lower()
        if not name or name == "csrfmiddlewaretoken" or kind in ("file", "button", "reset"):
            continue
        if kind in ("checkbox", "radio"):
            if element.checked or (kind == "radio" and name not in data):
                data.setdefault(name, []).append(element.get("value") or "on")
            continue
        value = isian(element)
        data.setdefault(name, []).extend(value if isinstance(value, list) else [value])
    return data


def mutasi_form(data, kinds):
    """Each field in turn with the hostile values of its kind, then every value in all fields.

    Of a formset, only the first row's fields are changed one at a time: the others are alike."""
    shapes = set()
    for name in data:
        if re.sub(r"\d+", "N", name) in shapes:
            continue
        shapes.add(re.sub(r"\d+", "N", name))
        for variant in MUSUH_PER_JENIS[kinds.get(name, "teks")]:
            base = (data[name] or [""])[0]
            yield {**data, name: [MUSUH[variant](base)]}, (name, variant)
    for variant, mutasi in MUSUH.items():
        yield {name: [mutasi((values or [""])[0])] for name, values in data.items()}, ("*", variant)


def kinds_of(form):
    return {element.get("name"): jenis_input(element) for element in form.inputs if element.get("name")}


def urutan_aman(item):
    """Forms that delete or switch off go last, so they do not remove what the others need."""
    action = item[0]
    return any(word in action for word in ("hapus", "aktif", "sandi")), action


def permintaan_form(jelajah, seen):
    """Each form of the role, unless an earlier role's crawl found a form at the same address."""
    forms = [(key, found) for key, found in jelajah.forms.items() if key[0] not in seen]
    seen.update(key[0] for key, _found in forms)
    for _key, (action, form) in sorted(forms, key=lambda item: urutan_aman(item[1])):
        for data, what in mutasi_form(isi_form(form), kinds_of(form)):
            yield "post", action, data, what


def permintaan_filter(jelajah, seen):
    """Every GET form and every query parameter of a crawled link, one parameter at a time."""
    sources = [(action, isi_form(form)) for action, form in jelajah.filters.values()]
    for page in jelajah.pages:
        parts = urlsplit(page)
        if parts.query:
            data = {}
            for key, value in parse_qsl(parts.query, keep_blank_values=True):
                data.setdefault(key, []).append(value)
            sources.append((parts.path, data))
    for path, data in sources:
        key = (resolve(path).route, tuple(sorted(data)))
        if key in seen:
            continue
        seen.add(key)
        for name in data:
            for variant, mutasi in MUSUH.items():
                yield "get", path, {**data, name: [mutasi((data[name] or [""])[0])]}, (name, variant)


def permintaan_url(jelajah, seen):
    """One path of each URL pattern reached, with each of its parameters made hostile."""
    samples = {}
    for page in jelajah.pages:
        path = urlsplit(page).path
        samples.setdefault(resolve(path).route, ("get", path, {}))
    for action, form in jelajah.forms.values():
        samples.setdefault(resolve(action).route, ("post", action, isi_form(form)))
    for route, (method, path, data) in samples.items():
        if route in seen:
            continue
        seen.add(route)
        segments = path.split("/")
        for name, value in resolve(path).kwargs.items():
            index = segments.index(str(value))
            hostile = [mutasi(segments[index]) for mutasi in MUSUH_URL]
            if isinstance(value, Periode):
                hostile += MUSUH_PERIODE
            for segment in hostile:
                changed = "/".join([*segments[:index], segment, *segments[index + 1 :]])
                yield method, changed, data, (name, segment[:20])


def test_no_hostile_input_answers_with_a_server_error(demo_lengkap):
    client = Client(raise_request_exception=False)
    # What an earlier role was sent is not sent again: the forms and patterns are the same.
    seen_filters, seen_routes, seen_forms = set(), set(), set()
    sent, errors = 0, []
    for username, writes in ROLES:
        client.force_login(Pengguna.objects.get(username=username))
        jelajah = jelajahi(client)
        requests = [*permintaan_filter(jelajah, seen_filters), *permintaan_url(jelajah, seen_routes)]
        if writes:
            requests += permintaan_form(jelajah, seen_forms)
        for method, path, data, what in requests:
            if getattr(client, method)(path, data).status_code >= 500:
                errors.append((username, method, path[:80], *what))
        sent += len(requests)
    assert sent >= MINIMUM_PERMINTAAN
    assert errors == []

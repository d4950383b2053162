"""Security headers, and pages that need nothing the Content-Security-Policy refuses."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from desa.models import Pengguna

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def directives(response):
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


def test_the_policy_allows_only_the_apps_own_files(client):
    policy = directives(client.get(reverse("login")))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval
    assert policy["style-src"] == ["'self'"]  # no <style>, no style= attribute
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_the_permissions_policy_allows_location_and_camera_to_the_app_alone(client_for, operator_a):
    header = client_for(operator_a).get(reverse("kudapanmas:beranda"))["Permissions-Policy"]
    features = dict(item.strip().split("=") for item in header.split(","))
    assert features["geolocation"] == "(self)" and features["camera"] == "(self)"
    for denied in ("microphone", "payment", "usb", "serial", "hid", "display-capture"):
        assert features[denied] == "()"


def test_a_logged_in_page_is_never_stored_by_the_browser(client_for, operator_a):
    client = client_for(operator_a)
    assert client.get(reverse("kudapanmas:beranda"))["Cache-Control"] == "no-store"
    partial = client.get(reverse("kudapanmas:beranda"), headers={"HX-Request": "true"})
    assert partial["Cache-Control"] == "no-store"


def test_a_page_for_anyone_keeps_its_own_caching(client):
    assert not client.get(reverse("password_reset")).has_header("Cache-Control")
    assert "no-store" in client.get(reverse("login"))["Cache-Control"]  # Django's never_cache


def test_no_template_has_inline_script_style_or_event_handlers():
    found = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        for pattern in (
            r"<script(?![^>]*\ssrc=)[^>]*>",
            r"<style",
            r"<[^>]*\sstyle\s*=",
            r"<[^>]*\son[a-z]+\s*=",
        ):
            found += [f"{path.relative_to(TEMPLATES)}: {match}" for match in re.findall(pattern, text)]
    assert found == []


class _PageAudit(HTMLParser):
    """Collects what a page would need 'unsafe-inline' for, and its same-site links."""

    def __init__(self):
        super().__init__()
        self.problems, self.links, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "action", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:>")
        if tag == "style":
            self.problems.append("<style>")
        if tag == "script" and "src" not in attributes and attributes.get("type") not in DATA_SCRIPT_TYPES:
            self.problems.append("inline <script>")
        if tag == "a" and (attributes.get("href") or "").startswith("/"):
            self.links.append(attributes["href"].split("#")[0])


def crawl(client, start, limit):
    """One page of each kind reachable by links from `start`, up to `limit`: {url: problems}.

    Pages of one kind differ only in their numbers (activity 217, 218, …): one of them is read.
    """
    seen, queue, report = set(), [start], {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        kind = re.sub(r"\d+", "N", url.split("?")[0])
        if kind in seen or url.startswith(("/admin/", "/static/")) or "keluar" in url:
            continue
        seen.add(kind)
        response = client.get(url, follow=True)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        assert "Content-Security-Policy" in response
        audit = _PageAudit()
        audit.feed(response.content.decode())
        report[url] = audit.problems
        queue += audit.links
    return report


@pytest.mark.parametrize("username", ["operator.balang", "trantib.paringin"])
def test_no_page_a_role_reaches_needs_inline_script_or_style(demo_lengkap, username):
    client = Client()
    client.force_login(Pengguna.objects.get(username=username))
    report = crawl(client, reverse("kudapanmas:beranda"), limit=120)
    assert len(report) > 25
    assert {url: problems for url, problems in report.items() if problems} == {}


def test_the_server_error_page_takes_its_style_from_a_static_file():
    page = render_to_string("500.html")
    assert "css/galat.css" in page and "<style" not in page

"""The login lockout sees the client behind the reverse proxy, and only what the proxy vouches for."""

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from kudapanmas.env import env_networks
from tests.factories.pengguna import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
CLIENT_1, CLIENT_2 = "198.51.100.1", "198.51.100.2"
OUTSIDER = "203.0.113.9"


def attempt(client, password, peer=PROXY, forwarded=None, username="operator.a"):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(reverse("login"), {"username": username, "password": password}, **headers)


def fail_until_locked(client, settings, **where):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "salah", **where)


def test_two_clients_behind_the_proxy_are_locked_separately(client, operator_a, settings):
    fail_until_locked(client, settings, forwarded=CLIENT_1)
    assert "Akun dikunci sementara" in attempt(client, PASSWORD, forwarded=CLIENT_1).content.decode()
    response = attempt(client, PASSWORD, forwarded=CLIENT_2)
    assert response.status_code == 302 and response.url == reverse("kudapanmas:beranda")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_1}


def test_a_forwarded_header_from_a_peer_that_is_not_a_proxy_is_ignored(client, operator_a, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "salah", peer=OUTSIDER, forwarded=f"198.51.100.{number + 10}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OUTSIDER}
    response = attempt(client, PASSWORD, peer=OUTSIDER, forwarded=CLIENT_2)
    assert "Akun dikunci sementara" in response.content.decode()


def test_addresses_the_client_wrote_left_of_the_proxys_own_are_ignored(client, operator_a, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "salah", forwarded=f"10.0.0.{number}, {CLIENT_1}")
    response = attempt(client, PASSWORD, forwarded=f"{CLIENT_2}, {CLIENT_1}")
    assert "Akun dikunci sementara" in response.content.decode()
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_1}


def test_a_chain_of_trusted_proxies_is_skipped_from_the_right(client, operator_a, settings):
    settings.KUDAPANMAS_TRUSTED_PROXIES = env_networks("TIDAK_ADA", ["127.0.0.1", "10.0.0.0/8"])
    attempt(client, "salah", forwarded=f"192.0.2.1, {CLIENT_1}, 10.1.2.3")
    assert AccessAttempt.objects.get().ip_address == CLIENT_1


def test_garbage_in_the_header_stops_at_the_proxy_that_passed_it(client, operator_a):
    attempt(client, "salah", forwarded="bukan-alamat")
    assert AccessAttempt.objects.get().ip_address == PROXY


def test_without_a_forwarded_header_configured_the_peer_is_the_client(client, operator_a, settings):
    settings.KUDAPANMAS_FORWARDED_HEADER = ""
    attempt(client, "salah", forwarded=CLIENT_1)
    assert AccessAttempt.objects.get().ip_address == PROXY


def test_a_256_character_username_is_a_form_error_that_never_reaches_the_lockout(client, operator_a):
    response = attempt(client, "salah", forwarded=CLIENT_1, username="a" * 256)
    assert response.status_code == 200
    assert "Nama pengguna paling panjang 150 karakter." in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_a_trusted_proxy_that_is_not_an_address_stops_start_up(monkeypatch):
    monkeypatch.setenv("KUDAPANMAS_TRUSTED_PROXIES", "127.0.0.1, nginx")
    with pytest.raises(ImproperlyConfigured, match="'nginx' is not an IP address"):
        env_networks("KUDAPANMAS_TRUSTED_PROXIES")

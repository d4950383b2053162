import re

import pytest
from django.urls import reverse

from tests.factories.pengguna import PASSWORD
from tests.factories.surel import wait_for_background_mail

pytestmark = pytest.mark.django_db


def _attempt(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_a_correct_login_reaches_the_home_page(client, operator_a):
    response = _attempt(client, "operator.a", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("kudapanmas:beranda")


def test_a_wrong_password_is_refused_in_indonesian(client, operator_a):
    response = _attempt(client, "operator.a", "salah")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_repeated_failures_lock_the_account_out(client, operator_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "operator.a", "salah")
    response = _attempt(client, "operator.a", PASSWORD)
    assert response.status_code == 429
    assert "Akun dikunci sementara" in response.content.decode()


def test_the_lockout_is_per_account(client, operator_a, operator_b, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "operator.a", "salah")
    response = _attempt(client, "operator.b", PASSWORD)
    assert response.status_code == 302


def test_password_reset_sends_an_indonesian_email(client, operator_a, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": operator_a.email})
    assert response.status_code == 302
    wait_for_background_mail()  # it leaves after the response
    assert len(mailoutbox) == 1
    assert "Buka tautan berikut untuk membuat kata sandi baru" in mailoutbox[0].body


def test_logout_needs_a_post(client_for, operator_a):
    client = client_for(operator_a)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302


def test_the_login_form_speaks_bahasa_indonesia(client):
    content = client.get(reverse("login")).content.decode()
    labels = [" ".join(text.split()) for text in re.findall(r"<label[^>]*>([^<]*)", content)]
    assert labels[:2] == ["Nama pengguna", "Kata sandi"]
    assert "Username" not in content and "Password" not in content

"""The password reset answers alike for an address with an account and for an unknown one."""

import statistics
import time

import pytest
from django.urls import reverse

from kudapanmas import sandi
from tests.factories.surel import LAMBAT, wait_for_background_mail

pytestmark = pytest.mark.django_db

UNKNOWN = "tidak.ada@contoh.id"


@pytest.fixture
def slow_mail(settings):
    settings.EMAIL_BACKEND = "tests.factories.surel.SlowBackend"


def ask_reset(client, email):
    started = time.perf_counter()
    response = client.post(reverse("password_reset"), {"email": email})
    return response, time.perf_counter() - started


def test_the_response_does_not_wait_for_the_mail_server(client, operator_a, slow_mail, mailoutbox):
    response, seconds = ask_reset(client, operator_a.email)
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert seconds < LAMBAT / 2
    assert mailoutbox == []  # still on its way when the answer is already back
    wait_for_background_mail()
    assert [message.to for message in mailoutbox] == [[operator_a.email]]
    assert "Buka tautan berikut untuk membuat kata sandi baru" in mailoutbox[0].body


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, operator_a, mailoutbox):
    known, _ = ask_reset(client, operator_a.email)
    unknown, _ = ask_reset(client, UNKNOWN)
    assert (unknown.status_code, unknown.url) == (known.status_code, known.url)
    wait_for_background_mail()
    assert [message.to for message in mailoutbox] == [[operator_a.email]]


def test_both_answers_take_about_the_same_time_with_a_slow_mail_server(client, operator_a, slow_mail):
    timings = {operator_a.email: [], UNKNOWN: []}
    for _ in range(3):
        for email, seconds in timings.items():
            seconds.append(ask_reset(client, email)[1])
    wait_for_background_mail()
    known, unknown = (statistics.median(timings[email]) for email in (operator_a.email, UNKNOWN))
    assert known < LAMBAT / 2 and unknown < LAMBAT / 2
    assert abs(known - unknown) < LAMBAT / 4


def test_a_sending_thread_starts_after_every_reset_request_whoever_asks(client, operator_a, monkeypatch):
    started = []

    class Thread:
        def __init__(self, target, args, name, daemon):
            started.append(len(args[0]))

        def start(self):
            pass

    monkeypatch.setattr(sandi.threading, "Thread", Thread)
    ask_reset(client, operator_a.email)
    ask_reset(client, UNKNOWN)
    client.get(reverse("login"))  # other requests queue nothing and start nothing
    assert started == [1, 0]


def test_a_failing_mail_server_does_not_fail_the_answer(client, operator_a, settings, caplog):
    settings.EMAIL_BACKEND = "tests.factories.surel.BrokenBackend"
    response, _ = ask_reset(client, operator_a.email)
    assert response.status_code == 302
    wait_for_background_mail()
    assert "Failed to send password reset email" in caplog.text

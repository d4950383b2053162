"""E-mail that leaves after the response: a slow backend, and a wait for the sending thread."""

import threading
import time

from django.core.mail.backends import locmem

from kudapanmas.sandi import NAMA_UTAS

LAMBAT = 0.6  # seconds the slow backend takes per delivery


class SlowBackend(locmem.EmailBackend):
    """The locmem outbox, behind a mail server that takes its time."""

    def send_messages(self, messages):
        time.sleep(LAMBAT)
        return super().send_messages(messages)


def wait_for_background_mail(timeout=5):
    for thread in threading.enumerate():
        if thread.name == NAMA_UTAS:
            thread.join(timeout)


class BrokenBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")

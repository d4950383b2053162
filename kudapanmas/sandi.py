"""Password reset that answers in the same time whether or not the address has an account.

Django's form renders and sends the e-mail inside the request, so an address with an account
answered in 62 ms and an unknown one in 8 ms: enough to learn who has an account. Here the form
only queues each message; once the response has gone out (request_finished, in the thread
that served it), one thread renders and sends the queue. That thread starts for every reset
request alike, with a message queued or none.
"""

import functools
import logging
import threading

from django.contrib.auth.forms import PasswordResetForm
from django.core.signals import request_finished
from django.db import connections
from django.dispatch import receiver

logger = logging.getLogger(__name__)
NAMA_UTAS = "kirim-reset-sandi"
_antrean = threading.local()


class ResetSandiForm(PasswordResetForm):
    def save(self, **kwargs):
        _antrean.surel = []
        super().save(**kwargs)

    def send_mail(self, *args, **kwargs):
        _antrean.surel.append(functools.partial(super().send_mail, *args, **kwargs))


@receiver(request_finished, dispatch_uid="kudapanmas.sandi.kirim_antrean")
def kirim_antrean(**kwargs):
    surel = getattr(_antrean, "surel", None)
    if surel is None:
        return
    del _antrean.surel
    threading.Thread(target=_kirim, args=(surel,), name=NAMA_UTAS, daemon=True).start()


def _kirim(surel):
    try:
        for kirim in surel:
            kirim()  # Django's send_mail logs a failed delivery itself
    except Exception:
        logger.exception("A password reset e-mail could not be rendered")
    finally:
        connections.close_all()

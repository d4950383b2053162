"""Helpers for background tasks in tests: run the worker as a deployment does, in batch mode,
or as a separate process (slowed down, so that a test can watch it or kill it)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PEKERJA_LAMBAT = (
    "import django; django.setup(); import tests.kudapanmas.tugas_lambat; "
    "from django.core.management import call_command; "
    "call_command('jalankan_pekerja', startup_delay=False, reload=False, interval=0.2, verbosity=0)"
)


def _database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def pekerja_lambat(sewa_detik=30):
    """A worker process on the test database whose recaps and import saves take a second a step."""
    env = {
        **os.environ,
        "KUDAPANMAS_TUGAS_SEWA_DETIK": str(sewa_detik),
        "DJANGO_SETTINGS_MODULE": "kudapanmas.settings_test",
        "DATABASE_URL": _database_url(),
        "KUDAPANMAS_TUGAS_ROOT": str(settings.TUGAS_ROOT),
        "KUDAPANMAS_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen([sys.executable, "-c", PEKERJA_LAMBAT], cwd=ROOT, env=env)


def kerjakan_antrean():
    """Run every task that is due, with the real worker command (then it stops)."""
    call_command("jalankan_pekerja", batch=True, startup_delay=False, reload=False, verbosity=0)


def unduh_lewat_tugas(client, url):
    """Ask for a recap that is written in the background, let the worker write it, download it."""
    asked = client.get(url)
    assert asked.status_code == 302, asked.status_code
    kerjakan_antrean()
    page = client.get(asked.url)
    assert page.status_code == 200
    return client.get(asked.url + "unduh/")


def tunggu(condition, seconds=60):
    """Wait until `condition()` holds, as a person watching the page would."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("waited too long")

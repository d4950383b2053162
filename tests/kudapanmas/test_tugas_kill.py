"""A worker killed with SIGKILL in the middle of a recap: the task is retried and its file is whole."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from kudapanmas.models import StatusTugas, Tugas
from kudapanmas.tugas import runner
from tests.kudapanmas.tugas import kerjakan_antrean

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
PEKERJA = (
    "import django; django.setup(); import tests.kudapanmas.tugas_lambat; "
    "from django.core.management import call_command; "
    "call_command('jalankan_pekerja', startup_delay=False, reload=False, interval=0.2, verbosity=0)"
)


def _database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("waited too long")


def test_a_killed_worker_s_recap_is_retried_and_complete(client_for, kabupaten):
    client_for(kabupaten).get(reverse("kudapanmas:rekap_kabupaten_tahun", args=["63.11", 2025]))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kudapanmas.settings_test",
        "DATABASE_URL": _database_url(),
        "PYTHONPATH": str(ROOT),
    }
    worker = subprocess.Popen([sys.executable, "-c", PEKERJA], cwd=ROOT, env=env)
    try:
        _wait_for(lambda: Tugas.objects.filter(status=StatusTugas.BERJALAN, langkah_selesai__gte=2).exists())
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
    tugas = Tugas.objects.get()
    assert tugas.status == StatusTugas.BERJALAN and not (settings.TUGAS_ROOT / f"{tugas.pk}.xlsx").exists()

    # The lease runs out; the next worker's upkeep queues the task again, and it runs to the end.
    later = timezone.now() + runner.lease() * 2
    assert runner.pulihkan(now=later) == 1
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    kerjakan_antrean()
    tugas.refresh_from_db()
    assert (tugas.status, tugas.attempts) == (StatusTugas.SELESAI, 2)
    workbook = load_workbook(runner.berkas_path(tugas), read_only=True)
    assert len(workbook.sheetnames) == 11 and workbook.sheetnames[0] == "Ringkasan"
    assert not list(settings.TUGAS_ROOT.glob("*.tmp"))

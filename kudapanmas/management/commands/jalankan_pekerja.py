"""The background worker: django-tasks-db's `db_worker`, plus the upkeep that makes it safe to kill.

Run one or more of these beside the web server (`make run` starts one). Each worker, at start and
then every few seconds, hands the tasks of a killed worker to a new attempt, removes finished
files past their retention (desa.latar) and sends the reminders due today
(kudapanmas.pengingat_jadwal, unless PENGINGAT_OTOMATIS is off); then it runs tasks as `db_worker` does
(same options: `--batch`, `--max-tasks`, `--interval`, `--worker-id`).
"""

import logging
import threading

from django.conf import settings
from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from desa import latar
from kudapanmas import pengingat_jadwal

logger = logging.getLogger(__name__)
SELANG_PERAWATAN_DETIK = 5


def rawat():
    """One round of upkeep; it may run in any number of workers at once."""
    moved = latar.pulihkan()
    if moved:
        logger.warning("%s task(s) of a stopped worker queued again", moved)
    latar.bersihkan()
    if settings.PENGINGAT_OTOMATIS:
        pengingat_jadwal.kirim_yang_jatuh_tempo()


def _rawat_terus(stop):
    while not stop.wait(SELANG_PERAWATAN_DETIK):
        try:
            rawat()
        except Exception:  # the worker goes on; the next round tries again
            logger.exception("Upkeep of the background tasks failed")
        finally:
            connection.close()


class Command(DbWorker):
    help = "Menjalankan tugas latar (rekap Excel besar) dan merawat antreannya."

    def handle(self, *args, **options):
        rawat()
        stop = threading.Event()
        upkeep = threading.Thread(target=_rawat_terus, args=(stop,), daemon=True, name="perawatan-tugas")
        upkeep.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()

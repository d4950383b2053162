"""A worker killed with SIGKILL in the middle of a recap: the task is retried and its file is whole."""

import os
import signal

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from desa import latar
from desa.models import StatusTugas, Tugas
from tests.kudapanmas.tugas import pekerja_lambat, tunggu

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_killed_worker_s_recap_is_retried_and_complete(client_for, kabupaten):
    client_for(kabupaten).get(reverse("kudapanmas:rekap_kabupaten_tahun", args=["63.11", 2025]))
    workers = [pekerja_lambat(sewa_detik=3)]
    try:
        tunggu(lambda: Tugas.objects.filter(status=StatusTugas.BERJALAN, langkah_selesai__gte=2).exists())
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].wait(10)
        tugas = Tugas.objects.get()
        assert tugas.status == StatusTugas.BERJALAN and not latar.berkas_path(tugas).exists()

        # The next worker finds the lease run out, queues the task again and writes it to the end.
        workers.append(pekerja_lambat(sewa_detik=3))
        tunggu(lambda: Tugas.objects.filter(status=StatusTugas.SELESAI).exists(), seconds=120)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(30)
    tugas.refresh_from_db()
    assert tugas.attempts == 2
    workbook = load_workbook(latar.berkas_path(tugas), read_only=True)
    assert len(workbook.sheetnames) == 11 and workbook.sheetnames[0] == "Ringkasan"
    assert not list(settings.TUGAS_ROOT.glob(f"{tugas.pk}.*.tmp"))

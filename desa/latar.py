"""Background work that survives a killed worker and never finishes twice.

The queue is Django's tasks interface (the django-tasks backport on Django 5.2, with the
django-tasks-db backend: the same database, so no other server). That backend leaves a task
RUNNING for ever when its worker is killed and has no retries (django-tasks-db #5, django-tasks
#114), so its row is only a doorbell that says "Tugas X may be runnable". The Tugas row is the
truth:

- submit: the Tugas and its doorbell are created in one transaction (same database);
- claim: a conditional UPDATE from `antre` to `berjalan` with a fresh lease token, so of two
  doorbells for one Tugas only one runs it;
- heartbeat: a thread renews the lease and writes the progress every second on its own
  connection (the recap reads inside one read-only snapshot);
- finish and failure only take effect while the token still matches (a fence), so an attempt
  that lost its lease cannot finish the work a second time;
- recovery: a Tugas whose lease ran out (its worker was killed) goes back to `antre` with a new
  doorbell, until its attempts are spent; every worker runs it at start and every few seconds.
"""

import datetime
import logging
import threading
import uuid

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from desa.models.tugas import StatusTugas, Tugas

logger = logging.getLogger(__name__)

HANDLERS = {}
PESAN_GAGAL = "Terjadi kesalahan saat mengerjakan tugas ini. Coba lagi; bila tetap gagal, hubungi admin."


def lease():
    return datetime.timedelta(seconds=settings.TUGAS_SEWA_DETIK)


def berkas_path(tugas):
    """Where the Tugas's file lives: a private folder, served only through the task's view."""
    return settings.TUGAS_ROOT / (tugas.berkas or f"{tugas.pk}.tidak-ada")


def handler(kind):
    """Register `function(tugas, kemajuan) -> (berkas, nama_berkas, hasil)` for Tugas of `kind`."""

    def register(function):
        HANDLERS[kind] = function
        return function

    return register


class SewaHilang(Exception):
    """This attempt lost its lease (it was too slow to renew it); another one may run."""


class TugasGagal(Exception):
    """A failure whose message is for people (in Bahasa Indonesia) and that retrying cannot fix."""


class Kemajuan:
    """What the running attempt has done: set by the handler, written by the heartbeat."""

    def __init__(self, tugas, token):
        self.tugas_id, self.token = tugas.pk, token
        self.selesai, self.total, self.sekarang = 0, 0, ""
        self.hilang = threading.Event()

    def langkah(self, selesai, total, sekarang=""):
        if self.hilang.is_set():
            raise SewaHilang()
        self.selesai, self.total, self.sekarang = selesai, total, sekarang[:100]


def ajukan(*, kind, params, dedup_key, versi_data, judul, user):
    """The Tugas for this work: the running one with the same key, the finished one whose data has
    not changed since, or a new one queued now."""
    running = Tugas.objects.aktif().filter(dedup_key=dedup_key).first()
    if running:
        return running
    done = (
        Tugas.objects.filter(dedup_key=dedup_key, status=StatusTugas.SELESAI, versi_data=versi_data)
        .order_by("-finished_at")
        .first()
    )
    if done and berkas_path(done).exists():
        return done
    try:
        with transaction.atomic():
            tugas = Tugas.objects.create(
                kind=kind,
                params=params,
                dedup_key=dedup_key,
                versi_data=versi_data,
                judul=judul,
                diminta_oleh=user,
            )
            _bunyikan(tugas.pk)
    except IntegrityError:  # the same request won the race: join it
        return Tugas.objects.aktif().get(dedup_key=dedup_key)
    return tugas


def ulangi(tugas):
    """Queue a failed Tugas again, with fresh attempts; False when it was not failed any more."""
    with transaction.atomic():
        moved = Tugas.objects.filter(pk=tugas.pk, status=StatusTugas.GAGAL).update(
            status=StatusTugas.ANTRE, attempts=0, galat="", langkah_selesai=0, finished_at=None
        )
        if moved:
            _bunyikan(tugas.pk)
    return bool(moved)


def _bunyikan(tugas_id, after=None):
    doorbell = jalankan_tugas.using(run_after=after) if after else jalankan_tugas
    doorbell.enqueue(str(tugas_id))


@task(queue_name="default")
def jalankan_tugas(tugas_id):
    """Run one Tugas if it is still waiting (a second doorbell for it finds it taken)."""
    token, now = uuid.uuid4(), timezone.now()
    claimed = Tugas.objects.filter(pk=tugas_id, status=StatusTugas.ANTRE).update(
        status=StatusTugas.BERJALAN,
        lease_token=token,
        lease_expires_at=now + lease(),
        started_at=now,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return "dilewati"
    tugas = Tugas.objects.get(pk=tugas_id)
    kemajuan = Kemajuan(tugas, token)
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(kemajuan, stop), daemon=True, name=f"tugas-{tugas_id}")
    beat.start()
    try:
        berkas, nama_berkas, hasil = HANDLERS[tugas.kind](tugas, kemajuan)
    except SewaHilang:
        logger.warning("Tugas %s lost its lease; another attempt takes over", tugas_id)
        return "sewa hilang"
    except TugasGagal as error:
        _gagal(tugas, token, str(error), retry=False)
        return "gagal"
    except Exception:
        logger.exception("Tugas %s failed (attempt %s)", tugas_id, tugas.attempts)
        _gagal(tugas, token, PESAN_GAGAL, retry=True)
        return "gagal"
    finally:
        stop.set()
        beat.join()
    finished = Tugas.objects.filter(pk=tugas_id, lease_token=token, status=StatusTugas.BERJALAN).update(
        status=StatusTugas.SELESAI,
        berkas=berkas,
        nama_berkas=nama_berkas,
        hasil=hasil,
        # The last step told, even when the work ended before a heartbeat could write it.
        langkah_selesai=kemajuan.total,
        langkah_total=kemajuan.total,
        langkah_sekarang="",
        finished_at=timezone.now(),
        lease_token=None,
        lease_expires_at=None,
    )
    return "selesai" if finished else "sewa hilang"


def _heartbeat(kemajuan, stop):
    """Renew the lease and write the progress until the work ends; a refused renewal means the
    lease was lost (recovery gave the Tugas to another attempt)."""
    try:
        while not stop.wait(settings.TUGAS_DETAK_DETIK):
            try:
                renewed = Tugas.objects.filter(
                    pk=kemajuan.tugas_id, lease_token=kemajuan.token, status=StatusTugas.BERJALAN
                ).update(
                    lease_expires_at=timezone.now() + lease(),
                    langkah_selesai=kemajuan.selesai,
                    langkah_total=kemajuan.total,
                    langkah_sekarang=kemajuan.sekarang,
                )
            except OperationalError:
                # SQLite lets one writer at a time: while the task's own long write holds the
                # database (an import's save), the renewal waits out its timeout. Try again.
                logger.warning("Tugas %s: the lease could not be renewed; trying again", kemajuan.tugas_id)
                continue
            if not renewed:
                kemajuan.hilang.set()
                return
    finally:
        connection.close()


def _gagal(tugas, token, pesan, *, retry):
    with transaction.atomic():
        fenced = Tugas.objects.filter(pk=tugas.pk, lease_token=token, status=StatusTugas.BERJALAN)
        _requeue_or_fail(fenced, pesan, retry=retry)


def _requeue_or_fail(fenced, pesan, *, retry):
    row = fenced.values_list("pk", "attempts", "max_attempts").first()
    if row is None:
        return 0
    pk, attempts, max_attempts = row
    if not retry or attempts >= max_attempts:
        return fenced.update(
            status=StatusTugas.GAGAL,
            galat=pesan,
            finished_at=timezone.now(),
            lease_token=None,
            lease_expires_at=None,
        )
    moved = fenced.update(status=StatusTugas.ANTRE, lease_token=None, lease_expires_at=None)
    if moved:
        _bunyikan(pk, after=timezone.now() + datetime.timedelta(seconds=2**attempts))
    return moved


def pulihkan(now=None):
    """Give every Tugas whose worker stopped renewing its lease (killed, frozen) to a new attempt.
    Safe from any number of workers at once: each move is fenced on the old token."""
    now = now or timezone.now()
    stale = Tugas.objects.filter(status=StatusTugas.BERJALAN, lease_expires_at__lt=now)
    moved = 0
    for pk, token in stale.values_list("pk", "lease_token")[:100]:
        with transaction.atomic():
            fenced = Tugas.objects.filter(pk=pk, status=StatusTugas.BERJALAN, lease_token=token)
            moved += _requeue_or_fail(fenced, "Pekerja berhenti di tengah jalan; tugas diulang.", retry=True)
    return moved


def bersihkan(now=None):
    """Remove what is past the retention period: finished Tugas and their files, the doorbells
    (a killed worker's stays RUNNING for ever), and the half-written files of killed attempts."""
    batas = (now or timezone.now()) - datetime.timedelta(hours=settings.TUGAS_SIMPAN_JAM)
    old = Tugas.objects.filter(status__in=[StatusTugas.SELESAI, StatusTugas.GAGAL], finished_at__lt=batas)
    for tugas in old:
        berkas_path(tugas).unlink(missing_ok=True)
        tugas.delete()
    DBTaskResult.objects.finished().filter(finished_at__lt=batas).delete()
    DBTaskResult.objects.running().filter(started_at__lt=batas).delete()
    if settings.TUGAS_ROOT.exists():
        for sementara in settings.TUGAS_ROOT.glob("*.tmp"):
            if sementara.stat().st_mtime < batas.timestamp():
                sementara.unlink(missing_ok=True)

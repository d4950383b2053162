"""Reminders that send themselves: the worker's upkeep (manage.py jalankan_pekerja) checks each
minute whether a kecamatan's reminder is due today and sends it once.

Per kecamatan (its Pengaturan page): N days before the deadline, on the deadline day, and M days
after it, when the operators of the desa still late get a last reminder and the camat a summary
(the kepala desa have no account to write to). Only desa whose report is not sent (or was
returned) are reminded, with the texts of the Pengingat page. A reminder is claimed by a row with
a unique (kecamatan, month, stage) before its e-mails leave, so neither a restart nor a second
worker sends it twice; a worker killed between the claim and the sending leaves that one unsent
(the row shows no count), which is the safer side for e-mail.
"""

import datetime
import logging
import time

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from desa.ledger import deadline_day
from desa.models import Pengguna
from desa.periode import WITA, Periode
from desa.scoping import Peran
from kudapanmas.models import PengingatTerjadwal, Tahap
from kudapanmas.pengingat import kecamatan_aktif, pengingat_for, pengingat_kirim_email

logger = logging.getLogger(__name__)

JAM_KIRIM = 8  # in the morning, WITA: an operator reads it at the start of the day
SELANG_PERIKSA_DETIK = 60
_terakhir = {"periksa": float("-inf")}


def jadwal(kecamatan, periode):
    """{tahap: the day it is sent} of the kecamatan's reminders for `periode`."""
    batas = deadline_day(kecamatan, periode)
    hari = {}
    if kecamatan.pengingat_hari_sebelum:
        hari[Tahap.SEBELUM] = batas - datetime.timedelta(days=kecamatan.pengingat_hari_sebelum)
    if kecamatan.pengingat_hari_batas:
        hari[Tahap.HARI_BATAS] = batas
    if kecamatan.pengingat_hari_sesudah:
        hari[Tahap.SESUDAH] = batas + datetime.timedelta(days=kecamatan.pengingat_hari_sesudah)
    return hari


def jatuh_tempo(kecamatan, hari_ini):
    """(periode, tahap) of the kecamatan's reminders due on `hari_ini`."""
    sekarang = Periode.of(hari_ini)
    for periode in (sekarang.shift(-2), sekarang.previous(), sekarang):
        if not kecamatan.wajib_lapor(periode):
            continue
        for tahap, hari in jadwal(kecamatan, periode).items():
            if hari == hari_ini:
                yield periode, tahap


def kirim_yang_jatuh_tempo(now=None, *, paksa=False):
    """Send every reminder due today that no one has sent yet; return how many e-mails left.
    Checked at most once a minute (`paksa` for tests and the command)."""
    if not paksa and time.monotonic() - _terakhir["periksa"] < SELANG_PERIKSA_DETIK:
        return 0
    _terakhir["periksa"] = time.monotonic()
    now = now or timezone.now()
    lokal = now.astimezone(WITA)
    if lokal.hour < JAM_KIRIM:
        return 0
    jumlah = 0
    for kecamatan in kecamatan_aktif():
        for periode, tahap in jatuh_tempo(kecamatan, lokal.date()):
            jumlah += _kirim(kecamatan, periode, tahap, lokal.date(), now)
    return jumlah


def _kirim(kecamatan, periode, tahap, hari_ini, now):
    try:
        with transaction.atomic():
            catatan = PengingatTerjadwal.objects.create(
                kecamatan=kecamatan, periode=periode, tahap=tahap, tanggal=hari_ini
            )
    except IntegrityError:
        return 0  # sent already, by an earlier run or another worker
    pengingat = pengingat_for(kecamatan, periode, now)
    jumlah = pengingat_kirim_email(pengingat) if pengingat.desa else 0
    if tahap == Tahap.SESUDAH and pengingat.desa:
        jumlah += _ringkasan_camat(pengingat)
    PengingatTerjadwal.objects.filter(pk=catatan.pk).update(
        jumlah_email=jumlah, jumlah_desa=len(pengingat.desa)
    )
    logger.info("Reminder %s sent: %s e-mails", catatan, jumlah)
    return jumlah


def _ringkasan_camat(pengingat):
    alamat = list(
        Pengguna.objects.filter(peran=Peran.CAMAT, kecamatan=pengingat.kecamatan, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not alamat:
        return 0
    subject = f"[KUDAPANMAS] {len(pengingat.desa)} desa/kelurahan terlambat laporan {pengingat.periode.label}"
    return send_mail(subject, pengingat.pesan, None, alamat, fail_silently=False) and len(alamat)

"""The recap workbook: an ordered list of sheet modules, written one after the other.

Each sheet module has NAMA (the sheet's name), DESKRIPSI (one line for the Ringkasan) and
write(workbook, scope). A later app adds its sheet by adding its module here.
"""

import contextlib

from django.db import connection, transaction
from openpyxl import Workbook

from kependudukan.ekonomi.privasi import ekspor_catat
from kudapanmas.rekap import (
    ekonomi,
    kegiatan_linmas,
    kepatuhan,
    kependudukan,
    laporan_rt,
    linmas,
    masalah_rt,
    penerima_bantuan,
    rincian,
    ringkasan,
    temuan,
)

SHEETS = [
    ringkasan,
    kepatuhan,
    kependudukan,
    rincian,
    linmas,
    kegiatan_linmas,
    ekonomi,
    penerima_bantuan,
    laporan_rt,
    masalah_rt,
    temuan,
]


def write_rekap(scope, target, kemajuan=None):
    """Write the workbook of `scope` to `target` (a path or a binary file object).

    Every sheet reads one snapshot of the database, so the totals agree with the detail
    sheets however many operators write meanwhile. `kemajuan(done, total, sheet)` hears of
    each sheet as it starts (a background task shows it as a progress bar).
    """
    workbook = Workbook(write_only=True)
    workbook.properties.title = f"Rekap {scope.wilayah} {scope.label}"
    workbook.properties.creator = "KUDAPANMAS"
    workbook.dengan_nik = scope.dengan_nik  # read by each Sheet
    workbook.lembar = []
    scope.isi = [(module.NAMA, module.DESKRIPSI) for module in SHEETS]
    with satu_bacaan():
        for index, module in enumerate(SHEETS):
            if kemajuan:
                kemajuan(index, len(SHEETS) + 1, f"Lembar {module.NAMA}")
            module.write(workbook, scope)
        if kemajuan:
            kemajuan(len(SHEETS), len(SHEETS) + 1, "Menyimpan berkas")
    scope.lembar_pribadi = [
        {"lembar": sheet.ws.title, "baris": sheet.jumlah_baris, "kolom_pribadi": sheet.kolom_pribadi}
        for sheet in workbook.lembar
        if sheet.kolom_pribadi and sheet.jumlah_baris
    ]
    workbook.save(target)


@contextlib.contextmanager
def satu_bacaan():
    """One read-only transaction that sees one moment of the database.

    PostgreSQL: REPEATABLE READ, whose snapshot is taken at the first query. SQLite (WAL): a
    DEFERRED transaction, whose snapshot is taken at the first read; the project's IMMEDIATE
    mode would take the write lock and stop every writer for as long as the workbook takes.
    Inside a caller's transaction (a test) that transaction is the snapshot already.
    """
    if connection.in_atomic_block:
        yield
        return
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        mode, connection.transaction_mode = connection.transaction_mode, "DEFERRED"
        try:
            with transaction.atomic():
                connection.transaction_mode = mode
                yield
        finally:
            connection.transaction_mode = mode
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def catat_unduhan(scope, user=None):
    """Record that the workbook left the system: which sheets held names and NIKs, how many rows
    and which personal columns (kependudukan.ekonomi.privasi). The download and the
    `rekap_excel` command (no user) both call this, after `write_rekap`."""
    catat_ekspor(
        user,
        wilayah=scope.wilayah,
        label=scope.label,
        dengan_nik=scope.dengan_nik,
        lembar_pribadi=scope.lembar_pribadi,
    )


def catat_ekspor(user, *, wilayah, label, dengan_nik, lembar_pribadi):
    """The record of one recap leaving the system; a background task's file is recorded at each
    download, from what the task kept of its scope."""
    nik = "NIK lengkap" if dengan_nik else "NIK disamarkan"
    ekspor_catat(
        user=user,
        isi=f"Rekap Excel {wilayah} {label} ({nik})",
        jumlah_baris=sum(item["baris"] for item in lembar_pribadi),
        rincian=lembar_pribadi,
        dengan_nik=dengan_nik,
    )

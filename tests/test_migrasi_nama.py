"""The renaming migrations keep the data: rows written under the old names read back under the new."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

SEBELUM = [("desa", "0008_periode_field"), ("laporan_rt", "0002_periode_field")]
SESUDAH = [("desa", "0009_created_at"), ("laporan_rt", "0003_meninggal")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_renamed_columns_keep_their_values(wilayah):
    old = _migrate(SEBELUM)
    try:
        desa = old.get_model("desa", "Desa").objects.get(pk="63.11.06.2005")
        rt = old.get_model("desa", "RT").objects.create(desa=desa, nomor=1)
        old.get_model("laporan_rt", "LaporanRT").objects.create(
            desa=desa, rt=rt, periode=datetime.date(2026, 8, 1), mati_l=2, mati_p=3
        )
        laporan = old.get_model("desa", "LaporanBulanan").objects.create(
            desa=desa, jenis="kependudukan", periode=datetime.date(2026, 8, 1)
        )
        riwayat = old.get_model("desa", "RiwayatLaporan").objects.create(
            laporan=laporan, aksi="kirim", dari="belum_dikirim", ke="dikirim"
        )
        waktu = riwayat.waktu
        new = _migrate(SESUDAH)
        laporan_rt = new.get_model("laporan_rt", "LaporanRT").objects.get()
        assert (laporan_rt.meninggal_l, laporan_rt.meninggal_p) == (2, 3)
        assert new.get_model("desa", "RiwayatLaporan").objects.get().created_at == waktu
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_a_waiting_task_survives_its_move_to_desa(wilayah):
    """The Tugas table moves from kudapanmas to desa with its rows, and a doorbell still waiting
    points at the moved task function, so a worker started after the upgrade runs it."""
    old = _migrate(
        [
            ("kudapanmas", "0004_pengingat_terjadwal"),
            ("desa", "0011_kecamatan_jadwal_pengingat"),
            ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ]
    )
    try:
        user = old.get_model("desa", "Pengguna").objects.create(username="camat")
        tugas = old.get_model("kudapanmas", "Tugas").objects.create(
            kind="rekap", dedup_key="rekap:x", judul="Rekap", diminta_oleh=user
        )
        old.get_model("django_tasks_database", "DBTaskResult").objects.create(
            task_path="kudapanmas.tugas.runner.jalankan_tugas",
            args_kwargs={"args": [str(tugas.pk)], "kwargs": {}},
            queue_name="default",
            backend_name="default",
            priority=0,
            run_after=timezone.now(),
        )
        new = _migrate([("desa", "0013_tugas_tabel")])
        moved = new.get_model("desa", "Tugas").objects.get()
        assert (moved.pk, moved.status, moved.judul) == (tugas.pk, "antre", "Rekap")
        assert new.get_model("desa", "Tugas")._meta.db_table == "desa_tugas"
        doorbell = new.get_model("django_tasks_database", "DBTaskResult").objects.get()
        assert doorbell.task_path == "desa.latar.jalankan_tugas"
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

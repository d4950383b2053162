"""Two confirmations of the same desil ranking at once, or of the same aid list: the desa lock is
taken before the file is checked again, so the second finds the first's work and writes nothing."""

import datetime
import io
import threading

import pytest
from django.db import connection
from django.utils import timezone

from kependudukan.ekonomi.impor.luar.simpan import simpan_bantuan, simpan_desil
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, RiwayatKeluarga
from kependudukan.impor.luar.pilihan import Pilihan
from tests.factories.ekonomi import make_keluarga
from tests.factories.kependudukan import recent
from tests.kependudukan.ekonomi import workbooks_luar as wb

pytestmark = pytest.mark.django_db(transaction=True)

A = "63.11.06.2005"
ROUNDS = 10


def _together(save, content, user, pilihan, count=2):
    barrier = threading.Barrier(count)
    errors = []

    def run():
        try:
            barrier.wait()
            hasil = save(io.BytesIO(content), user=user, desa_boleh={A}, pilihan=pilihan)
            assert hasil.ok, hasil.kesalahan
        except Exception as error:  # noqa: BLE001 - any failure fails the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_the_same_ranking_confirmed_twice_at_once_writes_one_history_entry(desa_a, operator_a):
    households = [make_keluarga(desa_a, recent(2).awal, desil=None) for _ in range(3)]
    for round_number in range(ROUNDS):
        tanggal = timezone.localdate() - datetime.timedelta(days=ROUNDS - round_number)
        value = round_number % 10 + 1
        content = wb.desil([(k.no_kk, "", "X", value) for k in households])
        assert _together(simpan_desil, content, operator_a, Pilihan(A, tanggal)) == []
        assert set(Keluarga.objects.values_list("desil", flat=True)) == {value}
        entries = RiwayatKeluarga.objects.filter(sumber="SIKS-NG", tanggal_pemutakhiran=tanggal)
        assert entries.count() == 3  # one per household, not one per confirmation


def test_the_same_aid_list_confirmed_twice_at_once_saves_each_recipient_once(desa_a, operator_a, pkh):
    program = {"Rentang Waktu (Awal)": recent(0).awal.isoformat(), "Rentang Waktu (Akhir)": ""}
    program["Rentang Waktu (Akhir)"] = recent(0).akhir.isoformat()
    for round_number in range(ROUNDS):
        rows = [wb.peserta(nik, f"PENERIMA {nik[-4:]}", kartu=str(round_number)) for nik in wb.NIK_CONTOH]
        content = wb.program_bantuan(rows, program=program)
        assert _together(simpan_bantuan, content, operator_a, Pilihan(A, timezone.localdate())) == []
        assert PenerimaBantuan.objects.count() == len(wb.NIK_CONTOH)
        assert set(PenerimaBantuan.objects.values_list("keterangan", flat=True)) == {
            f"No. peserta {round_number}"
        }

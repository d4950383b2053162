"""Two replacements of one desa's reference list at the same moment: each list lands whole, one
after the other, never a mixture of both (FIELD-TESTING.md, Races)."""

import datetime
import threading

import pytest
from django.db import connection

from kependudukan.models import DaftarRujukan, PendudukRujukan, SumberRujukan
from kependudukan.services.rujukan import rujukan_ganti
from tests.factories.identitas import make_nik

pytestmark = pytest.mark.django_db(transaction=True)

ULANG = 10
JUMLAH = 40


def _daftar(nama):
    return [
        PendudukRujukan(nik=make_nik(), no_kk="6311060101200001", nama=f"{nama} {nomor}", jenis_kelamin="L")
        for nomor in range(JUMLAH)
    ]


def _race(desa, users):
    """Both users replace the desa's list at once; returns the errors raised in the threads."""
    lists = {siapa: _daftar(siapa.upper()) for siapa in users}
    barrier = threading.Barrier(len(users))
    errors = []

    def ganti(siapa):
        try:
            barrier.wait()
            rujukan_ganti(
                desa=desa,
                user=users[siapa],
                sumber=SumberRujukan.SIAK,
                nama_berkas=f"{siapa}.xlsx",
                tanggal_data=datetime.date(2026, 11, 30),
                penduduk=lists[siapa],
            )
        except Exception as error:  # noqa: BLE001 - any failure fails the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ganti, args=(siapa,)) for siapa in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_uploads_at_once_leave_one_whole_list(operator_a, kasi_trantib, desa_a):
    for _ in range(ULANG):
        assert _race(desa_a, {"operator": operator_a, "trantib": kasi_trantib}) == []
        daftar = DaftarRujukan.objects.get(desa=desa_a)
        names = PendudukRujukan.objects.filter(desa=desa_a).values_list("nama", flat=True)
        assert {nama.split()[0] for nama in names} == {daftar.nama_berkas.removesuffix(".xlsx").upper()}
        assert PendudukRujukan.objects.filter(daftar=daftar).count() == daftar.jumlah == JUMLAH

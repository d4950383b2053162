"""A desa's reference list of residents, as an upload would leave it (kependudukan.impor.luar)."""

import datetime

from kependudukan.models import DaftarRujukan, PendudukRujukan, SumberRujukan
from tests.factories.identitas import make_nik

TANGGAL_DATA = datetime.date(2026, 5, 12)


def make_rujukan(desa, *orang, sumber=SumberRujukan.SIAK, tanggal_data=TANGGAL_DATA):
    """The desa's list holding `orang` (dicts of PendudukRujukan fields); returns the residents."""
    daftar = DaftarRujukan.objects.create(
        desa=desa, sumber=sumber, tanggal_data=tanggal_data, jumlah=len(orang)
    )
    return [PendudukRujukan.objects.create(daftar=daftar, desa=desa, **fields) for fields in orang]


def penduduk(jenis_kelamin="P", lahir=datetime.date(1950, 7, 4), **extra):
    fields = {
        "nik": make_nik(jenis_kelamin, lahir),
        "no_kk": "6311060101200001",
        "nama": "SITI HASANAH",
        "jenis_kelamin": jenis_kelamin,
        "tanggal_lahir": lahir,
        "nomor_rt": 3,
        "kepala_keluarga": False,
    }
    fields.update(extra)
    return fields

"""RT reports and the RT report form; the RT's events come from tests.factories.kependudukan."""

import datetime

import factory
from factory.django import DjangoModelFactory

from desa.periode import Periode
from laporan_rt.models import LaporanRT
from tests.factories.wilayah import RTFactory

# Last month: its report may be sent, and it is never in the future.
PERIODE = Periode.current().previous()


class LaporanRTFactory(DjangoModelFactory):
    """A balanced report of last month, not yet sent."""

    class Meta:
        model = LaporanRT

    rt = factory.SubFactory(RTFactory)
    desa = factory.SelfAttribute("rt.desa")
    periode = PERIODE.awal
    awal_kk = 30
    awal_l = 50
    awal_p = 48
    akhir_kk = 30


def make_laporan(rt, periode=PERIODE, *, sent=True, **fields):
    """A saved RT report; `sent` marks it reported to the desa."""
    if sent:
        fields["dikirim_at"] = datetime.datetime(periode.tahun, periode.bulan, 28, tzinfo=datetime.UTC)
    return LaporanRTFactory(rt=rt, periode=periode, **fields)


def form_data(**overrides):
    """A complete, balanced RT report form post with empty guest and incident rows."""
    data = {
        "awal_kk": "30", "awal_l": "50", "awal_p": "48",
        "lahir_l": "0", "lahir_p": "0", "meninggal_l": "0", "meninggal_p": "0",
        "datang_l": "0", "datang_p": "0", "pindah_l": "0", "pindah_p": "0",
        "akhir_kk": "30", "catatan_perbedaan": "",
        "kegiatan_gotong_royong": "1", "kegiatan_ronda": "4", "kegiatan_posyandu": "1",
        "kegiatan_pengajian": "2", "kegiatan_lainnya": "0", "catatan_kegiatan": "",
        "masalah": "", "usulan": "",
        "tamu-TOTAL_FORMS": "2", "tamu-INITIAL_FORMS": "0",
        "tamu-MIN_NUM_FORMS": "0", "tamu-MAX_NUM_FORMS": "50",
        "kejadian-TOTAL_FORMS": "2", "kejadian-INITIAL_FORMS": "0",
        "kejadian-MIN_NUM_FORMS": "0", "kejadian-MAX_NUM_FORMS": "50",
        "aksi": "kirim",
    }  # fmt: skip
    data.update(overrides)
    return data

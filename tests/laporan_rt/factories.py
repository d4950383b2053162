"""Small factories for RT reports, population events and the RT report form."""

import datetime

from desa.periode import Periode
from kependudukan.models import Peristiwa
from laporan_rt.models import LaporanRT

# Last month: its report may be sent, and it is never in the future.
PERIODE = Periode.current().previous()


def make_laporan(rt, periode=PERIODE, *, sent=True, **fields):
    """A saved RT report; `sent` marks it reported to the desa."""
    values = {"awal_kk": 30, "awal_l": 50, "awal_p": 48, "akhir_kk": 30, **fields}
    laporan = LaporanRT(rt=rt, desa=rt.desa, periode=periode.awal, **values)
    if sent:
        laporan.dikirim_at = datetime.datetime(periode.tahun, periode.bulan, 28, tzinfo=datetime.UTC)
    laporan.save()
    return laporan


def make_peristiwa(desa, jenis, *, nomor_rt=None, jenis_kelamin="L", periode=PERIODE, nama=None, **fields):
    day = periode.awal + datetime.timedelta(days=9)
    peristiwa = Peristiwa(
        desa=desa,
        jenis=jenis,
        nomor_rt=nomor_rt,
        jenis_kelamin=jenis_kelamin,
        tanggal_peristiwa=day,
        tanggal_lapor=day,
        nama=nama or f"{jenis} {nomor_rt} {jenis_kelamin} {Peristiwa.objects.count()}",
        **fields,
    )
    peristiwa.save()
    return peristiwa


def form_data(**overrides):
    """A complete, balanced RT report form post with empty guest and incident rows."""
    data = {
        "awal_kk": "30", "awal_l": "50", "awal_p": "48",
        "lahir_l": "0", "lahir_p": "0", "mati_l": "0", "mati_p": "0",
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

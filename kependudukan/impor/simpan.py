"""Saving a checked import: everything in one transaction, or nothing."""

from django.utils import timezone

from desa import gerbang
from desa.models.laporan import JenisLaporan
from kependudukan.impor.baca import baca_berkas
from kependudukan.impor.pemeriksaan import MENYIMPAN, Tahapan
from kependudukan.impor.periksa import STEPS, periksa_berkas
from kependudukan.models import DataAwal, Peristiwa, RiwayatPeristiwa
from kependudukan.models.peristiwa import AksiRiwayat
from kependudukan.pindah import cocokkan_pindah
from kependudukan.services.peristiwa import ringkasan

_BATCH = 500


def simpan_berkas(
    source, *, user, desa_boleh, nama_berkas="", hari_ini=None, kemajuan=None, baca=baca_berkas, judul=None
):
    """Check the workbook again and, when every row is right, save it; returns the HasilImpor.

    `baca` and `judul` are another layout's, as periksa.periksa_berkas takes them.

    The check runs inside the transaction that saves, after the rows of the desa it may write
    are locked, so nothing can change in between (a month sent meanwhile, the same file
    confirmed twice, an event of the same NIK saved by hand).
    """
    with gerbang.tulis_banyak(JenisLaporan.KEPENDUDUKAN, desa_boleh) as impor:
        tahapan = Tahapan(STEPS, kemajuan, menyimpan=True)
        hasil = periksa_berkas(
            source,
            desa_boleh=desa_boleh,
            hari_ini=hari_ini or timezone.localdate(),
            tahapan=tahapan,
            baca=baca,
            judul=judul,
        )
        if hasil.ok:
            tahapan.mulai(MENYIMPAN)
            impor.bulan(
                [(event.desa_id, event.periode) for event in hasil.peristiwa]
                + [(row.desa.pk, row.periode) for row in hasil.data_awal_baru]
            )
            _simpan_baris(hasil, user, nama_berkas)
    return hasil


def _simpan_baris(hasil, user, nama_berkas):
    for row in hasil.data_awal_baru:
        DataAwal.objects.update_or_create(
            desa=row.desa,
            defaults={
                "periode": row.periode.awal,
                "wni_l": row.wni_l,
                "wni_p": row.wni_p,
                "wna_l": row.wna_l,
                "wna_p": row.wna_p,
                "jumlah_kk": row.jumlah_kk,
                "dicatat_oleh": user,
            },
        )
    events = hasil.peristiwa
    for event in events:
        event.dicatat_oleh = user
    # SQLite ≥ 3.35 and PostgreSQL return the new primary keys from a bulk insert.
    events = Peristiwa.objects.bulk_create(events, batch_size=_BATCH)
    source = [{"kolom": "berkas", "dari": "", "ke": nama_berkas}] if nama_berkas else []
    RiwayatPeristiwa.objects.bulk_create(
        [
            RiwayatPeristiwa(
                peristiwa_id=event.pk,
                desa_id=event.desa_id,
                aksi=AksiRiwayat.DIIMPOR,
                ringkasan=ringkasan(event)[:200],
                perubahan=source,
                oleh=user,
            )
            for event in events
        ],
        batch_size=_BATCH,
    )
    cocokkan_pindah(events)

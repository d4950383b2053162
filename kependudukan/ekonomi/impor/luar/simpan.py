"""Saving a checked program bantuan workbook or desil ranking: all of it, or nothing.

Each save locks the desa (desa.gerbang.tulis_banyak), then checks the file again, so the locked
months and the households it reads cannot change until it has written.
"""

from django.utils import timezone

from desa import gerbang
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from kependudukan.ekonomi.impor.luar import desil, program
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, RiwayatKeluarga
from kependudukan.impor.luar.periksa import pilihan_berkas

_BATCH = 500
MEMERIKSA, MENYIMPAN = "Memeriksa berkas", "Menyimpan"


def _langkah(kemajuan, nama):
    if kemajuan:
        kemajuan([MEMERIKSA, MENYIMPAN].index(nama), 2, nama)


def _berkas(nama_berkas):
    return [{"kolom": "berkas", "dari": "", "ke": nama_berkas}] if nama_berkas else []


def simpan_bantuan(source, *, user, desa_boleh, nama_berkas="", kemajuan=None, pilihan=None, hari_ini=None):
    """Check the workbook again under the desa's lock and save its recipients; returns HasilBantuan."""
    pilihan = pilihan_berkas(source, pilihan)
    with gerbang.tulis_banyak(JenisLaporan.EKONOMI, [pilihan.desa_kode]) as impor:
        _langkah(kemajuan, MEMERIKSA)
        hasil = program.periksa_berkas(source, desa_boleh=desa_boleh, pilihan=pilihan, hari_ini=hari_ini)
        if hasil.ok:
            _langkah(kemajuan, MENYIMPAN)
            impor.bulan(hasil.bulan_ditulis(), periksa=False)  # each row was judged against the locks
            penerima = [row.obj for row in hasil.penerima if row.status != "sama"]
            for item in penerima:
                item.dicatat_oleh = user
            changed = [item for item in penerima if item.pk is not None]
            PenerimaBantuan.objects.bulk_create([p for p in penerima if p.pk is None], batch_size=_BATCH)
            for item in changed:
                item.save()
    return hasil


def simpan_desil(source, *, user, desa_boleh, nama_berkas="", kemajuan=None, pilihan=None, hari_ini=None):
    """Check the ranking again under the desa's lock and give each matched household its desil,
    dated by the file's date, with a history entry from SIKS-NG; returns HasilDesil."""
    pilihan = pilihan_berkas(source, pilihan)
    with gerbang.tulis_banyak(JenisLaporan.EKONOMI, [pilihan.desa_kode]) as impor:
        _langkah(kemajuan, MEMERIKSA)
        hasil = desil.periksa_berkas(source, desa_boleh=desa_boleh, pilihan=pilihan, hari_ini=hari_ini)
        if hasil.ok and hasil.berubah:
            _langkah(kemajuan, MENYIMPAN)
            impor.bulan({(hasil.desa.pk, Periode.of(hasil.tanggal))}, periksa=False)
            households = []
            riwayat = []
            for row in hasil.berubah:
                keluarga = row.keluarga
                keluarga.desil, keluarga.tanggal_pemutakhiran = row.ke, hasil.tanggal
                keluarga.dicatat_oleh, keluarga.updated_at = user, timezone.now()
                households.append(keluarga)
                perubahan = [{"field": "desil", "kolom": "desil DTSEN", "dari": str(row.dari or ""),
                              "ke": str(row.ke)}, *_berkas(nama_berkas)]  # fmt: skip
                riwayat.append(
                    RiwayatKeluarga(
                        keluarga=keluarga,
                        tanggal_pemutakhiran=hasil.tanggal,
                        desil=row.ke,
                        kategori_ks=keluarga.kategori_ks,
                        jumlah_anggota=keluarga.jumlah_anggota,
                        perubahan=perubahan,
                        sumber=desil.SUMBER,
                        oleh=user,
                    )
                )
            fields = ["desil", "tanggal_pemutakhiran", "dicatat_oleh", "updated_at"]
            Keluarga.objects.bulk_update(households, fields, batch_size=_BATCH)
            RiwayatKeluarga.objects.bulk_create(riwayat, batch_size=_BATCH)
    return hasil

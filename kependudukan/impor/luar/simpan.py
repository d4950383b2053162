"""Saving a checked export: the desa's reference list replaced whole, or nothing."""

from django.db import transaction

from desa import gerbang
from kependudukan.impor.luar.periksa import MENYIMPAN, langkah, periksa_berkas, pilihan_berkas
from kependudukan.services.rujukan import rujukan_ganti


def simpan_berkas(source, *, user, desa_boleh, nama_berkas="", kemajuan=None, pilihan=None, hari_ini=None):
    """Check the export again under the desa's lock and, when every row is right, replace the list.

    Returns the HasilPenduduk. The check runs after the desa row is locked, so two uploads of the
    same desa confirmed together save one after the other, each list whole.
    """
    pilihan = pilihan_berkas(source, pilihan)
    with transaction.atomic():
        gerbang.kunci_desa([pilihan.desa_kode])
        hasil = periksa_berkas(
            source, desa_boleh=desa_boleh, kemajuan=kemajuan, pilihan=pilihan, hari_ini=hari_ini
        )
        if hasil.ok:
            langkah(kemajuan, MENYIMPAN)
            rujukan_ganti(
                desa=hasil.desa,
                user=user,
                sumber=hasil.tata_letak.sumber,
                nama_berkas=nama_berkas,
                tanggal_data=hasil.tanggal,
                penduduk=hasil.penduduk,
            )
    return hasil

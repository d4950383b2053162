"""Saving a checked `impor-ekonomi.xlsx`: everything in one transaction, or nothing."""

from django.utils import timezone

from desa import gerbang
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from kependudukan.ekonomi.impor.periksa import STEPS, periksa_berkas
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, RiwayatKeluarga
from kependudukan.impor.pemeriksaan import MENYIMPAN, Tahapan

_BATCH = 500


def simpan_berkas(source, *, user, desa_boleh, nama_berkas="", hari_ini=None, kemajuan=None):
    """Check the workbook again inside the saving transaction and, when every row is right, save it."""
    with gerbang.tulis_banyak(JenisLaporan.EKONOMI, desa_boleh) as impor:
        tahapan = Tahapan(STEPS, kemajuan, menyimpan=True)
        hasil = periksa_berkas(
            source, desa_boleh=desa_boleh, hari_ini=hari_ini or timezone.localdate(), tahapan=tahapan
        )
        if hasil.ok:
            tahapan.mulai(MENYIMPAN)
            impor.bulan(_bulan_ditulis(hasil), periksa=False)
            _simpan_baris(hasil, user, nama_berkas)
    return hasil


def _bulan_ditulis(hasil):
    """(desa id, month) of every household check and recipient month the import writes."""
    pasangan = {
        (row.obj.desa_id, Periode.of(row.obj.tanggal_pemutakhiran)) for row in hasil.keluarga if row.snapshot
    }
    for row in hasil.penerima:
        if row.status != "sama":
            pasangan |= {(row.obj.desa_id, bulan) for bulan in (row.obj.mulai, row.obj.selesai) if bulan}
    return pasangan


def _simpan_baris(hasil, user, nama_berkas):
    source = [{"kolom": "berkas", "dari": "", "ke": nama_berkas}] if nama_berkas else []
    new = [row.obj for row in hasil.keluarga if row.status == "baru"]
    for item in new:
        item.dicatat_oleh = user
    Keluarga.objects.bulk_create(new, batch_size=_BATCH)
    for row in hasil.keluarga:
        if row.status == "diubah":
            row.obj.dicatat_oleh = user
            row.obj.save()
    RiwayatKeluarga.objects.bulk_create(
        [
            RiwayatKeluarga(
                keluarga=row.obj,
                tanggal_pemutakhiran=row.obj.tanggal_pemutakhiran,
                desil=row.obj.desil,
                kategori_ks=row.obj.kategori_ks,
                jumlah_anggota=row.obj.jumlah_anggota,
                perubahan=source,
                oleh=user,
            )
            for row in hasil.keluarga
            if row.snapshot
        ],
        batch_size=_BATCH,
    )
    penerima = [row.obj for row in hasil.penerima if row.status != "sama"]
    for item in penerima:
        item.dicatat_oleh = user
        if getattr(item, "keluarga_baru", None) is not None:
            item.keluarga = item.keluarga_baru
    changed = [item for item in penerima if item.pk is not None]
    PenerimaBantuan.objects.bulk_create([item for item in penerima if item.pk is None], batch_size=_BATCH)
    for item in changed:
        item.save()

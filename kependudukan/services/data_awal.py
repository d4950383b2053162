"""Stating a desa's data awal and recording corrections after it."""

from django.core.exceptions import ValidationError

from desa import gerbang
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from kependudukan.b3 import rekap_b3
from kependudukan.models import DataAwal, Peristiwa

PESAN_BEKU = (
    "Data awal tidak dapat diubah lagi karena laporan kependudukan desa ini sudah pernah dikirim. "
    "Bila jumlah penduduk sebenarnya berbeda, catat koreksi dengan alasannya."
)


def data_awal_save(*, desa, user, periode, wni_l, wni_p, wna_l, wna_p, jumlah_kk):
    """Create or change the desa's data awal; raises ValidationError or PeriodeTerkunci."""
    lama = DataAwal.objects.filter(desa=desa).values_list("periode", flat=True).first()
    with gerbang.tulis(desa, JenisLaporan.KEPENDUDUKAN, periode, lama):
        if DataAwal.is_frozen(desa):
            raise ValidationError(PESAN_BEKU)
        if jumlah_kk > wni_l + wni_p + wna_l + wna_p:
            raise ValidationError("Jumlah KK tidak boleh lebih dari jumlah penduduk.")
        earlier = Peristiwa.objects.filter(desa=desa, periode__lt=periode).order_by("periode").first()
        if earlier:
            raise ValidationError(
                f"Sudah ada peristiwa yang dilaporkan {earlier.periode.label}, sebelum bulan pertama "
                f"{periode.label}. Pilih bulan pertama paling lambat {earlier.periode.label}."
            )
        data_awal, _ = DataAwal.objects.update_or_create(
            desa=desa,
            defaults={
                "periode": periode.awal,
                "wni_l": wni_l,
                "wni_p": wni_p,
                "wna_l": wna_l,
                "wna_p": wna_p,
                "jumlah_kk": jumlah_kk,
                "dicatat_oleh": user,
            },
        )
    return data_awal


def koreksi_record(*, desa, user, koreksi):
    """Record a reasoned correction in the month of its date; the month must be open."""
    periode = Periode.of(koreksi.tanggal_lapor)
    with gerbang.tulis(desa, JenisLaporan.KEPENDUDUKAN, periode):
        data_awal = DataAwal.objects.filter(desa=desa).first()
        if data_awal is None:
            raise ValidationError("Isi data awal desa ini dulu; koreksi mengubah angka sesudahnya.")
        if periode < data_awal.periode:
            raise ValidationError(
                f"Koreksi tidak boleh sebelum bulan pertama data desa ini ({data_awal.periode.label})."
            )
        koreksi.desa = desa
        koreksi.dicatat_oleh = user
        koreksi.save()
        row = rekap_b3([desa], periode)[desa.pk]
        if min(row.akhir.nilai()) < 0 or row.kk_akhir < 0:
            raise ValidationError(
                f"Koreksi ini membuat jumlah akhir {periode.label} kurang dari nol; periksa tanda + dan −."
            )
    return koreksi


def koreksi_remove(*, koreksi):
    with gerbang.tulis(koreksi.desa, JenisLaporan.KEPENDUDUKAN, koreksi.periode):
        koreksi.delete()

"""Reading an uploaded `impor-ekonomi.xlsx`: its two sheets, with the shared reader of kependudukan.impor."""

from kependudukan.ekonomi.impor.kolom import SHEETS
from kependudukan.impor.baca import baca_workbook


def baca_berkas(source):
    """({sheet name: Lembar}, [Kesalahan about missing columns]); raises BerkasDitolak."""
    return baca_workbook(
        source,
        SHEETS,
        pesan_tanpa_sheet="Berkas tidak berisi sheet 'Keluarga' maupun 'Penerima Bantuan'. Pakai templat "
        "impor ekonomi (unduh dari halaman ini) dan jangan ubah nama sheet-nya.",
        pesan_kosong="Sheet 'Keluarga' dan 'Penerima Bantuan' kosong: tidak ada baris data untuk diimpor.",
    )

from desa.models.bukti import AksiTandaTerima, CuplikanAngka, TandaTerima
from desa.models.laporan import KomentarLaporan, LaporanBulanan, RiwayatLaporan
from desa.models.pengguna import Pengguna
from desa.models.privasi import AksesNIK
from desa.models.tugas import StatusTugas, Tugas
from desa.models.wilayah import RT, Desa, Kabupaten, Kecamatan, Provinsi

__all__ = [
    "Provinsi",
    "Kabupaten",
    "Kecamatan",
    "Desa",
    "RT",
    "Pengguna",
    "LaporanBulanan",
    "RiwayatLaporan",
    "KomentarLaporan",
    "AksesNIK",
    "AksiTandaTerima",
    "TandaTerima",
    "CuplikanAngka",
    "StatusTugas",
    "Tugas",
]

from laporan_rt.models.kejadian import JenisKejadian, KejadianRT
from laporan_rt.models.laporan import KEGIATAN_FIELDS, LABEL_PERISTIWA, PERISTIWA_FIELDS, LaporanRT
from laporan_rt.models.tamu import TamuWajibLapor

__all__ = [
    "KEGIATAN_FIELDS",
    "LABEL_PERISTIWA",
    "PERISTIWA_FIELDS",
    "LaporanRT",
    "TamuWajibLapor",
    "JenisKejadian",
    "KejadianRT",
]

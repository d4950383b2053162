from kependudukan.models import ekonomi as ekonomi  # the household and aid models
from kependudukan.models.data_awal import DataAwal, Koreksi
from kependudukan.models.impor import ImporBerkas
from kependudukan.models.peristiwa import (
    JenisKelamin,
    JenisPeristiwa,
    Kewarganegaraan,
    Peristiwa,
    RiwayatPeristiwa,
    SebabKematian,
    TingkatPindah,
)

__all__ = [
    "DataAwal",
    "Koreksi",
    "ImporBerkas",
    "JenisKelamin",
    "JenisPeristiwa",
    "Kewarganegaraan",
    "Peristiwa",
    "RiwayatPeristiwa",
    "SebabKematian",
    "TingkatPindah",
]

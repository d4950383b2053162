from kependudukan.ekonomi import models as ekonomi  # noqa: F401 (registers the household and aid models)
from kependudukan.models.data_awal import DataAwal, Koreksi
from kependudukan.models.impor import ImporBerkas, ImporPenduduk
from kependudukan.models.peristiwa import (
    JenisKelamin,
    JenisPeristiwa,
    Kewarganegaraan,
    Peristiwa,
    RiwayatPeristiwa,
    SebabKematian,
    TingkatPindah,
)
from kependudukan.models.rujukan import DaftarRujukan, PendudukRujukan, SumberRujukan

__all__ = [
    "DataAwal",
    "Koreksi",
    "ImporBerkas",
    "ImporPenduduk",
    "DaftarRujukan",
    "PendudukRujukan",
    "SumberRujukan",
    "JenisKelamin",
    "JenisPeristiwa",
    "Kewarganegaraan",
    "Peristiwa",
    "RiwayatPeristiwa",
    "SebabKematian",
    "TingkatPindah",
]

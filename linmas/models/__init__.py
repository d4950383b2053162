from linmas.models.anggota import (
    JABATAN_TANPA_REGU,
    JUMLAH_ANGGOTA_MINIMUM,
    AnggotaLinmas,
    Jabatan,
    JenisKelamin,
    Regu,
)
from linmas.models.kegiatan import FOTO_MAKSIMUM, FotoKegiatan, JenisKegiatan, Kegiatan
from linmas.models.kejadian import JenisKejadian, Kejadian, Penyerahan
from linmas.models.program import ButirProgram, ProgramLinmas

__all__ = [
    "JABATAN_TANPA_REGU",
    "JUMLAH_ANGGOTA_MINIMUM",
    "AnggotaLinmas",
    "Jabatan",
    "JenisKelamin",
    "Regu",
    "FOTO_MAKSIMUM",
    "FotoKegiatan",
    "JenisKegiatan",
    "Kegiatan",
    "JenisKejadian",
    "Kejadian",
    "Penyerahan",
    "ButirProgram",
    "ProgramLinmas",
]

"""A data-quality finding (temuan), the one shape every app reports its findings in.

The desa's page, the kecamatan's review and the recap's `Temuan` sheet all list these.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Temuan:
    desa_kode: str
    desa_nama: str
    aturan: str  # the rule broken, short: "NIK tidak cocok", "Pelaporan terlambat", ...
    detail: str  # what exactly, in a sentence
    nama: str = ""  # the person's name when the finding is about a person
    nik: str = ""
    url: str = ""  # where to look at or fix it
    jenis: str = ""  # JenisLaporan value of the app that found it
    informasi: bool = False  # True: shown for information, not an error to fix

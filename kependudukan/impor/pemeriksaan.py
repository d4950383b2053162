"""What every import check shares: the desa a row is for, and errors tied to a cell.

The population import (impor-kependudukan.xlsx) and the economic import (impor-ekonomi.xlsx)
check their rows the same way: a desa code the importer may write, values read by the
`nilai` readers, and each problem named by sheet, row and column header.
"""

from django.utils import timezone

from desa.kode import baku_kode
from desa.models import Desa
from desa.models.wilayah import KODE_DESA_PATTERN
from kependudukan.impor import nilai
from kependudukan.impor.baca import Kesalahan

MEMBACA = "Membaca berkas"
MENYIMPAN = "Menyimpan"


class DesaPerKode:
    """The desa a file names, each looked up once by its code: a national installation holds
    83,762 desa, of which a file names a few."""

    def __init__(self):
        self._found = {}

    def get(self, kode):
        if kode not in self._found:
            self._found[kode] = Desa.objects.select_related("kecamatan").filter(pk=kode).first()
        return self._found[kode]


class Tahapan:
    """An import's progress as named steps: reading, each sheet's check, and saving when it saves.

    `kemajuan(done, total, step)` is told as each step starts (a background task's progress);
    without it nothing is told.
    """

    def __init__(self, steps, kemajuan=None, *, menyimpan=False):
        self.names = [MEMBACA, *(_memeriksa(name) for name, _ in steps), *([MENYIMPAN] if menyimpan else [])]
        self.kemajuan = kemajuan

    def mulai(self, name):
        if self.kemajuan:
            self.kemajuan(self.names.index(name), len(self.names), name)


def _memeriksa(sheet):
    return f"Memeriksa sheet {sheet}"


class Pemeriksaan:
    """Subclasses set `sheets` ({sheet name: [Kolom]}) and `steps`, the method checking each sheet.

    The sheets are checked in the order of `steps`: a later sheet may lean on an earlier one (the
    events on the data awal of the same file, a recipient on a household of the same file).
    """

    sheets = {}
    steps = ()  # ((sheet name, method name), ...)

    def __init__(self, desa_boleh, hari_ini, hasil, tahapan=None):
        self.tahapan = tahapan or Tahapan(self.steps)
        self.desa_boleh = desa_boleh  # codes the importer may write; None: every desa
        self.hari_ini = hari_ini or timezone.localdate()
        self.hasil = hasil
        self.desa = DesaPerKode()
        self.headers = {
            name: {kolom.key: kolom.header for kolom in columns} for name, columns in self.sheets.items()
        }

    def periksa(self, baca, source):
        """Read `source` with `baca` (raises BerkasDitolak), then check its rows."""
        self.tahapan.mulai(MEMBACA)
        return self.run(*baca(source))

    def run(self, sheets, missing):
        """Check the rows of `sheets` ({name: Lembar}) after `missing`, the file's column errors."""
        self.hasil.kesalahan += missing
        for name, method in self.steps:
            if name in sheets:
                self.tahapan.mulai(_memeriksa(name))
                getattr(self, method)(sheets[name].rows)
        first = self.steps[0][0]
        self.hasil.kesalahan.sort(key=lambda k: (k.sheet != first, k.baris or 0))
        return self.hasil

    def header(self, sheet, key):
        return self.headers[sheet].get(key, "")

    def _error(self, sheet, number, key, message):
        self.hasil.kesalahan.append(Kesalahan(sheet, number, self.header(sheet, key), message))

    def _warning(self, sheet, number, key, message):
        self.hasil.peringatan.append(Kesalahan(sheet, number, self.header(sheet, key), message))

    def _read(self, sheet, number, key, reader, value, *args):
        """(value, True) when `reader` accepts it; otherwise (None, False) and an error for the cell."""
        try:
            return reader(value, *args), True
        except ValueError as error:
            self._error(sheet, number, key, str(error))
            return None, False

    def _desa(self, sheet, number, raw, key="kode_desa", own=True):
        """The row's Desa, or None with an error; `own`: the importer must be allowed to write it.

        The code may be dotted or undotted, text or a number cell: OpenSID exports drop the dots."""
        shown = nilai.text(raw)
        if not shown:
            self._error(sheet, number, key, "Kode desa wajib diisi, misalnya 63.11.06.2005.")
            return None
        kode = baku_kode(raw)
        if kode is None or not KODE_DESA_PATTERN.match(kode):
            message = (
                f"'{shown}' bukan kode desa; bentuknya PP.KK.CC.DDDD atau tanpa titik PPKKCCDDDD, "
                "misalnya 63.11.06.2005 atau 6311062005."
            )
            self._error(sheet, number, key, message)
            return None
        desa = self.desa.get(kode)
        if desa is None:
            self._error(sheet, number, key, f"Kode desa {kode} tidak terdaftar di KUDAPANMAS.")
            return None
        if own and self.desa_boleh is not None and kode not in self.desa_boleh:
            self._error(sheet, number, key, f"Anda tidak berwenang mengimpor data {desa} ({kode}).")
            return None
        return desa

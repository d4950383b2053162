"""The desa and the date an upload is for, chosen by the importer on the upload form.

None of the upstream layouts carries a Kemendagri desa code (SIAK names the desa, BIP and OpenSID
not even that), so the importer names the desa; the date says when the export was made. The
upload row has no field for them and the shared import steps hand the check only the stored file,
so they travel in the stored file's name, which the server writes and never takes from the browser.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

from desa.kode import baku_kode, tanpa_titik

# The code undotted: storage treats everything after a name's first dot as its extension, and puts
# the suffix that keeps two names apart before it.
_NAMA = re.compile(r"desa-(\d{10})_per-(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Pilihan:
    desa_kode: str
    tanggal: datetime.date

    def nama_berkas(self):
        return f"desa-{tanpa_titik(self.desa_kode)}_per-{self.tanggal.isoformat()}.xlsx"

    @staticmethod
    def dari_form(form):
        """The stored file's name for an upload form's answers (no date asked: today)."""
        tanggal = form.cleaned_data.get("tanggal_data") or timezone.localdate()
        return Pilihan(form.cleaned_data["desa"].pk, tanggal).nama_berkas()

    @classmethod
    def dari_nama(cls, nama):
        """The choice kept in a stored file's name, or None."""
        found = _NAMA.search(nama or "")
        if found is None:
            return None
        try:
            return cls(baku_kode(found.group(1)), datetime.date.fromisoformat(found.group(2)))
        except ValueError:
            return None

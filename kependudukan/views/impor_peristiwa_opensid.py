"""Import of OpenSID's event log in the browser: upload (which desa), preview, confirm.

The steps are kependudukan.views.impor_langkah's; the check and save are our own template's
(kependudukan.impor.luar.peristiwa)."""

from kependudukan.forms.impor_peristiwa_opensid import ImporPeristiwaOpenSIDForm
from kependudukan.impor.jenis import PERISTIWA_OPENSID
from kependudukan.views.impor_langkah import langkah_views

impor_unggah, impor_pratinjau, impor_simpan, impor_ulang = langkah_views(
    PERISTIWA_OPENSID, form_class=ImporPeristiwaOpenSIDForm
)

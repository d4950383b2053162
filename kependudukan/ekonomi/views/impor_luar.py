"""Aid lists as they already come, in the browser: OpenSID's program bantuan workbook and the
SIKS-NG desil ranking, each through the shared steps (kependudukan.views.impor_langkah): upload
(which desa, as of when), check, preview, confirm.
"""

from kependudukan.ekonomi.forms_impor import ImporBantuanForm, ImporDesilForm
from kependudukan.impor.jenis import BANTUAN, DESIL
from kependudukan.views.impor_langkah import langkah_views

bantuan_unggah, bantuan_pratinjau, bantuan_simpan, bantuan_ulang = langkah_views(
    BANTUAN, form_class=ImporBantuanForm
)
desil_unggah, desil_pratinjau, desil_simpan, desil_ulang = langkah_views(DESIL, form_class=ImporDesilForm)

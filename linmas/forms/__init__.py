from linmas.forms.anggota import AnggotaForm
from linmas.forms.kegiatan import KegiatanForm
from linmas.forms.kejadian import KejadianForm
from linmas.forms.program import ProgramForm

__all__ = ["AnggotaForm", "KegiatanForm", "KejadianForm", "ProgramForm"]

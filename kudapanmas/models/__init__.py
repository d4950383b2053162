from kudapanmas.models.pengumuman import Pengumuman
from kudapanmas.models.tugas import StatusTugas, Tugas

__all__ = ["Pengumuman", "StatusTugas", "Tugas"]

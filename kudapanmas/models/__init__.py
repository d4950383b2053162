from kudapanmas.models.pengingat import PengingatTerjadwal, Tahap
from kudapanmas.models.pengumuman import Pengumuman
from kudapanmas.models.tugas import StatusTugas, Tugas

__all__ = ["Pengumuman", "PengingatTerjadwal", "StatusTugas", "Tahap", "Tugas"]

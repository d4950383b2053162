from kudapanmas.models.pengingat import PengingatTerjadwal, Tahap
from kudapanmas.models.pengumuman import Pengumuman

__all__ = ["Pengumuman", "PengingatTerjadwal", "Tahap"]

from kudapanmas.models.pengumuman import Pengumuman

__all__ = ["Pengumuman"]

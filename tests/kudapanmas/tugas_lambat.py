"""Run in a worker process by the kill test: the recap handler, slowed to a second a sheet, so
the test can kill the worker in the middle of a workbook."""

import time

from desa import latar

_asli = latar.HANDLERS["rekap"]


def _lambat(tugas, kemajuan):
    langkah = kemajuan.langkah

    def pelan(selesai, total, sekarang=""):
        langkah(selesai, total, sekarang)
        time.sleep(1)

    kemajuan.langkah = pelan
    return _asli(tugas, kemajuan)


latar.HANDLERS["rekap"] = _lambat

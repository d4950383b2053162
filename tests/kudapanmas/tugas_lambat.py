"""Run in a worker process by the kill and browser tests: the recap and import handlers, slowed
down step by step, so a test can watch them or kill the worker in the middle of a workbook or a save."""

import time

from desa import latar

# Seconds a step: a recap has eleven sheets; an import three or four steps, which a page asking
# every two seconds should see one by one.
JEDA = {"rekap": 1, "impor_periksa": 2.5, "impor_simpan": 2.5}


def _pelan(asli, jeda):
    def lambat(tugas, kemajuan):
        langkah = kemajuan.langkah

        def pelan(selesai, total, sekarang=""):
            langkah(selesai, total, sekarang)
            time.sleep(jeda)

        kemajuan.langkah = pelan
        return asli(tugas, kemajuan)

    return lambat


for kind, jeda in JEDA.items():
    latar.HANDLERS[kind] = _pelan(latar.HANDLERS[kind], jeda)

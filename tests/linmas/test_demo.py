import random

from django.db.models import Count

from desa.periode import Periode
from kudapanmas.demo import linmas as demo
from linmas.models import AnggotaLinmas, FotoKegiatan, Jabatan, Kegiatan, Kejadian, ProgramLinmas
from linmas.ringkasan import ringkasan_linmas


def test_the_demo_fills_every_paringin_desa_once(kecamatan):
    context = {"rng": random.Random(7), "paringin": kecamatan}
    demo.fill(context)
    counts = (
        AnggotaLinmas.objects.count(),
        Kegiatan.objects.count(),
        FotoKegiatan.objects.count(),
        Kejadian.objects.count(),
        ProgramLinmas.objects.count(),
    )
    demo.fill({"rng": random.Random(8), "paringin": kecamatan})
    assert (
        AnggotaLinmas.objects.count(),
        Kegiatan.objects.count(),
        FotoKegiatan.objects.count(),
        Kejadian.objects.count(),
        ProgramLinmas.objects.count(),
    ) == counts

    desa_list = list(kecamatan.desa_set.all())
    assert len(desa_list) == 16
    for row in AnggotaLinmas.objects.filter(aktif=True).values("desa").annotate(n=Count("id")):
        assert 10 <= row["n"] <= 25
    now = ringkasan_linmas(desa_list, Periode.current())
    for ringkasan in now.values():
        assert ringkasan.anggota_per_jabatan[Jabatan.KEPALA_SATUAN] == 1
        assert ringkasan.anggota_per_jabatan[Jabatan.KEPALA_SATUAN_TUGAS] == 1
        assert ringkasan.anggota_per_jabatan[Jabatan.KOMANDAN_REGU] == 5

    months = [Periode.current().shift(-offset) for offset in range(1, 12)]
    met = [
        ringkasan.program_terpenuhi
        for periode in months
        for ringkasan in ringkasan_linmas(desa_list, periode).values()
    ]
    assert all(value is not None for value in met)
    assert sum(met) > len(met) * 0.6  # most months meet the programme, some do not
    assert not all(met)
    assert FotoKegiatan.objects.exists() and Kejadian.objects.exists()

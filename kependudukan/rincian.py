"""The by-name list (BNBA, rincian) behind the numbers, and the counts per RT.

`laporan_rt` pre-fills an RT's monthly report from `jumlah_peristiwa_per_rt`.
"""

from django.db.models import Case, Count, IntegerField, Value, When

from desa.models import RT
from kependudukan.models import JenisKelamin, JenisPeristiwa, Peristiwa

_KIND_ORDER = Case(
    *(When(jenis=jenis, then=Value(index)) for index, jenis in enumerate(JenisPeristiwa.values)),
    output_field=IntegerField(),
)


def rincian_peristiwa(desa_list, periode):
    """The events counted in `periode` for these desa, in desa, kind and date order.

    Each event answers `.terlambat` (late registration), `.belum_cocok` (a move whose other
    half is missing), `.peringatan` (NIK warnings) and `.pasangan_id`.
    """
    return list(rincian_queryset(desa_list, periode))


def rincian_queryset(desa_list, periode):
    """The query behind `rincian_peristiwa`, for callers that narrow it down further."""
    return (
        Peristiwa.objects.in_desa(desa_list)
        .of_month(periode)
        .select_related("desa", "desa_asal_tujuan")
        .annotate(urutan_jenis=_KIND_ORDER)
        .order_by("desa_id", "urutan_jenis", "tanggal_lapor", "pk")
    )


def jumlah_peristiwa_per_rt(desa, periode):
    """{nomor RT: {"LAHIR": {"L": n, "P": n}, "MATI": ..., "DATANG": ..., "PINDAH": ...}}.

    Every active RT of the desa is present (with zeros); events without an RT are under None.
    """

    def empty():
        return {jenis: dict.fromkeys(JenisKelamin.values, 0) for jenis in JenisPeristiwa.values}

    result = {
        nomor: empty() for nomor in RT.objects.filter(desa=desa, aktif=True).values_list("nomor", flat=True)
    }
    counts = (
        Peristiwa.objects.filter(desa=desa)
        .of_month(periode)
        .values("nomor_rt", "jenis", "jenis_kelamin")
        .annotate(jumlah=Count("pk"))
        .order_by()
    )
    for item in counts:
        result.setdefault(item["nomor_rt"], empty())[item["jenis"]][item["jenis_kelamin"]] = item["jumlah"]
    return result

"""The households of some desa as they stood at the end of a month.

Each check of a household is a RiwayatKeluarga dated by its tanggal pemutakhiran; the state in
month M is the latest check dated up to M's last day. A household checked only later did not
exist yet for M's report. One query for any number of desa.
"""

from kependudukan.ekonomi.models import RiwayatKeluarga


def keadaan_keluarga(desa_list, periode):
    """{keluarga id: the RiwayatKeluarga in force at the end of `periode`}, with `.keluarga` loaded."""
    ids = [getattr(desa, "pk", desa) for desa in desa_list]
    rows = (
        RiwayatKeluarga.objects.filter(keluarga__desa_id__in=ids, tanggal_pemutakhiran__lte=periode.akhir)
        .select_related("keluarga")
        .order_by("keluarga_id", "tanggal_pemutakhiran", "pk")
    )
    latest = {}
    for row in rows:
        latest[row.keluarga_id] = row
    return latest

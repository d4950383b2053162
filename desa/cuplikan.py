"""Figures frozen at verification (cuplikan angka).

desa.ledger calls `simpan` inside the verifying transaction and `cabut` inside the transaction
that reopens or returns a verified month, both after the report row is locked.

A kind's numbers are what it registered with `desa.registry.register_angka`. The readers of a
kind (the B.3 rows, the ekonomi, Linmas and RT summaries) ask `berlaku` for the snapshots in
force of the desa and months they read, in one query, and show a verified month from its
snapshot: what the Kasi Trantib verified is what every recap, rapor and kabupaten page shows,
whatever happens to the records behind it, until the month is reopened.
"""

import json
from dataclasses import asdict

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from desa import registry
from desa.models import CuplikanAngka
from desa.models.laporan import Status


def simpan(laporan, user):
    """Store the numbers the verified `laporan` shows as its snapshot in force."""
    # Read while no snapshot of this month is in force, so the numbers come from the records.
    cabut(laporan, "Diganti oleh verifikasi berikutnya.")
    angka = registry.angka(laporan.jenis, laporan.desa, laporan.periode)
    return CuplikanAngka.objects.create(
        laporan=laporan,
        angka=json.loads(json.dumps(angka, cls=DjangoJSONEncoder)),
        versi=laporan.versi,
        dibuat_at=laporan.diverifikasi_at or timezone.now(),
        dibuat_oleh=user,
    )


def cabut(laporan, alasan):
    """Set the snapshot in force of `laporan` aside (kept for the history) with the reason."""
    return CuplikanAngka.objects.filter(laporan=laporan, dicabut_at__isnull=True).update(
        dicabut_at=timezone.now(), alasan_dicabut=alasan[:500]
    )


def berlaku(jenis, desa_ids, *, periode=None, sampai=None):
    """{(desa kode, Periode): CuplikanAngka} in force for verified reports of `jenis` (one query).

    `periode` reads one month; `sampai` every month up to and including it; neither, all months.
    """
    filters = {}
    if periode is not None:
        filters["laporan__periode"] = periode
    if sampai is not None:
        filters["laporan__periode__lte"] = sampai
    rows = (
        CuplikanAngka.objects.filter(
            dicabut_at__isnull=True,
            laporan__jenis=jenis,
            laporan__status=Status.DIVERIFIKASI,
            laporan__desa_id__in=list(desa_ids),
            **filters,
        )
        .select_related("laporan")
        .order_by()
    )
    return {(row.laporan.desa_id, row.laporan.periode): row for row in rows}


def riwayat(laporan):
    """Every snapshot of `laporan`, the one in force last: the history of its verifications."""
    return list(laporan.cuplikan.select_related("dibuat_oleh").order_by("dibuat_at", "pk"))


# The fields of a reader's row that say which desa and how it was read, not what it counts.
BUKAN_ANGKA = ("desa_kode", "desa_nama", "beku_at", "bulan_beku")


def angka_baris(baris):
    """The numbers of a reader's row (a dataclass) as a JSON-able dict, for a snapshot."""
    angka = asdict(baris)
    for name in BUKAN_ANGKA:
        angka.pop(name, None)
    return angka

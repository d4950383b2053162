"""Matching the two halves of a move between two desa in the system.

A PINDAH from desa A naming desa B as its destination is the same move as a DATANG of the
same NIK recorded in desa B (whose origin, when given, is A), whichever is recorded first,
when their event dates lie within 90 days of each other. A move still unmatched 30 days
after it happened is listed for the Kasi Trantib and flagged on both desa's reports.
"""

import datetime
from collections import defaultdict

from django.db.models import Q

from desa.periode import format_tanggal
from kependudukan.models import JenisPeristiwa, Peristiwa

JENDELA_COCOK = datetime.timedelta(days=90)
BATAS_TUNGGU = datetime.timedelta(days=30)
_CHUNK = 500


def cocokkan_pindah(events):
    """Pair every unpaired move among `events` with its other half; returns the number of pairs.

    Works for one event (a form) or thousands (an import) with a query per 500 NIKs.
    """
    niks = sorted({e.nik for e in events if e.is_move and e.nik and e.pasangan_id is None})
    if not niks:
        return 0
    candidates = []
    for start in range(0, len(niks), _CHUNK):
        candidates += Peristiwa.objects.filter(
            nik__in=niks[start : start + _CHUNK],
            jenis__in=[JenisPeristiwa.PINDAH, JenisPeristiwa.DATANG],
            pasangan__isnull=True,
        ).order_by("tanggal_peristiwa", "pk")
    by_nik = defaultdict(list)
    for candidate in candidates:
        by_nik[candidate.nik].append(candidate)
    paired = {}
    for items in by_nik.values():
        arrivals = [item for item in items if item.jenis == JenisPeristiwa.DATANG]
        for departure in items:
            if departure.jenis != JenisPeristiwa.PINDAH or departure.desa_asal_tujuan_id is None:
                continue
            arrival = next((a for a in arrivals if a.pasangan_id is None and _fits(departure, a)), None)
            if arrival:
                departure.pasangan_id, arrival.pasangan_id = arrival.pk, departure.pk
                paired[departure.pk], paired[arrival.pk] = departure, arrival
    Peristiwa.objects.bulk_update(paired.values(), ["pasangan"], batch_size=_CHUNK)
    for event in events:
        if event.pk in paired:
            event.pasangan_id = paired[event.pk].pasangan_id
    return len(paired) // 2


def _fits(departure, arrival):
    return (
        arrival.desa_id == departure.desa_asal_tujuan_id
        and arrival.desa_asal_tujuan_id in (None, departure.desa_id)
        and abs(arrival.tanggal_peristiwa - departure.tanggal_peristiwa) <= JENDELA_COCOK
    )


def lepaskan_pasangan(event):
    """Unpair an event before its move details change; returns the former partner's pk."""
    partner_id = event.pasangan_id
    Peristiwa.objects.filter(Q(pk=event.pk) | Q(pasangan=event.pk)).update(pasangan=None)
    if partner_id:
        Peristiwa.objects.filter(pk=partner_id).update(pasangan=None)
    event.pasangan_id = None
    return partner_id


def belum_cocok(queryset, hari_ini):
    """Moves of `queryset` still unmatched 30 days after they happened, oldest first."""
    return (
        queryset.awaiting_partner()
        .filter(tanggal_peristiwa__lte=hari_ini - BATAS_TUNGGU)
        .select_related("desa", "desa_asal_tujuan")
        .order_by("tanggal_peristiwa", "pk")
    )


def penjelasan(event):
    """What the missing other half is, in a sentence."""
    if event.jenis == JenisPeristiwa.PINDAH:
        return (
            f"Pindah ke {event.desa_asal_tujuan} pada {format_tanggal(event.tanggal_peristiwa)}, "
            f"tetapi {event.desa_asal_tujuan} belum mencatat kedatangannya."
        )
    return (
        f"Datang dari {event.desa_asal_tujuan} pada {format_tanggal(event.tanggal_peristiwa)}, "
        f"tetapi {event.desa_asal_tujuan} belum mencatat kepindahannya."
    )

"""Demo population data: each Paringin desa states its data awal twelve months back, then a
believable stream of events follows (births ~16 and deaths ~7 per 1,000 people a year, a
few arrivals and departures a month), with some late registrations, moves between Paringin
desa matched on both sides, and two moves left unmatched.

Safe to run twice: a desa that already has its data awal is left alone. Each desa draws
from its own seeded generator, so the data is the same on every machine.
"""

import datetime
import math
import random

from django.utils import timezone

from desa.models import RT, Desa
from desa.periode import Periode
from kependudukan import aturan
from kependudukan.models import (
    DataAwal,
    JenisPeristiwa,
    Peristiwa,
    RiwayatPeristiwa,
    SebabKematian,
    TingkatPindah,
)
from kependudukan.models.peristiwa import AksiRiwayat
from kependudukan.pindah import cocokkan_pindah
from kudapanmas.demo.nama import nama_orang

BULAN_KEMBALI = 12
ASAL_LUAR = [
    ("6371", "Banjarmasin"), ("6372", "Banjarbaru"), ("6309", "Tabalong"), ("6308", "Hulu Sungai Utara"),
    ("6307", "Hulu Sungai Tengah"), ("6403", "Kutai Kartanegara"), ("3578", "Surabaya"),
]  # fmt: skip
TEMPAT_LAHIR = ["Puskesmas Paringin", "RSUD Balangan", "Rumah", "Bidan desa"]
SEBAB = [SebabKematian.SAKIT] * 8 + [SebabKematian.KECELAKAAN, SebabKematian.LAINNYA]


def fill(context):
    paringin = context["paringin"]
    today = timezone.localdate()
    first = Periode.of(today).shift(-BULAN_KEMBALI)
    desa_list = list(Desa.objects.filter(kecamatan=paringin).select_related("kecamatan"))
    started = set(DataAwal.objects.filter(desa__in=desa_list).values_list("desa_id", flat=True))
    fresh = [desa for desa in desa_list if desa.pk not in started]
    if not fresh:
        return
    rt_numbers = {}
    for desa_id, nomor in RT.objects.filter(desa__in=fresh).values_list("desa_id", "nomor"):
        rt_numbers.setdefault(desa_id, []).append(nomor)
    events = []
    for desa in fresh:
        rng = random.Random(f"kependudukan:{desa.pk}")
        events += _desa_events(desa, rng, first, today, rt_numbers.get(desa.pk, []))
    events += _moves(fresh, random.Random("kependudukan:pindah"), first, today)
    events = _unique(events)
    for event in events:
        _, event.peringatan = aturan.periksa_nik(
            event.jenis, event.nik, event.jenis_kelamin, event.tanggal_lahir
        )
        event.fill_derived_fields()
    created = Peristiwa.objects.bulk_create(events, batch_size=500)
    RiwayatPeristiwa.objects.bulk_create(
        [
            RiwayatPeristiwa(
                peristiwa_id=e.pk, desa_id=e.desa_id, aksi=AksiRiwayat.DIBUAT, ringkasan=_summary(e)
            )
            for e in created
        ],
        batch_size=500,
    )
    cocokkan_pindah(created)
    context["stdout"].write(f"Kependudukan: data awal {len(fresh)} desa, {len(created)} peristiwa.")


def _desa_events(desa, rng, first, today, rt_numbers):
    jiwa = rng.randint(1000, 5000)
    wna = rng.choice([0, 0, 0, 1, 2, 3])
    wni = jiwa - wna
    wni_l = round(wni * rng.uniform(0.495, 0.515))
    DataAwal.objects.create(
        desa=desa,
        periode=first,
        wni_l=wni_l,
        wni_p=wni - wni_l,
        wna_l=wna // 2 + wna % 2,
        wna_p=wna // 2,
        jumlah_kk=round(jiwa / rng.uniform(3.1, 3.5)),
    )
    events = []
    periode = first
    while periode <= Periode.of(today):
        last_day = min(periode.akhir, today)
        counts = {
            JenisPeristiwa.LAHIR: _poisson(rng, jiwa * 16 / 1000 / 12),
            JenisPeristiwa.MATI: _poisson(rng, jiwa * 7 / 1000 / 12),
            JenisPeristiwa.DATANG: _poisson(rng, 1.6),
            JenisPeristiwa.PINDAH: _poisson(rng, 1.8),
        }
        for jenis, count in counts.items():
            for _ in range(count):
                lapor = periode.awal + datetime.timedelta(days=rng.randint(0, last_day.day - 1))
                events.append(_event(desa, jenis, lapor, rng, rt_numbers))
        periode = periode.next()
    return events


def _event(desa, jenis, lapor, rng, rt_numbers):
    late = rng.random() < 0.06
    gap = rng.randint(40, 150) if late else rng.randint(0, 9)
    tanggal = max(lapor - datetime.timedelta(days=gap), datetime.date(lapor.year - 1, 1, 1))
    jenis_kelamin = rng.choice("LP")
    event = Peristiwa(
        desa=desa,
        jenis=jenis,
        tanggal_peristiwa=tanggal,
        tanggal_lapor=lapor,
        jenis_kelamin=jenis_kelamin,
        nama=nama_orang(rng, jenis_kelamin),
        nomor_rt=rng.choice(rt_numbers) if rt_numbers else None,
        no_kk=f"631106{rng.randint(10**9, 10**10 - 1)}",
    )
    if jenis == JenisPeristiwa.LAHIR:
        event.tanggal_lahir = tanggal
        event.tempat_lahir = rng.choice(TEMPAT_LAHIR)
        event.nama_ayah = nama_orang(rng, "L")
        event.nama_ibu = nama_orang(rng, "P")
        if rng.random() < 0.7:
            event.nik = _nik(rng, "631106", tanggal, jenis_kelamin)
        return event
    lahir = tanggal - datetime.timedelta(days=rng.randint(18 * 365, 80 * 365))
    if jenis == JenisPeristiwa.MATI:
        lahir = tanggal - datetime.timedelta(days=rng.randint(50 * 365, 90 * 365))
        event.sebab_kematian = rng.choice(SEBAB)
        event.tempat_meninggal = rng.choice(["Rumah", "RSUD Balangan", "Puskesmas Paringin"])
    event.tanggal_lahir = lahir
    wilayah = "631106"
    if jenis in (JenisPeristiwa.DATANG, JenisPeristiwa.PINDAH):
        kode, kota = rng.choice(ASAL_LUAR)
        event.kepala_keluarga = rng.random() < 0.35
        event.alamat_asal_tujuan = f"Kota/Kab. {kota}"
        if jenis == JenisPeristiwa.DATANG:
            wilayah = f"{kode}{rng.randint(1, 9):02d}"
        else:
            event.tingkat_pindah = (
                TingkatPindah.ANTAR_PROVINSI if kode == "3578" else TingkatPindah.ANTAR_KABUPATEN
            )
    # A few people whose recorded sex disagrees with their NIK: a Temuan to look at.
    nik_sex = jenis_kelamin if rng.random() > 0.01 else ("P" if jenis_kelamin == "L" else "L")
    event.nik = _nik(rng, wilayah, lahir, nik_sex)
    return event


def _moves(desa_list, rng, first, today):
    """Moves between Paringin desa: both halves recorded, except the last two."""
    if len(desa_list) < 2:
        return []
    events = []
    span = (today - first.awal).days
    for number in range(10):
        asal, tujuan = rng.sample(desa_list, 2)
        pindah = _event(
            asal,
            JenisPeristiwa.PINDAH,
            first.awal + datetime.timedelta(days=rng.randint(0, span - 60)),
            rng,
            [],
        )
        pindah.tanggal_peristiwa = pindah.tanggal_lapor - datetime.timedelta(days=rng.randint(0, 3))
        pindah.desa_asal_tujuan = tujuan
        pindah.tingkat_pindah = TingkatPindah.ANTAR_DESA
        pindah.alamat_asal_tujuan = f"{tujuan}, {tujuan.kecamatan}"
        events.append(pindah)
        if number >= 8:
            continue  # left unmatched: the Kasi Trantib's list shows them
        datang = _event(
            tujuan,
            JenisPeristiwa.DATANG,
            pindah.tanggal_lapor + datetime.timedelta(days=rng.randint(3, 20)),
            rng,
            [],
        )
        datang.nik, datang.nama, datang.jenis_kelamin = pindah.nik, pindah.nama, pindah.jenis_kelamin
        datang.tanggal_lahir, datang.kepala_keluarga = pindah.tanggal_lahir, pindah.kepala_keluarga
        datang.tanggal_lapor = min(datang.tanggal_lapor, today)
        datang.tanggal_peristiwa = max(
            pindah.tanggal_peristiwa, datang.tanggal_lapor - datetime.timedelta(days=2)
        )
        datang.desa_asal_tujuan = asal
        datang.alamat_asal_tujuan = f"{asal}, {asal.kecamatan}"
        events.append(datang)
    return events


def _unique(events):
    seen, kept = set(), []
    for event in events:
        event.fill_derived_fields()
        key = (event.desa_id, event.jenis, event.kunci, event.tanggal_peristiwa)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _nik(rng, wilayah, lahir, jenis_kelamin):
    day = lahir.day + (40 if jenis_kelamin == "P" else 0)
    return f"{wilayah}{day:02d}{lahir.month:02d}{lahir.year % 100:02d}{rng.randint(1, 9999):04d}"


def _poisson(rng, mean):
    """Knuth's method: small means only, which is all a desa month needs."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _summary(event):
    return f"{event.get_jenis_display()} {event.nama}"[:200]

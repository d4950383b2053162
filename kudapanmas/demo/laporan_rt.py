"""Laporan RT demo: twelve finished months of RT reports for every desa of Paringin, a few RT
missing (more in the last month, still being collected), and two Ketua RT accounts of Desa Balang.

Each RT's numbers run on from month to month. When the kependudukan demo has events, an
RT reports exactly its recorded events and its people start from the desa's B.3 row split
over its RT, so the findings show only the few differences put in on purpose. A report that
already exists is kept and read as the start of the next month, so a second run adds nothing.
"""

import datetime
import random

from django.db.models import Count, Q

from desa.models import RT, Desa, Pengguna
from desa.periode import WITA, Periode
from desa.scoping import Peran
from kependudukan.b3 import rekap_b3
from kependudukan.models import Peristiwa
from kudapanmas.demo.akun import _user
from laporan_rt.models import PERISTIWA_FIELDS, KejadianRT, LaporanRT, TamuWajibLapor

BULAN = 12
KODE_BALANG = "63.11.06.2005"
PELUANG_TIDAK_MELAPOR = 0.05
PELUANG_TIDAK_MELAPOR_BULAN_TERAKHIR = 0.3
NO_EVENTS = {**{jenis: {"L": 0, "P": 0} for jenis in PERISTIWA_FIELDS}, "KK": [0, 0]}
TAMU = [
    ("Muhammad Fahmi", "Banjarmasin", "Mengunjungi keluarga"),
    ("Rahmawati", "Amuntai", "Bekerja di kebun karet"),
    ("Hendra Saputra", "Tanjung", "Proyek jalan desa"),
    ("Siti Maulida", "Barabai", "Menjaga orang tua sakit"),
    ("Zainal Abidin", "Kandangan", "Berdagang di pasar Paringin"),
]
KEJADIAN = [
    ("pencurian", "Pencurian tabung gas di teras rumah warga."),
    ("bencana", "Banjir setinggi 30 cm di jalan RT setelah hujan deras."),
    ("kebakaran", "Kebakaran lahan semak di belakang rumah, padam dalam satu jam."),
    ("perkelahian", "Keributan antarpemuda saat acara malam; diselesaikan secara kekeluargaan."),
    ("kecelakaan", "Pengendara motor terjatuh di jalan berlubang."),
]
MASALAH = [
    "Jalan lingkungan berlubang dan tergenang saat hujan.",
    "Lampu penerangan jalan di ujung RT padam.",
    "Beberapa warga lanjut usia belum terdaftar BPJS.",
    "Saluran air tersumbat sampah.",
]
USULAN = [
    "Pengadaan lampu jalan tenaga surya.",
    "Kerja bakti bulanan membersihkan saluran air.",
    "Pos ronda perlu diperbaiki atapnya.",
    "Pendataan ulang warga pendatang setiap tiga bulan.",
]


def fill(context):
    paringin = context["paringin"]
    months = [Periode.current().shift(-offset) for offset in range(BULAN, 0, -1)]
    desa_list = list(Desa.objects.filter(kecamatan=paringin).select_related("kecamatan"))
    rts = list(RT.objects.filter(desa__in=desa_list, aktif=True).order_by("desa_id", "nomor"))
    existing = {
        (laporan.rt_id, laporan.periode): laporan
        for laporan in LaporanRT.objects.filter(rt__in=rts, periode__in=months)
    }
    events = _events(desa_list, months)
    with_events = {desa_id for desa_id, _, _ in events}
    starts = _starts(desa_list, rts, months)
    operators = dict(
        Pengguna.objects.filter(peran=Peran.OPERATOR_DESA, desa__in=desa_list).values_list("desa_id", "pk")
    )
    new_reports, children = [], []
    for rt in rts:
        rng = random.Random(f"laporan-rt-{rt.desa_id}-{rt.nomor}")
        state = None
        for periode in months:
            # The random draws are the same on every run, so a second run makes the same choices.
            state = starts.get((rt.pk, periode), state) or _random_start(rng)
            counts = _random_events(rng)
            if rt.desa_id in with_events:
                counts = events.get((rt.desa_id, rt.nomor, periode), NO_EVENTS)
            laporan = _report(rng, rt, periode, state, counts, operators.get(rt.desa_id))
            chance = PELUANG_TIDAK_MELAPOR_BULAN_TERAKHIR if periode == months[-1] else PELUANG_TIDAK_MELAPOR
            missing = rng.random() < chance
            extra = _children(rng, periode)
            laporan = existing.get((rt.pk, periode)) or laporan
            state = (laporan.akhir_kk, laporan.akhir_l, laporan.akhir_p)
            if laporan.pk is None and not missing:
                new_reports.append(laporan)
                children.append(extra)
    LaporanRT.objects.bulk_create(new_reports)
    tamu, kejadian = [], []
    for laporan, (guests, incidents) in zip(new_reports, children, strict=True):
        for item in guests:
            item.laporan = laporan
            tamu.append(item)
        for item in incidents:
            item.laporan = laporan
            kejadian.append(item)
    TamuWajibLapor.objects.bulk_create(tamu)
    KejadianRT.objects.bulk_create(kejadian)
    _ketua_rt_accounts(context)


def _events(desa_list, months):
    """{(desa, RT, month): {"LAHIR": {"L": n, "P": n}, ..., "KK": (heads arriving, heads leaving)}}."""
    counts = {}
    rows = (
        Peristiwa.objects.filter(desa__in=desa_list, periode__in=months, nomor_rt__isnull=False)
        .values("desa_id", "nomor_rt", "periode", "jenis", "jenis_kelamin")
        .annotate(jumlah=Count("pk"), kepala=Count("pk", filter=Q(kepala_keluarga=True)))
        .order_by()
    )
    for row in rows:
        key = (row["desa_id"], row["nomor_rt"], row["periode"])
        item = counts.setdefault(
            key, {**{jenis: {"L": 0, "P": 0} for jenis in PERISTIWA_FIELDS}, "KK": [0, 0]}
        )
        item[row["jenis"]][row["jenis_kelamin"]] = row["jumlah"]
        if row["jenis"] == "DATANG":
            item["KK"][0] += row["kepala"]
        elif row["jenis"] == "PINDAH":
            item["KK"][1] += row["kepala"]
    return counts


def _starts(desa_list, rts, months):
    """{(RT, month): (KK, L, P)}: the desa's B.3 start of its first month with data, split over its RT."""
    by_desa = {}
    for rt in rts:
        by_desa.setdefault(rt.desa_id, []).append(rt)
    starts = {}
    pending = [desa for desa in desa_list if desa.pk in by_desa]
    for periode in months:
        if not pending:
            break
        rows = rekap_b3(pending, periode)
        for desa in list(pending):
            row = rows[desa.pk]
            if not row.ada_data:
                continue
            pending.remove(desa)
            awal = row.awal
            totals = (row.kk_awal, awal.wna_l + awal.wni_l, awal.wna_p + awal.wni_p)
            for rt, share in zip(by_desa[desa.pk], _split(totals, len(by_desa[desa.pk])), strict=True):
                starts[(rt.pk, periode)] = share
    return starts


def _split(totals, parts):
    """Split each total into `parts` near-equal whole numbers that add up exactly."""
    columns = [
        [total // parts + (1 if index < total % parts else 0) for index in range(parts)] for total in totals
    ]
    return list(zip(*columns, strict=True))


def _random_start(rng):
    kk = rng.randint(25, 70)
    return kk, kk * 2 + rng.randint(-5, 10), kk * 2 + rng.randint(-5, 10)


def _random_events(rng):
    def pair(high):
        return {
            "L": rng.choice([0] * 3 + list(range(high + 1))),
            "P": rng.choice([0] * 3 + list(range(high + 1))),
        }

    return {
        "LAHIR": pair(1),
        "MATI": pair(1),
        "DATANG": pair(2),
        "PINDAH": pair(1),
        "KK": [rng.randint(0, 1), 0],
    }


def _report(rng, rt, periode, state, counts, operator_id):
    kk, laki, perempuan = state
    values = {
        name: counts[jenis][jk] for jenis, fields in PERISTIWA_FIELDS.items() for jk, name in fields.items()
    }
    catatan = ""
    if rng.random() < 0.03:
        values["lahir_p"] += 1
        catatan = "Satu bayi lahir di rumah; keluarganya belum melapor ke desa."
    laporan = LaporanRT(
        desa_id=rt.desa_id,
        rt=rt,
        periode=periode,
        awal_kk=kk,
        awal_l=laki,
        awal_p=perempuan,
        akhir_kk=max(kk + counts["KK"][0] - counts["KK"][1], 0),
        catatan_perbedaan=catatan,
        kegiatan_gotong_royong=rng.randint(0, 2),
        kegiatan_ronda=rng.randint(2, 8),
        kegiatan_posyandu=1,
        kegiatan_pengajian=rng.randint(1, 4),
        kegiatan_lainnya=rng.choice([0, 0, 0, 1]),
        masalah=rng.choice(MASALAH) if rng.random() < 0.12 else "",
        usulan=rng.choice(USULAN) if rng.random() < 0.1 else "",
        dikirim_at=datetime.datetime.combine(
            periode.next().awal.replace(day=rng.choice([1, 2, 2, 3, 3, 4, 5, 7])),
            datetime.time(rng.randint(8, 20), rng.randint(0, 59)),
            tzinfo=WITA,
        ),
        dikirim_oleh_id=operator_id,
        diubah_oleh_id=operator_id,
        **values,
    )
    laporan.akhir_l, laporan.akhir_p = (max(value, 0) for value in laporan.hitung_akhir())
    return laporan


def _children(rng, periode):
    guests, incidents = [], []
    if rng.random() < 0.08:
        nama, asal, keperluan = rng.choice(TAMU)
        datang = periode.awal + datetime.timedelta(days=rng.randint(0, 20))
        guests.append(
            TamuWajibLapor(
                nama=nama,
                nomor_identitas=_nik(rng),
                asal=asal,
                keperluan=keperluan,
                tanggal_datang=datang,
                tanggal_pergi=datang + datetime.timedelta(days=rng.randint(2, 7))
                if rng.random() < 0.7
                else None,
            )
        )
    if rng.random() < 0.05:
        jenis, uraian = rng.choice(KEJADIAN)
        tanggal = periode.awal + datetime.timedelta(days=rng.randint(0, 26))
        incidents.append(KejadianRT(jenis=jenis, tanggal=tanggal, uraian=uraian))
    return guests, incidents


def _nik(rng):
    lahir = datetime.date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
    day = lahir.day + (40 if rng.random() < 0.5 else 0)
    return f"6371{rng.randint(1, 5):02d}{day:02d}{lahir:%m%y}{rng.randint(1, 999):04d}"


def _ketua_rt_accounts(context):
    for rt in RT.objects.filter(desa_id=KODE_BALANG, nomor__in=[1, 2]).order_by("nomor"):
        context["accounts"].append(
            _user(
                f"ketua.rt{rt.nomor}.balang",
                rt.nama_ketua or f"Ketua {rt}",
                peran=Peran.KETUA_RT,
                rt=rt,
                telepon=rt.telepon_ketua,
            )
        )

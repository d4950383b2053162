"""Benchmark of the compliance and report pages at national scale, on PostgreSQL 15.

Builds two databases in the PostgreSQL server that `DATABASE_URL` names (a throwaway one:
scripts/with-postgres.sh starts it and stops it again):
- `balangan`: the migrations alone (they load Kabupaten Balangan 63.11: 8 kecamatan, 157 desa),
- `nasional`: the migrations, then the whole country's wilayah (`muat_wilayah`: 38 provinsi,
  514 kabupaten/kota, 7,285 kecamatan, 83,762 desa),
and fills each the same way: five years (the 60 months ending last month) of ledger rows for
every desa and every kind, in a realistic mix of states (mostly verified on time, some late,
waiting or returned, a few extended, about 8 % never sent), some 20 million rows nationally;
and a year of population events (about 10 a desa a month) with the data awal of each desa, for
the desa of provinsi 63 (Kalimantan Selatan) nationally and for Balangan's 157 desa. Rows go in
with PostgreSQL COPY streamed from a generator, month by month, each month's desa in a shuffled
order as their sends arrive (so a desa's rows are spread over the table as in production). The
ledger's secondary indexes and its UNIQUE constraint are dropped for the load and made again
from their own definitions (checked identical afterwards); its primary key and foreign keys
stay, so every row's desa is checked as it goes in. The events of the other provinsi are
counted on paper only, from the measured rate. Then VACUUM ANALYZE. Each step's time is printed.

Then it times five pages (one of them twice), each a whole request through Django's test
client as a user of the right role, for last month, alternating between the two databases (the
default connection is pointed at one or the other before each request, and checked by counting
its desa):
- the kecamatan dashboard of 63.11.06 (Kasi Trantib), goal within 1.2x of Balangan,
- the kabupaten overview of 63.11 (Kabupaten), goal within 1.5x,
- the provinsi overview of 63 (Provinsi), goal within 1.5x; nationally it has a row for each of
  the provinsi's 13 kabupaten/kota where Balangan's database has one, so the time per
  kabupaten row is printed too. It is timed twice: as most looks find it, its counts kept
  under the version of the provinsi's data, and counted afresh (the cache emptied before each
  request), as the first look after a write to one of its desa does,
- the B.3 page of desa 63.11.06.2005 (its operator), goal within 1.2x,
- the kecamatan recap of 63.11.06 for the month, an xlsx download (Kasi Trantib), goal within 1.2x.
Each page's query count must be the same on both databases. For each it prints the medians,
the ratio and the verdicts; then every query of the page on `nasional` is explained (EXPLAIN
ANALYZE for reads) and the scans of its plans are listed; a sequential scan of a large table
(the ledger, the events, desa, kecamatan) is reported as `explain_<page>=seq_scan:<tables>`.
Last a summary block of `key=value` lines.

Run it through the throwaway PostgreSQL (the full build takes some minutes):
`scripts/with-postgres.sh .venv/bin/python bench/nasional.py [--runs 15] [--skala 0.05]`
`--skala` fills only that share of the desa outside Kabupaten Balangan, for quick trials.
"""

import argparse
import datetime
import gc
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent

NASIONAL, BALANGAN = "nasional", "balangan"
DATABASES = (NASIONAL, BALANGAN)
LEDGER_MONTHS = 60
EVENT_MONTHS = 12
EVENTS_PER_MONTH = 10  # on average, a desa
PROVINSI = "63"
KABUPATEN = "63.11"
KECAMATAN = "63.11.06"
DESA = "63.11.06.2005"
RUNS = 15
BATCH = 20_000  # COPY lines sent at once
# page: the goal, as the largest nasional/balangan ratio allowed
GOALS = {
    "kecamatan": 1.2,
    "kabupaten": 1.5,
    "provinsi": 1.5,
    "provinsi_dingin": 1.5,
    "desa_b3": 1.2,
    "rekap_kecamatan": 1.2,
}
# Tables whose sequential scan is a finding; another table's is printed as "kecil".
LARGE_TABLES = {"desa_laporanbulanan", "kependudukan_peristiwa", "desa_desa", "desa_kecamatan"}
LARGE_ROWS = 10_000  # any other table with at least this many rows counts as large too


def elapsed(started):
    return time.perf_counter() - started


def postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in ("postgres", "postgresql"):
        print(
            "Bench ini memerlukan PostgreSQL: jalankan lewat "
            "`scripts/with-postgres.sh .venv/bin/python bench/nasional.py`.",
            file=sys.stderr,
        )
        sys.exit(2)
    return url


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_databases(url):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        for name in DATABASES:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
    return version


def setup_django(url, folder):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kudapanmas.settings_test"
    os.environ["DATABASE_URL"] = with_database(url, NASIONAL)
    os.environ["KUDAPANMAS_VAR_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("DJANGO_HTTPS", "false")
    import django

    django.setup()


def use(name):
    """Point the default connection at database `name` (the next query connects to it).

    Django's cache is left as it is: the provinsi overview keys its counts by the version of the
    provinsi's data (its desa's versi_data and their number), which differ between the two
    databases, so neither can be served the other's counts; `Page.kosongkan` empties it."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = name
    ContentType.objects.clear_cache()


class Step:
    """Times the build steps and prints each as it ends."""

    def __init__(self):
        self.started = time.perf_counter()
        self.steps = []

    def __call__(self, label, action, *args):
        started = time.perf_counter()
        result = action(*args)
        seconds = elapsed(started)
        self.steps.append((label, seconds))
        note = f" ({result})" if isinstance(result, str) else ""
        print(f"  {label}: {seconds:.1f} s{note}", flush=True)
        return result

    @property
    def total(self):
        return elapsed(self.started)


# --- the build -------------------------------------------------------------------------------


def migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load_wilayah():
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("muat_wilayah", stdout=out)
    return out.getvalue().strip().splitlines()[0]


def counts():
    from desa.models import Desa, Kabupaten, Kecamatan, Provinsi

    return (
        f"{Provinsi.objects.count()} provinsi, {Kabupaten.objects.count()} kabupaten/kota, "
        f"{Kecamatan.objects.count()} kecamatan, {Desa.objects.count()} desa"
    )


def chosen_desa(skala, rng):
    """The desa to fill, in code order: all at full scale; else Balangan's and a share of the others."""
    from desa.models import Desa

    kode = list(Desa.objects.order_by("kode").values_list("kode", flat=True))
    if skala >= 1:
        return kode
    return [item for item in kode if item.startswith(KABUPATEN + ".") or rng.random() < skala]


def columns_of(model, skip=("id",)):
    """The model's concrete columns, checked against the table as the migrations made it: every
    NOT NULL column without a default must be filled by the COPY."""
    from django.db import connection

    table = model._meta.db_table
    wanted = [field.column for field in model._meta.concrete_fields if field.column not in skip]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, is_nullable, column_default FROM information_schema.columns "
            "WHERE table_name = %s ORDER BY ordinal_position",
            [table],
        )
        real = cursor.fetchall()
    names = [name for name, _, _ in real]
    missing = [
        name
        for name, nullable, default in real
        if name not in wanted and name not in skip and nullable == "NO" and not default
    ]
    if sorted(names) != sorted([*wanted, *skip]) or missing:
        raise SystemExit(f"{table}: columns {names} differ from the model's {wanted} (unfilled: {missing})")
    return table, wanted


def copy_rows(table, columns, lines):
    """COPY text lines (tab-separated, \\N for NULL) into table; returns (rows, seconds)."""
    from django.db import connection
    from psycopg.copy import QueuedLibpqWriter

    started = time.perf_counter()
    count = 0
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor
        with cursor.copy(sql, writer=QueuedLibpqWriter(cursor)) as copy:
            batch = []
            for line in lines:
                batch.append(line)
                if len(batch) == BATCH:
                    copy.write("".join(batch).encode())
                    count += len(batch)
                    batch = []
            copy.write("".join(batch).encode())
            count += len(batch)
    return count, elapsed(started)


def stamp(moment):
    return moment.strftime("%Y-%m-%d %H:%M:00+08")  # WITA


def ledger_lines(desa_list, last, rng):
    """The ledger's COPY lines, oldest month first, each month's (desa, kind) pairs shuffled.

    The mix of bench/dashboard.py's fill_ledger: about 8 % never sent, 10 % late, the last two
    months' sends partly still waiting, 3 % returned; and 0.2 % with an extended deadline."""
    from desa.models.laporan import JenisLaporan, Status

    kinds = list(JenisLaporan.values)
    pairs = [f"{kode}\t{jenis}\t" for kode in desa_list for jenis in kinds]
    rnd = rng.random
    for back in range(LEDGER_MONTHS - 1, -1, -1):
        periode = last.shift(-back)
        following = periode.next()
        awal = f"{periode.awal.isoformat()}\t"

        def sends(first_day, last_day, following=following):
            # (sent, verified two days later) at every hour of office days
            return [
                (stamp(sent), stamp(sent + datetime.timedelta(days=2, minutes=37)))
                for day in range(first_day, last_day + 1)
                for hour in range(8, 17)
                for sent in [datetime.datetime(following.tahun, following.bulan, day, hour, day * 3)]
            ]

        on_time, late = sends(1, 5), sends(6, 12)
        extended = datetime.date(following.tahun, following.bulan, 20).isoformat()
        rng.shuffle(pairs)
        for pair in pairs:
            draw = rnd()
            if draw < 0.08:
                continue
            choices = late if draw > 0.9 else on_time
            sent, verified = choices[int(rnd() * len(choices))]
            batas, alasan = (extended, "Operator sakit") if draw < 0.082 else ("\\N", "")
            if back < 2 and draw > 0.6:
                status, verified, catatan, versi = Status.DIKIRIM, "\\N", "", 1
            elif 0.85 < draw <= 0.88:
                status, verified, catatan, versi = Status.DIKEMBALIKAN, "\\N", "Perbaiki data", 2
            else:
                status, catatan, versi = Status.DIVERIFIKASI, "", 2
            # status, nihil, keterangan, pertama_dikirim_at, dikirim_at, dikirim_oleh_id,
            # diverifikasi_at, diverifikasi_oleh_id, catatan_kembali, batas_waktu_perpanjangan,
            # alasan_perpanjangan, versi
            yield (
                f"{pair}{awal}{status}\tf\t\t{sent}\t{sent}\t\\N\t{verified}\t\\N\t{catatan}\t"
                f"{batas}\t{alasan}\t{versi}\n"
            )


LEDGER_COLUMNS = [
    "desa_id", "jenis", "periode", "status", "nihil", "keterangan", "pertama_dikirim_at",
    "dikirim_at", "dikirim_oleh_id", "diverifikasi_at", "diverifikasi_oleh_id", "catatan_kembali",
    "batas_waktu_perpanjangan", "alasan_perpanjangan", "versi",
]  # fmt: skip


def secondary_indexes(table):
    """[(name, definition)] of the table's indexes that back no constraint."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE x.indrelid = %s::regclass "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
            "ORDER BY i.relname",
            [table],
        )
        return cursor.fetchall()


def unique_constraints(table):
    """[(name, definition)] of the table's UNIQUE constraints (not its primary key)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'u' ORDER BY conname",
            [table],
        )
        return cursor.fetchall()


def schema_of(table):
    """Every index and constraint of the table, as PostgreSQL writes them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s ORDER BY indexname", [table]
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass ORDER BY conname",
            [table],
        )
        return indexes, cursor.fetchall()


def fill_ledger(desa_list, last, seed):
    """COPY the ledger with its secondary indexes and its UNIQUE constraint dropped, then make them
    again from their own definitions (the primary key and the foreign keys stay, so every row's
    desa is checked as it goes in)."""
    from django.db import connection

    from desa.models import LaporanBulanan

    table, columns = columns_of(LaporanBulanan)
    assert columns == LEDGER_COLUMNS, columns
    before = schema_of(table)
    indexes, uniques = secondary_indexes(table), unique_constraints(table)
    with connection.cursor() as cursor:
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        for name, _ in uniques:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    rows, copy_seconds = copy_rows(table, columns, ledger_lines(desa_list, last, random.Random(seed)))
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for name, definition in uniques:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for _, definition in indexes:
            cursor.execute(definition)
        cursor.execute("RESET maintenance_work_mem")
    index_seconds = elapsed(started)
    after = schema_of(table)
    if after != before:
        raise SystemExit(f"{table}: indexes or constraints differ after the load:\n{before}\n{after}")
    return (
        f"{rows:,} rows: COPY {copy_seconds:.1f} s ({rows / copy_seconds:,.0f} rows/s), "
        f"{len(uniques)} unique constraint and {len(indexes)} indexes made again {index_seconds:.1f} s; "
        f"all {len(after[0])} indexes and {len(after[1])} constraints as the migrations made them"
    ), rows


def event_lines(desa_list, last, rng):
    """A year of events for each desa, about 10 a month (as bench/rekap.py draws them)."""
    from kudapanmas.demo.nama import nama_orang

    kinds = ["LAHIR"] * 30 + ["MATI"] * 15 + ["DATANG"] * 30 + ["PINDAH"] * 25
    cities = ["Banjarmasin", "Banjarbaru", "Tabalong", "Hulu Sungai Utara", "Kutai Kartanegara", "Surabaya"]
    months = [last.shift(-back) for back in range(EVENT_MONTHS - 1, -1, -1)]
    for desa in desa_list:
        wilayah = desa[:8].replace(".", "")
        serial = 0
        for periode in months:
            for _ in range(rng.randint(EVENTS_PER_MONTH - 3, EVENTS_PER_MONTH + 3)):
                serial += 1
                jenis = rng.choice(kinds)
                lapor = periode.awal + datetime.timedelta(days=rng.randint(0, periode.akhir.day - 1))
                late = rng.random() < 0.03
                tanggal = lapor - datetime.timedelta(days=rng.randint(40, 90) if late else rng.randint(0, 9))
                jenis_kelamin = rng.choice("LP")
                if jenis == "LAHIR":
                    lahir = tanggal
                elif jenis == "MATI":
                    lahir = tanggal - datetime.timedelta(days=rng.randint(50 * 365, 90 * 365))
                else:
                    lahir = tanggal - datetime.timedelta(days=rng.randint(18 * 365, 70 * 365))
                day = lahir.day + (40 if jenis_kelamin == "P" else 0)
                nik = f"{wilayah}{day:02d}{lahir.month:02d}{lahir.year % 100:02d}{serial:04d}"
                no_kk = f"{wilayah}{rng.randint(10**9, 10**10 - 1)}"
                move = jenis in ("DATANG", "PINDAH")
                nama = nama_orang(rng, jenis_kelamin)
                created = stamp(datetime.datetime.combine(lapor, datetime.time(10, serial % 60)))
                fields = [
                    desa,  # desa_id
                    jenis,
                    str(rng.randint(1, 12)),  # nomor_rt
                    tanggal.isoformat(),  # tanggal_peristiwa
                    lapor.isoformat(),  # tanggal_lapor
                    periode.awal.isoformat(),  # periode
                    nik,
                    no_kk,
                    nama,
                    jenis_kelamin,
                    lahir.isoformat(),  # tanggal_lahir
                    "WNA" if rng.random() < 0.01 else "WNI",  # kewarganegaraan
                    "t" if move and rng.random() < 0.2 else "f",  # kepala_keluarga
                    "Puskesmas" if jenis == "LAHIR" else "",  # tempat_lahir
                    nama_orang(rng, "L") if jenis == "LAHIR" else "",  # nama_ayah
                    nama_orang(rng, "P") if jenis == "LAHIR" else "",  # nama_ibu
                    "Rumah" if jenis == "MATI" else "",  # tempat_meninggal
                    "sakit" if jenis == "MATI" else "",  # sebab_kematian
                    f"Kota/Kab. {rng.choice(cities)}" if move else "",  # alamat_asal_tujuan
                    "\\N",  # desa_asal_tujuan_id
                    "antar_kabupaten" if jenis == "PINDAH" else "",  # tingkat_pindah
                    "\\N",  # pasangan_id
                    "",  # keterangan
                    "[]",  # peringatan
                    nik,  # kunci: the NIK (kependudukan.models.peristiwa.identity_key)
                    "\\N",  # dicatat_oleh_id
                    created,  # created_at
                    created,  # updated_at
                ]
                yield "\t".join(fields) + "\n"


EVENT_COLUMNS = [
    "desa_id", "jenis", "nomor_rt", "tanggal_peristiwa", "tanggal_lapor", "periode", "nik", "no_kk",
    "nama", "jenis_kelamin", "tanggal_lahir", "kewarganegaraan", "kepala_keluarga", "tempat_lahir",
    "nama_ayah", "nama_ibu", "tempat_meninggal", "sebab_kematian", "alamat_asal_tujuan",
    "desa_asal_tujuan_id", "tingkat_pindah", "pasangan_id", "keterangan", "peringatan", "kunci",
    "dicatat_oleh_id", "created_at", "updated_at",
]  # fmt: skip


def data_awal_lines(desa_list, first, rng):
    for desa in desa_list:
        jiwa = rng.randint(1000, 5000)
        wni_l = round(jiwa * rng.uniform(0.495, 0.515))
        kk = round(jiwa / rng.uniform(3.1, 3.5))
        recorded = stamp(datetime.datetime.combine(first.awal, datetime.time(9)))
        # desa_id, periode, wni_l, wni_p, wna_l, wna_p, jumlah_kk, dicatat_oleh_id, updated_at
        yield f"{desa}\t{first.awal.isoformat()}\t{wni_l}\t{jiwa - wni_l}\t0\t0\t{kk}\t\\N\t{recorded}\n"


def fill_events(desa_list, last, seed):
    from kependudukan.models import DataAwal, Peristiwa

    table, columns = columns_of(DataAwal)
    assert columns == [
        "desa_id",
        "periode",
        "wni_l",
        "wni_p",
        "wna_l",
        "wna_p",
        "jumlah_kk",
        "dicatat_oleh_id",
        "updated_at",
    ], columns
    rng = random.Random(seed)
    copy_rows(table, columns, data_awal_lines(desa_list, last.shift(1 - EVENT_MONTHS), rng))
    table, columns = columns_of(Peristiwa)
    assert columns == EVENT_COLUMNS, columns
    rows, seconds = copy_rows(table, columns, event_lines(desa_list, last, rng))
    return (
        f"{len(desa_list):,} desa, {rows:,} events: COPY {seconds:.1f} s ({rows / seconds:,.0f} rows/s)",
        rows,
        seconds,
    )


def vacuum_analyze():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute("VACUUM (ANALYZE, FREEZE)")
        cursor.execute("RESET maintenance_work_mem")
        cursor.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('desa_laporanbulanan')), "
            "pg_size_pretty(pg_database_size(current_database()))"
        )
        ledger, database = cursor.fetchone()
    return f"ledger with its indexes {ledger}, database {database}"


def make_users():
    from desa.models import Pengguna
    from desa.scoping import Peran

    Pengguna.objects.filter(username__startswith="bench.").delete()
    return {
        "trantib": Pengguna.objects.create_user(
            "bench.trantib", peran=Peran.KASI_TRANTIB, kecamatan_id=KECAMATAN
        ),
        "kabupaten": Pengguna.objects.create_user(
            "bench.kabupaten", peran=Peran.KABUPATEN, kabupaten_id=KABUPATEN
        ),
        "provinsi": Pengguna.objects.create_user(
            "bench.provinsi", peran=Peran.PROVINSI, provinsi_id=PROVINSI
        ),
        "operator": Pengguna.objects.create_user("bench.operator", peran=Peran.OPERATOR_DESA, desa_id=DESA),
    }


def build(skala):
    from desa.models import Desa
    from desa.periode import Periode

    last = Periode.current().previous()
    step = Step()
    facts = {}
    print(f"build ({LEDGER_MONTHS} months of ledger to {last.label}, {EVENT_MONTHS} months of events):")
    for name in DATABASES:
        use(name)
        step(f"migrate {name}", migrate)
    use(NASIONAL)
    step("muat_wilayah nasional", load_wilayah)
    for name in DATABASES:
        use(name)
        facts[name] = {"wilayah": counts()}
        print(f"  {name}: {facts[name]['wilayah']}")
    ledger_rows = peristiwa_rows = 0
    for index, name in enumerate(DATABASES):
        use(name)
        rng = random.Random(2025)
        desa_list = chosen_desa(skala if name == NASIONAL else 1, rng)
        summary, rows = step(
            f"ledger {name} ({len(desa_list):,} desa)", fill_ledger, desa_list, last, 2025 + index
        )
        print(f"    {summary}")
        facts[name]["ledger"] = rows
        ledger_rows += rows
        area = PROVINSI if name == NASIONAL else KABUPATEN
        event_desa = [kode for kode in desa_list if kode.startswith(area + ".")]
        summary, rows, seconds = step(f"peristiwa {name} ({area})", fill_events, event_desa, last, 63 + index)
        print(f"    {summary}")
        facts[name]["peristiwa"] = rows
        peristiwa_rows += rows
        if name == NASIONAL:
            rate = rows / seconds
            national = Desa.objects.count() * EVENT_MONTHS * EVENTS_PER_MONTH
            print(
                f"    on paper, every provinsi's events: about {national:,} rows, "
                f"COPY about {national / rate:,.0f} s ({national / rate / 60:.1f} min) at {rate:,.0f} rows/s"
            )
        step(f"vacuum analyze {name}", vacuum_analyze)
        facts[name]["users"] = make_users()
    total = step.total
    print(f"build total: {total:.1f} s ({total / 60:.1f} min)")
    return total, ledger_rows, peristiwa_rows, facts


# --- the pages -------------------------------------------------------------------------------


class Page:
    """One page as one user, with a logged-in test client on each database."""

    def __init__(self, key, label, url, role, dingin=False, hangat=False):
        self.key, self.label, self.url, self.role = key, label, url, role
        self.dingin = dingin  # the cache emptied before each request: the first look after a write
        # its counts put in the cache (by an untimed request) before each timed one, since the
        # page counted afresh empties the cache in every round
        self.hangat = hangat
        self.clients = {}

    def login(self, name, users):
        from django.test import Client

        client = Client(raise_request_exception=False)  # an error page is a status, printed below
        client.force_login(users[self.role], backend="django.contrib.auth.backends.ModelBackend")
        self.clients[name] = client

    def kosongkan(self):
        if self.dingin:
            from django.core.cache import cache

            cache.clear()

    def siapkan(self, name):
        """Before a timed request: the cache as this page is meant to find it."""
        self.kosongkan()
        if self.hangat:
            self.get(name)

    def get(self, name):
        response = self.clients[name].get(self.url)
        if response.status_code != 200:
            print(f"{self.label} on {name}: HTTP {response.status_code} for {self.url}; stopping.")
            sys.exit(1)
        if response.streaming:
            size = sum(len(part) for part in response.streaming_content)
        else:
            size = len(response.content)
        response.close()
        return size


def pages(periode):
    from django.urls import reverse

    def url(name, kode):
        return reverse(name, kwargs={"kode": kode, "periode": periode})

    return [
        Page("kecamatan", "kecamatan dashboard", url("kudapanmas:dasbor_kecamatan", KECAMATAN), "trantib"),
        Page("kabupaten", "kabupaten overview", url("kudapanmas:dasbor_kabupaten", KABUPATEN), "kabupaten"),
        Page(
            "provinsi",
            "provinsi overview",
            url("kudapanmas:dasbor_provinsi", PROVINSI),
            "provinsi",
            hangat=True,
        ),
        Page(
            "provinsi_dingin",
            "provinsi overview, counted afresh",
            url("kudapanmas:dasbor_provinsi", PROVINSI),
            "provinsi",
            dingin=True,
        ),
        Page("desa_b3", "desa B.3 page", url("kependudukan:laporan_bulanan", DESA), "operator"),
        Page(
            "rekap_kecamatan",
            "kecamatan recap (xlsx)",
            url("kudapanmas:rekap_kecamatan", KECAMATAN),
            "trantib",
        ),
    ]


def switch(name, expected_desa):
    from desa.models import Desa

    use(name)
    found = Desa.objects.count()
    if found != expected_desa:
        raise SystemExit(f"the default connection should be on {name} ({expected_desa} desa), found {found}")


def measure(page_list, desa_count, runs):
    """{page key: {database: median ms}}, the databases alternating, their order swapped each round."""
    timings = {page.key: {name: [] for name in DATABASES} for page in page_list}
    for page in page_list:
        for name in DATABASES:
            switch(name, desa_count[name])
            page.get(name)  # warm: templates, URL resolver, session (and the provinsi's counts)
    for round_number in range(runs):
        order = DATABASES if round_number % 2 == 0 else DATABASES[::-1]
        for page in page_list:
            for name in order:
                switch(name, desa_count[name])
                page.siapkan(name)
                gc.collect()
                gc.disable()
                started = time.perf_counter()
                page.get(name)
                timings[page.key][name].append(elapsed(started))
                gc.enable()
    return {
        key: {name: statistics.median(values) * 1000 for name, values in by_db.items()}
        for key, by_db in timings.items()
    }


def queries_of(page, name, desa_count):
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    switch(name, desa_count[name])
    page.siapkan(name)
    with CaptureQueriesContext(connections["default"]) as captured:
        page.get(name)
    return [query["sql"] for query in captured.captured_queries]


# --- EXPLAIN ---------------------------------------------------------------------------------

EXPLAINABLE = ("SELECT", "WITH", "UPDATE", "INSERT", "DELETE")
SCANS = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Bitmap Index Scan"}


def walk(plan, found):
    node = plan.get("Node Type")
    if node in SCANS:
        relation = plan.get("Relation Name")
        index = plan.get("Index Name", "")
        if relation is None and index:
            relation = index_table(index)
        found.append((relation or "?", node, index))
    for child in plan.get("Plans", []):
        walk(child, found)


_index_tables = {}


def index_table(index):
    from django.db import connection

    if index not in _index_tables:
        with connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_indexes WHERE indexname = %s", [index])
            row = cursor.fetchone()
        _index_tables[index] = row[0] if row else "?"
    return _index_tables[index]


def table_rows():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples FROM pg_class WHERE relkind = 'r'")
        return dict(cursor.fetchall())


def explain(sql):
    """(scans, execution ms or None) of one query's plan."""
    from django.db import connection

    read = sql.lstrip().upper().startswith(("SELECT", "WITH"))
    options = "ANALYZE, BUFFERS, FORMAT JSON" if read else "FORMAT JSON"
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ({options}) {sql}")
        document = cursor.fetchone()[0]
    if isinstance(document, str):
        import json

        document = json.loads(document)
    found = []
    walk(document[0]["Plan"], found)
    return found, document[0].get("Execution Time")


def report_explain(page, sqls, sizes):
    """Print the page's scans, each (table, scan, index) once with the queries that use it;
    returns the verdict: ok, or the large tables it scans sequentially."""
    scans = {}
    timed = []
    explained = 0
    for number, sql in enumerate(sqls, 1):
        if not sql.lstrip().upper().startswith(EXPLAINABLE):
            continue
        explained += 1
        found, ms = explain(sql)
        if ms is not None:
            timed.append((ms, number, sql))
        for node in found:
            scans.setdefault(node, [])
            if number not in scans[node]:
                scans[node].append(number)
    seq_large = []
    print(f"  explain {page.label}: {len(sqls)} queries, {explained} explained")
    for (table, node, index), numbers in sorted(scans.items(), key=lambda item: item[1][0]):
        mark = ""
        if node == "Seq Scan":
            if table in LARGE_TABLES or sizes.get(table, 0) >= LARGE_ROWS:
                mark = "  <- SEQ SCAN OF A LARGE TABLE"
                if table not in seq_large:
                    seq_large.append(table)
            else:
                mark = ", kecil"
        where = ",".join(f"q{number}" for number in numbers)
        print(f"    ({table}, {node}, {index or '-'}){mark}  [{where}]")
    timed.sort(reverse=True)
    print(
        f"    read time in the database: {sum(ms for ms, _, _ in timed):.1f} ms; slowest: "
        + ", ".join(f"q{number} {ms:.1f} ms" for ms, number, _ in timed[:3])
    )
    for _, number, sql in timed[:1]:
        text = " ".join(sql.split())
        print(f"    q{number}: {text[:400]}{' ...' if len(text) > 400 else ''}")
    verdict = "ok" if not seq_large else "seq_scan:" + ",".join(seq_large)
    print(f"explain_{page.key}={verdict}")
    return verdict


# --- main ------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="timed rounds (default %(default)s)")
    parser.add_argument(
        "--skala", type=float, default=1.0, help="share of the desa outside Balangan to fill (default 1)"
    )
    args = parser.parse_args()
    url = postgres_url()
    started = time.perf_counter()
    version = create_databases(url)
    folder = Path(tempfile.mkdtemp(prefix="kudapanmas-nasional-"))
    try:
        setup_django(url, folder)
        print(f"PostgreSQL {version}, databases {', '.join(DATABASES)}, skala {args.skala:g}")
        run(args, elapsed(started))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args, setup_seconds):
    from desa.models import Desa, Kabupaten
    from desa.periode import Periode

    build_seconds, ledger_rows, peristiwa_rows, facts = build(args.skala)
    build_seconds += setup_seconds
    periode = Periode.current().previous()
    page_list = pages(periode)
    desa_count, kabupaten_rows = {}, {}
    for name in DATABASES:
        use(name)
        desa_count[name] = Desa.objects.count()
        kabupaten_rows[name] = Kabupaten.objects.filter(provinsi_id=PROVINSI).count()
        for page in page_list:
            page.login(name, facts[name]["users"])
    print(f"pages for {periode.label}, {args.runs} rounds, nasional and balangan alternating:")
    times = measure(page_list, desa_count, args.runs)
    query_counts = {
        page.key: {name: len(queries_of(page, name, desa_count)) for name in DATABASES} for page in page_list
    }
    summary = [
        f"build_seconds={build_seconds:.1f}",
        f"ledger_rows={ledger_rows}",
        f"peristiwa_rows={peristiwa_rows}",
    ]
    for page in page_list:
        ms = times[page.key]
        ratio = ms[NASIONAL] / ms[BALANGAN]
        goal = GOALS[page.key]
        count = query_counts[page.key]
        same = count[NASIONAL] == count[BALANGAN]
        print(
            f"  {page.label}: nasional {ms[NASIONAL]:.1f} ms, balangan {ms[BALANGAN]:.1f} ms, "
            f"ratio {ratio:.2f} (goal <= {goal}: {'ok' if ratio <= goal else 'MISSED'}); "
            f"queries {count[NASIONAL]} / {count[BALANGAN]} ({'same: ok' if same else 'DIFFERENT'})"
        )
        if page.key.startswith("provinsi"):
            per_row = {name: ms[name] / kabupaten_rows[name] for name in DATABASES}
            print(
                f"    per kabupaten row: nasional {per_row[NASIONAL]:.1f} ms "
                f"({kabupaten_rows[NASIONAL]} rows), "
                f"balangan {per_row[BALANGAN]:.1f} ms ({kabupaten_rows[BALANGAN]} row), "
                f"ratio {per_row[NASIONAL] / per_row[BALANGAN]:.2f}"
            )
            summary.append(f"{page.key}_ms_per_kabupaten_nasional={per_row[NASIONAL]:.1f}")
            summary.append(f"{page.key}_ms_per_kabupaten_balangan={per_row[BALANGAN]:.1f}")
        summary += [
            f"{page.key}_ms_nasional={ms[NASIONAL]:.1f}",
            f"{page.key}_ms_balangan={ms[BALANGAN]:.1f}",
            f"{page.key}_ratio={ratio:.2f}",
            f"{page.key}_queries={count[NASIONAL]}",
            f"{page.key}_queries_balangan={count[BALANGAN]}",
            f"{page.key}_goal={'ok' if ratio <= goal and same else 'missed'}",
        ]
    print("EXPLAIN of each page's queries on nasional:")
    use(NASIONAL)
    sizes = table_rows()
    for page in page_list:
        sqls = queries_of(page, NASIONAL, desa_count)
        use(NASIONAL)
        summary.append(f"explain_{page.key}={report_explain(page, sqls, sizes)}")
    print("summary:")
    for line in summary:
        print(line)


if __name__ == "__main__":
    main()

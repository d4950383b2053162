"""Benchmark of the compliance dashboard at kabupaten scale.

Builds a throwaway SQLite database in a temporary folder (the wilayah migration gives 8 kecamatan
and 157 desa), fills 24 months of ledger rows for every kind in a realistic mix of states, then
prints the median time of:
- the kecamatan dashboard page (largest kecamatan, whole request through the test client),
- the kabupaten overview page,
- the floor: the same grid table rendered from in-memory data, with no query.
The last line is `dashboard_vs_floor=<ratio>` for the kecamatan dashboard; it should be at most 2.

Run with the project's Python: `.venv/bin/python bench/dashboard.py` (or `make bench`).
"""

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 30
MONTHS = 24


def setup_django(folder):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kudapanmas.settings_test"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["KUDAPANMAS_VAR_DIR"] = str(folder)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def register_every_kind():
    """Kinds whose app has no monthly page yet borrow Kependudukan's URL, in this process only."""
    from desa.models.laporan import JenisLaporan
    from desa.registry import available_kinds, register_monthly_report

    for jenis in JenisLaporan:
        if jenis not in available_kinds():
            register_monthly_report(jenis, "kependudukan:laporan_bulanan")


def fill_ledger(last):
    """24 months × 157 desa × every kind: mostly verified on time, some late, waiting, returned, missing."""
    from desa.models import Desa, LaporanBulanan
    from desa.models.laporan import JenisLaporan, Status
    from desa.periode import WITA

    rng = random.Random(2022)
    rows = []
    for desa in Desa.objects.all():
        for jenis in JenisLaporan:
            for back in range(MONTHS):
                periode = last.shift(-back)
                draw = rng.random()
                if draw < 0.08:
                    continue
                following = periode.next()
                late = draw > 0.9
                day = rng.randint(6, 12) if late else rng.randint(1, 5)
                import datetime

                sent = datetime.datetime(
                    following.tahun, following.bulan, day, rng.randint(8, 16), tzinfo=WITA
                )
                status = Status.DIVERIFIKASI
                if back < 2 and draw > 0.6:
                    status = Status.DIKIRIM
                elif 0.85 < draw <= 0.88:
                    status = Status.DIKEMBALIKAN
                rows.append(
                    LaporanBulanan(
                        desa=desa,
                        jenis=jenis,
                        periode=periode.awal,
                        status=status,
                        pertama_dikirim_at=sent,
                        dikirim_at=sent,
                        diverifikasi_at=sent + datetime.timedelta(days=2)
                        if status == Status.DIVERIFIKASI
                        else None,
                        catatan_kembali="Perbaiki data" if status == Status.DIKEMBALIKAN else "",
                        versi=2,
                    )
                )
    LaporanBulanan.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def median_ms(action):
    action()  # warm: template loading, URL resolver, session
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def floor_context(kecamatan, periode):
    """The grid of the dashboard from in-memory rows: what rendering alone costs."""
    from desa import kepatuhan
    from desa.models import Desa, LaporanBulanan
    from desa.registry import required_kinds
    from kudapanmas import dasbor

    desa_list = list(Desa.objects.filter(kecamatan=kecamatan).select_related("kecamatan"))
    kinds = required_kinds(kecamatan)
    ledger = {
        (row.desa_id, row.jenis): LaporanBulanan(
            **{f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}
        )
        for row in LaporanBulanan.objects.filter(desa__in=desa_list, periode=periode.awal)
    }
    from django.utils import timezone

    now = timezone.now()
    rows = [
        kepatuhan.BarisDesa(
            desa,
            [kepatuhan.make_sel(desa, jenis, periode, ledger.get((desa.pk, jenis)), now) for jenis in kinds],
        )
        for desa in desa_list
    ]
    rekap = kepatuhan.rekap(rows)
    saringan = [dasbor.Saringan("", "Semua", rekap.expected, True)]
    data = dasbor.DasborKecamatan(kecamatan, periode, kinds, rows, rekap, saringan, "", 0)
    return {"data": data}


def main():
    folder = Path(tempfile.mkdtemp(prefix="kudapanmas-bench-"))
    try:
        setup_django(folder)
        run()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run():
    from django.db import connection, reset_queries
    from django.template.loader import render_to_string
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from desa.models import Kabupaten, Kecamatan, Pengguna
    from desa.periode import Periode
    from desa.scoping import Peran

    register_every_kind()
    last = Periode.current().previous()
    count = fill_ledger(last)
    kabupaten = Kabupaten.objects.get()
    kecamatan = max(Kecamatan.objects.all(), key=lambda item: item.desa_set.count())
    trantib = Pengguna.objects.create_user("bench.trantib", peran=Peran.KASI_TRANTIB, kecamatan=kecamatan)
    viewer = Pengguna.objects.create_user("bench.kabupaten", peran=Peran.KABUPATEN, kabupaten=kabupaten)
    periode = last.previous()
    print(
        f"database: {Kecamatan.objects.count()} kecamatan, {kecamatan.kabupaten.kecamatan_set.count()} in the "
        f"kabupaten, {sum(k.desa_set.count() for k in Kecamatan.objects.all())} desa, {MONTHS} months, "
        f"{count} ledger rows"
    )
    print(f"kecamatan dashboard: {kecamatan} ({kecamatan.desa_set.count()} desa), {periode.label}")

    kecamatan_client, kabupaten_client = Client(), Client()
    kecamatan_client.force_login(trantib, backend="django.contrib.auth.backends.ModelBackend")
    kabupaten_client.force_login(viewer, backend="django.contrib.auth.backends.ModelBackend")
    dashboard_url = reverse("dasbor_kecamatan", args=[kecamatan.pk, str(periode)])
    overview_url = reverse("dasbor_kabupaten", args=[kabupaten.pk, str(periode)])

    def get(client, url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    context = floor_context(kecamatan, periode)
    with CaptureQueriesContext(connection) as queries:
        floor_html = render_to_string("kudapanmas/_grid_kepatuhan.html", context)
    assert not queries.captured_queries, "the floor must not query"
    with CaptureQueriesContext(connection) as queries:
        page = get(kecamatan_client, dashboard_url).content.decode()
    assert floor_html.count("<td") == page.count("<td"), "the floor renders the same table"
    reset_queries()

    dashboard = median_ms(lambda: get(kecamatan_client, dashboard_url))
    overview = median_ms(lambda: get(kabupaten_client, overview_url))
    floor = median_ms(lambda: render_to_string("kudapanmas/_grid_kepatuhan.html", context))
    print(f"queries per dashboard request: {len(queries.captured_queries)}")
    print(f"kecamatan dashboard (median of {RUNS}): {dashboard:.2f} ms")
    print(f"kabupaten overview (median of {RUNS}): {overview:.2f} ms")
    print(f"floor, same table from memory (median of {RUNS}): {floor:.2f} ms")
    print(f"dashboard_vs_floor={dashboard / floor:.2f}")


if __name__ == "__main__":
    main()

"""Benchmark of the compliance dashboard at kabupaten scale.

Builds a throwaway SQLite database in a temporary folder (the wilayah migration gives 8 kecamatan
and 157 desa), fills 24 months of ledger rows for every kind in a realistic mix of states, then
prints the median time of rendering:
- the kecamatan dashboard (largest kecamatan): its view, from the URL's arguments to the whole
  HTML page, with its queries (what the middleware adds is printed too, for information),
- the kabupaten overview, likewise,
- the floor: the same page with the same grid table, rendered by the same template from data
  already in memory, with no query (the grid table alone is printed too, for information).
The runs are interleaved, so a busy machine slows them alike. The last line is
`dashboard_vs_floor=<ratio>` for the kecamatan dashboard: what reading and working out the data
adds to rendering it. It should be at most 2.

Run with the project's Python: `.venv/bin/python bench/dashboard.py` (or `make bench`).
"""

import datetime
import gc
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _django import setup_django

RUNS = 50
MONTHS = 24


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
                        periode=periode,
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


def medians_ms(actions):
    """{name: median milliseconds}, running the actions in turn RUNS times after one warm-up.

    As timeit does, the garbage collector is kept out of the timed calls.
    """
    timings = {name: [] for name in actions}
    for action in actions.values():
        action()  # warm: template loading, URL resolver, session
    for _ in range(RUNS):
        for name, action in actions.items():
            gc.collect()
            gc.disable()
            start = time.perf_counter()
            action()
            timings[name].append(time.perf_counter() - start)
            gc.enable()
    return {name: statistics.median(values) * 1000 for name, values in timings.items()}


class QueryCounter:
    """Counts the queries of a block (the test client's request signal resets Django's own log)."""

    def __init__(self, connection):
        self.connection, self.count = connection, 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self.wrapper = self.connection.execute_wrapper(self)
        self.wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self.wrapper.__exit__(*exc)


def main():
    folder = Path(tempfile.mkdtemp(prefix="kudapanmas-bench-"))
    try:
        setup_django(folder)
        register_every_kind()
        run()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run():
    from django.db import connection

    from desa.models import Kabupaten, Kecamatan, Pengguna
    from desa.periode import Periode
    from desa.scoping import Peran

    last = Periode.current().previous()
    count = fill_ledger(last)
    periode = last.previous()  # its deadline has passed: every state occurs
    kabupaten = Kabupaten.objects.get()
    kecamatan = max(Kecamatan.objects.all(), key=lambda item: item.desa_set.count())
    trantib = Pengguna.objects.create_user("bench.trantib", peran=Peran.KASI_TRANTIB, kecamatan=kecamatan)
    viewer = Pengguna.objects.create_user("bench.kabupaten", peran=Peran.KABUPATEN, kabupaten=kabupaten)
    jumlah_desa = sum(item.desa_set.count() for item in Kecamatan.objects.all())
    print(
        f"database: {Kecamatan.objects.count()} kecamatan, {jumlah_desa} desa, {MONTHS} months, {count} rows"
    )
    print(f"kecamatan dashboard: {kecamatan} ({kecamatan.desa_set.count()} desa), {periode.label}")

    dashboard = Page("kudapanmas:dasbor_kecamatan", [kecamatan.pk, str(periode)], trantib)
    overview = Page("kudapanmas:dasbor_kabupaten", [kabupaten.pk, str(periode)], viewer)
    floor = Floor(dashboard, kecamatan, periode)
    with QueryCounter(connection) as floor_queries:
        floor_html = floor.render()
    assert not floor_queries.count, "the floor must not query"
    dashboard.request()  # a warm session, as for a real user
    with QueryCounter(connection) as queries:
        page_html = dashboard.request()
    assert floor_html.count("<td") == page_html.count("<td") > 0, "the floor renders the same table"
    overview.request()
    with QueryCounter(connection) as overview_queries:
        overview.request()

    times = medians_ms(
        {
            "dashboard": dashboard.view,
            "overview": overview.view,
            "floor": floor.render,
            "grid": floor.render_grid,
            "dashboard request": dashboard.request,
            "overview request": overview.request,
        }
    )
    print(f"queries per request: dashboard {queries.count}, overview {overview_queries.count}")
    print(f"median of {RUNS} runs, in ms:")
    print(
        f"  kecamatan dashboard: {times['dashboard']:.2f} (whole request: {times['dashboard request']:.2f})"
    )
    print(f"  kabupaten overview:  {times['overview']:.2f} (whole request: {times['overview request']:.2f})")
    print(f"  floor, the same page from memory: {times['floor']:.2f} (its grid alone: {times['grid']:.2f})")
    print(f"dashboard_vs_floor={times['dashboard'] / times['floor']:.2f}")


class Page:
    """One page of one user: its view alone (request factory) or the whole request (test client)."""

    def __init__(self, url_name, args, user):
        from django.test import Client, RequestFactory
        from django.urls import resolve, reverse

        self.url = reverse(url_name, args=args)
        self.match = resolve(self.url)
        self.user = user
        self.factory = RequestFactory()
        self.client = Client()
        self.client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")

    def make_request(self):
        request = self.factory.get(self.url)
        request.user = self.user
        return request

    def view(self):
        response = self.match.func(self.make_request(), *self.match.args, **self.match.kwargs)
        assert response.status_code == 200, (self.url, response.status_code)
        return response.content.decode()

    def request(self):
        response = self.client.get(self.url)
        assert response.status_code == 200, (self.url, response.status_code)
        return response.content.decode()


class Floor:
    """The dashboard page's context read once; rendering it alone is the floor."""

    def __init__(self, page, kecamatan, periode):
        from django.urls import reverse

        from kudapanmas import dasbor

        self.page = page
        self.context = {
            "data": dasbor.dasbor_kecamatan(kecamatan, periode),
            "kecamatan": kecamatan,
            "periode": periode,
            "sebelumnya": reverse(
                "kudapanmas:dasbor_kecamatan", args=[kecamatan.pk, str(periode.previous())]
            ),
            "berikutnya": reverse("kudapanmas:dasbor_kecamatan", args=[kecamatan.pk, str(periode.next())]),
            "dari_kabupaten": False,
        }

    def render(self):
        from django.shortcuts import render

        return render(
            self.page.make_request(), "kudapanmas/dasbor_kecamatan.html", self.context
        ).content.decode()

    def render_grid(self):
        from django.template.loader import render_to_string

        return render_to_string("kudapanmas/_grid_kepatuhan.html", self.context)


if __name__ == "__main__":
    main()

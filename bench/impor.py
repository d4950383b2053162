"""Benchmark: import a generated 20,000-row workbook, then compute B.3 for 16 desa × 12 months.

Builds a throwaway SQLite database in a temporary folder, so it never touches real data.
Run from the repository root: `.venv/bin/python bench/impor.py`. Prints figures, asserts nothing
about speed.
"""

import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from _django import setup_django

ROWS = 20_000
REPEAT = 7


def make_workbook(path, desa_codes, months):
    from openpyxl import Workbook

    from kependudukan.impor.kolom import KOLOM_DATA_AWAL, KOLOM_PERISTIWA

    rng = random.Random(2026)
    workbook = Workbook(write_only=True)
    data_awal = workbook.create_sheet("Data Awal")
    data_awal.append([kolom.header for kolom in KOLOM_DATA_AWAL])
    for kode in desa_codes:
        people = rng.randint(1500, 5000)
        data_awal.append([kode, str(months[0]), people // 2, people - people // 2, 0, 0, people // 3])
    peristiwa = workbook.create_sheet("Peristiwa")
    peristiwa.append([kolom.header for kolom in KOLOM_PERISTIWA])
    kinds = ["LAHIR"] * 4 + ["MATI"] * 2 + ["DATANG"] * 2 + ["PINDAH"] * 2
    for number in range(ROWS):
        periode = months[number % len(months)]
        day = periode.awal.replace(day=rng.randint(1, 28))
        jenis = rng.choice(kinds)
        jenis_kelamin = rng.choice("LP")
        born = day if jenis == "LAHIR" else day.replace(year=day.year - rng.randint(18, 80))
        nik_day = born.day + (40 if jenis_kelamin == "P" else 0)
        nik = f"631106{nik_day:02d}{born.month:02d}{born.year % 100:02d}{number % 10000:04d}"
        peristiwa.append([
            desa_codes[number % len(desa_codes)], rng.randint(1, 8), jenis, day, day,
            "" if jenis == "LAHIR" else nik, "", f"Warga Bench {number}", jenis_kelamin,
            None, "WNI", "YA" if jenis in ("DATANG", "PINDAH") and number % 3 == 0 else "TIDAK",
            "", "", "",
        ])  # fmt: skip
    workbook.save(path)


def main():
    with tempfile.TemporaryDirectory(prefix="kudapanmas-bench-") as name:
        folder = Path(name)
        setup_django(folder, "kudapanmas.settings")
        from desa.models import Desa
        from desa.periode import Periode
        from kependudukan.b3 import rekap_b3, rekap_b3_deret
        from kependudukan.impor.batas import periksa_isi
        from kependudukan.impor.periksa import periksa_berkas
        from kependudukan.impor.simpan import simpan_berkas
        from kependudukan.models import Peristiwa

        desa_list = list(Desa.objects.filter(kecamatan_id="63.11.06").select_related("kecamatan"))
        months = [Periode.current().shift(offset) for offset in range(-12, 0)]
        path = folder / "impor-20000.xlsx"
        started = time.perf_counter()
        make_workbook(path, [desa.pk for desa in desa_list], months)
        print(f"Workbook of {ROWS:,} rows written in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 1024 / 1024:.1f} MB)")  # fmt: skip

        # What the upload request does before it answers when the file goes to a worker: count
        # the rows with the bounded reader (goal: well under the few seconds a request may take).
        counts = []
        for _ in range(3):
            started = time.perf_counter()
            baris = periksa_isi(path)
            counts.append(time.perf_counter() - started)
        median_ms = statistics.median(counts) * 1000
        print(f"Upload step of a large file (count {baris:,} rows, then queue): median {median_ms:.0f} ms; "
              "the check and the save run in the worker")  # fmt: skip

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        with open(path, "rb") as source:
            hasil = simpan_berkas(source, user=None, desa_boleh=None, nama_berkas=path.name)
        elapsed = time.perf_counter() - started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if not hasil.ok:
            for kesalahan in hasil.kesalahan[:10]:
                print(kesalahan)
            raise SystemExit("The generated workbook was refused.")
        saved = Peristiwa.objects.count()
        print(f"Import: {saved:,} events saved in {elapsed:.1f} s = {ROWS / elapsed:,.0f} rows/s")
        print(
            f"Peak resident memory: {rss_after / 1024:.0f} MB (grew {(rss_after - rss_before) / 1024:.0f} MB)"
        )

        tracemalloc.start()
        started = time.perf_counter()
        with open(path, "rb") as source:
            again = periksa_berkas(source, desa_boleh=None)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"Second check of the same file: {again.sudah_ada:,} rows already there, nothing new, "
            f"{time.perf_counter() - started:.1f} s; peak Python allocation {peak / 1024 / 1024:.0f} MB"
        )

        monthly, series = [], []
        for _ in range(REPEAT):
            started = time.perf_counter()
            for periode in months:
                rekap_b3(desa_list, periode)
            monthly.append(time.perf_counter() - started)
            started = time.perf_counter()
            rekap_b3_deret(desa_list, months[0], months[-1])
            series.append(time.perf_counter() - started)
        print(f"B.3 for {len(desa_list)} desa × {len(months)} months, month by month: "
              f"median {statistics.median(monthly) * 1000:.0f} ms over {REPEAT} runs")  # fmt: skip
        print(f"B.3 for {len(desa_list)} desa × {len(months)} months as one series: "
              f"median {statistics.median(series) * 1000:.0f} ms over {REPEAT} runs")  # fmt: skip


if __name__ == "__main__":
    main()

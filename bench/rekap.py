"""Benchmark of the kabupaten-wide yearly recap workbook.

Builds a throwaway SQLite database in a temporary folder (the wilayah migration gives 157 desa),
fills one past year: data awal for every desa, 200,000 population events, a ledger row for
most desa × kind × month, 15 Linmas members a desa, 30,000 activities with their participants
and some incidents. Then it times, with runs interleaved so a busy machine slows both alike:
- the recap: `write_rekap` of the kabupaten-wide yearly workbook, queries included;
- the floor: the same cells (values and styles, read back from the recap's file beforehand)
  written with openpyxl's write-only mode from in-memory lists, the fastest way openpyxl has
  (a styled cell copies a template's style, as the recap does).
Each run is a forked child of the filled process (see `measured` and `Runner`). It prints both
medians, the recap's peak resident memory and how much each grew while writing, and last
`rekap_vs_floor=<ratio>`; it exits with 1 when the ratio is above 1.5 or the recap's peak
memory above 500 MB. The goal is set for the full scale: at a small `--skala` the recap's
fixed costs (a few queries a sheet and month) weigh more.

Run with the project's Python: `.venv/bin/python bench/rekap.py [--runs N] [--skala 0.1]`.
"""

import argparse
import datetime
import gc
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTS = 200_000
ACTIVITIES = 30_000
INCIDENTS = 1_500
MEMBERS_PER_DESA = 15
MAX_RATIO = 1.5
MAX_PEAK_MB = 500


def setup_django(folder):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kudapanmas.settings_test"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["KUDAPANMAS_VAR_DIR"] = str(folder)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def day_in(rng, tahun, bulan):
    return datetime.date(tahun, bulan, rng.randint(1, 28))


def fill_kependudukan(rng, desa_list, tahun, events):
    from kependudukan.models import DataAwal, Peristiwa

    DataAwal.objects.bulk_create(
        DataAwal(
            desa=desa,
            periode=datetime.date(tahun, 1, 1),
            wni_l=rng.randint(400, 2500),
            wni_p=rng.randint(400, 2500),
            wna_l=rng.randint(0, 2),
            wna_p=rng.randint(0, 2),
            jumlah_kk=rng.randint(300, 1400),
        )
        for desa in desa_list
    )
    kinds = ["LAHIR"] * 30 + ["MATI"] * 15 + ["DATANG"] * 30 + ["PINDAH"] * 25
    names = ["Ahmad", "Siti", "Muhammad", "Nur", "Rahmat", "Fatimah", "Budi", "Aisyah", "Hendra", "Rina"]
    batch = []
    for index in range(events):
        desa = desa_list[index % len(desa_list)]
        jenis = rng.choice(kinds)
        tanggal_lapor = day_in(rng, tahun, rng.randint(1, 12))
        late = rng.random() < 0.03
        back = rng.randint(40, 90) if late else rng.randint(0, 10)
        tanggal = max(tanggal_lapor - datetime.timedelta(days=back), datetime.date(tahun - 1, 10, 1))
        move = jenis in ("DATANG", "PINDAH")
        event = Peristiwa(
            desa=desa,
            jenis=jenis,
            nomor_rt=rng.randint(1, 12),
            tanggal_peristiwa=tanggal,
            tanggal_lapor=tanggal_lapor,
            nik=f"63{index:014d}",
            no_kk=f"64{index // 3:014d}",
            nama=f"{rng.choice(names)} {rng.choice(names)} {index}",
            jenis_kelamin=rng.choice("LP"),
            tanggal_lahir=tanggal if jenis == "LAHIR" else datetime.date(rng.randint(1940, 2010), 1, 1),
            kewarganegaraan="WNA" if rng.random() < 0.01 else "WNI",
            kepala_keluarga=move and rng.random() < 0.2,
            alamat_asal_tujuan=f"Jl. Contoh No. {index % 97}, Banjarmasin" if move else "",
            tingkat_pindah="antar_kabupaten" if jenis == "PINDAH" else "",
            sebab_kematian="sakit" if jenis == "MATI" else "",
            peringatan=["Tanggal lahir pada NIK berbeda dengan yang tercatat."]
            if rng.random() < 0.01
            else [],
        )
        event.fill_derived_fields()
        batch.append(event)
        if len(batch) == 5000:
            Peristiwa.objects.bulk_create(batch)
            batch = []
    Peristiwa.objects.bulk_create(batch)


def fill_ledger(rng, desa_list, tahun):
    from desa.models import LaporanBulanan
    from desa.models.laporan import JenisLaporan, Status
    from desa.periode import WITA, Periode

    rows = []
    for desa in desa_list:
        for jenis in (JenisLaporan.KEPENDUDUKAN, JenisLaporan.LINMAS):
            for bulan in range(1, 13):
                draw = rng.random()
                if draw < 0.08:
                    continue
                following = Periode(tahun, bulan).next()
                day = rng.randint(6, 12) if draw > 0.85 else rng.randint(1, 5)
                sent = datetime.datetime(following.tahun, following.bulan, day, 10, tzinfo=WITA)
                verified = draw < 0.7
                rows.append(
                    LaporanBulanan(
                        desa=desa,
                        jenis=jenis,
                        periode=datetime.date(tahun, bulan, 1),
                        status=Status.DIVERIFIKASI if verified else Status.DIKIRIM,
                        pertama_dikirim_at=sent,
                        dikirim_at=sent,
                        diverifikasi_at=sent + datetime.timedelta(days=2) if verified else None,
                    )
                )
    LaporanBulanan.objects.bulk_create(rows, batch_size=2000)


def fill_linmas(rng, desa_list, tahun, activities):
    from desa.models import Kecamatan
    from desa.periode import WITA
    from linmas.models import AnggotaLinmas, ButirProgram, Kegiatan, Kejadian, ProgramLinmas

    positions = ["kepala_satuan", "kepala_satuan_tugas"] + ["komandan_regu"] * 5
    squads = ["kesiapsiagaan", "pengamanan", "pertolongan", "penyelamatan", "dapur_umum"]
    members = []
    for desa_index, desa in enumerate(desa_list):
        for index in range(MEMBERS_PER_DESA):
            jabatan = positions[index] if index < len(positions) else "anggota"
            members.append(
                AnggotaLinmas(
                    desa=desa,
                    nik=f"65{desa_index:04d}{index:010d}",
                    nama=f"Anggota {desa_index}-{index}",
                    jenis_kelamin="L",
                    tanggal_lahir=datetime.date(1985, 1, 1),
                    alamat="Desa",
                    jabatan=jabatan,
                    regu="" if index < 2 else squads[index % 5],
                    nomor_sk="SK/1",
                    tanggal_sk=datetime.date(tahun - 1, 1, 1),
                )
            )
    members = AnggotaLinmas.objects.bulk_create(members, batch_size=2000)
    by_desa = {}
    for member in members:
        by_desa.setdefault(member.desa_id, []).append(member)
    for kecamatan in Kecamatan.objects.all():
        program = ProgramLinmas.objects.create(kecamatan=kecamatan, berlaku_mulai=datetime.date(tahun, 1, 1))
        ButirProgram.objects.create(program=program, jenis_kegiatan="ronda", jumlah_minimum=4)
        ButirProgram.objects.create(program=program, jenis_kegiatan="apel", jumlah_minimum=1)
    kinds = (
        ["ronda"] * 50 + ["patroli"] * 15 + ["apel"] * 8 + ["pengamanan_kegiatan"] * 12 + ["pelayanan"] * 15
    )
    kegiatan = Kegiatan.objects.bulk_create(
        (
            Kegiatan(
                desa=desa_list[index % len(desa_list)],
                tanggal=day_in(rng, tahun, rng.randint(1, 12)),
                jenis=rng.choice(kinds),
                tempat=f"Pos kamling RT {index % 9 + 1}",
                uraian="Ronda malam keliling kampung bersama warga, situasi aman dan terkendali.",
            )
            for index in range(activities)
        ),
        batch_size=2000,
    )
    through = Kegiatan.peserta.through
    links = []
    for item in kegiatan:
        for member in rng.sample(by_desa[item.desa_id], rng.randint(3, 8)):
            links.append(through(kegiatan_id=item.pk, anggotalinmas_id=member.pk))
    through.objects.bulk_create(links, batch_size=5000)
    Kejadian.objects.bulk_create(
        (
            Kejadian(
                desa=rng.choice(desa_list),
                waktu=datetime.datetime.combine(
                    day_in(rng, tahun, rng.randint(1, 12)), datetime.time(21, 30), tzinfo=WITA
                ),
                jenis="kebakaran",
                tempat="RT 2",
                uraian="Dapur warga terbakar.",
                tindakan="Memadamkan api bersama warga dan Damkar.",
                korban_luka=rng.randint(0, 2),
            )
            for _ in range(int(INCIDENTS * activities / ACTIVITIES))
        ),
        batch_size=2000,
    )


def fill(tahun, skala):
    from desa.models import Desa, Kecamatan
    from desa.models.laporan import JenisLaporan

    rng = random.Random(2022)
    Kecamatan.objects.update(jenis_laporan_wajib=[JenisLaporan.KEPENDUDUKAN, JenisLaporan.LINMAS])
    desa_list = list(Desa.objects.order_by("kode"))
    fill_kependudukan(rng, desa_list, tahun, int(EVENTS * skala))
    fill_ledger(rng, desa_list, tahun)
    fill_linmas(rng, desa_list, tahun, int(ACTIVITIES * skala))
    return len(desa_list)


def run_rekap(tahun, target):
    from desa.models import Kabupaten
    from kudapanmas.rekap.scope import scope_kabupaten
    from kudapanmas.rekap.workbook import write_rekap

    scope = scope_kabupaten(Kabupaten.objects.get(), dibuat_oleh="bench", tahun=tahun)
    write_rekap(scope, target)


def read_cells(path):
    """[(title, widths, styles, rows)] of a workbook: each row a list of values and an array of
    style numbers into `styles` (font, border, fill, alignment, number format, quote prefix)."""
    from openpyxl import load_workbook

    source = load_workbook(path, read_only=True)
    sheets = []
    for ws in source.worksheets:
        style_numbers, styles, rows = {}, [None], []
        for row in ws.iter_rows():
            values, numbers = [], array("H")
            for cell in row:
                values.append(cell.value)
                number = 0
                if cell.has_style:
                    if cell._style_id not in style_numbers:
                        style_numbers[cell._style_id] = len(styles)
                        styles.append(
                            (cell.font, cell.border, cell.fill, cell.alignment, cell.number_format,
                             bool(cell.style_array.quotePrefix))
                        )  # fmt: skip
                    number = style_numbers[cell._style_id]
                numbers.append(number)
            rows.append((values, numbers))
        sheets.append((ws.title, styles, rows))
    source.close()
    return sheets


def write_floor(sheets, target):
    """The same cells, written by openpyxl alone from the lists."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.styles.cell_style import StyleArray

    workbook = Workbook(write_only=True)
    for title, styles, rows in sheets:
        ws = workbook.create_sheet(title)
        templates = [None]
        for font, border, fill, alignment, number_format, quote_prefix in styles[1:]:
            template = Cell(ws, row=1, column=1)
            template.font, template.border, template.fill = font, border, fill
            template.alignment, template.number_format, template.quotePrefix = (
                alignment,
                number_format,
                quote_prefix,
            )
            templates.append(template._style)
        for values, numbers in rows:
            cells = []
            for value, number in zip(values, numbers, strict=True):
                if number:
                    cell = Cell(ws, row=1, column=1, value=value, style_array=StyleArray(templates[number]))
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"
                    cells.append(cell)
                else:
                    cells.append(value)
            ws.append(cells)
    workbook.save(target)


def fork_child(work):
    """Fork a child that runs `work()` and exits, with 1 and the traceback on an error;
    returns the child's pid."""
    from django.db import connections

    connections.close_all()  # a connection must not be shared across a fork
    pid = os.fork()
    if pid:
        return pid
    status = 1
    try:
        work()
        status = 0
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(status)


def measured(function, *args):
    """Run `function(*args)` in a forked child, so every run starts from the same state and
    none inherits another's freed memory; returns (seconds, peak RSS MB, peak growth MB).

    The peak is the kernel's high-water mark of resident memory (VmHWM), reset when the run
    starts; the growth is that peak less the resident memory at the start (for the floor,
    less the lists it writes from). Objects inherited from the parent are frozen out of the
    garbage collector's scans, for both alike. Linux only."""
    read, write = os.pipe()

    def child():
        os.close(read)
        gc.collect()
        gc.freeze()
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        start_mb = memory_mb("VmRSS")
        start = time.perf_counter()
        function(*args)
        seconds = time.perf_counter() - start
        peak_mb = memory_mb("VmHWM")
        os.write(write, json.dumps([seconds, peak_mb, peak_mb - start_mb]).encode())

    pid = fork_child(child)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status or not answer:
        sys.exit("GAGAL: satu putaran berhenti dengan galat (lihat di atas)")
    return json.loads(answer)


class Runner:
    """A process forked now that, on each `run()`, runs `measured(function, *args)`: the
    runs then start from this moment's memory, not from the caller's later one (the recap's
    runs must not count the floor's lists, read after this)."""

    def __init__(self, function, *args):
        requests, self._requests = os.pipe()
        self._answers, answers = os.pipe()

        def runner():
            os.close(self._requests)
            os.close(self._answers)
            while os.read(requests, 1):
                os.write(answers, (json.dumps(measured(function, *args)) + "\n").encode())

        self.pid = fork_child(runner)
        os.close(requests)
        os.close(answers)
        self._answer_lines = os.fdopen(self._answers, "rb")

    def run(self):
        os.write(self._requests, b"1")
        line = self._answer_lines.readline()
        if not line:
            sys.exit("GAGAL: satu putaran berhenti dengan galat (lihat di atas)")
        return json.loads(line)

    def close(self):
        os.close(self._requests)
        self._answer_lines.close()
        os.waitpid(self.pid, 0)


def memory_mb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} tidak ada di /proc/self/status")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--skala", type=float, default=1.0, help="share of the events and activities")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kudapanmas-bench-rekap-"))
    try:
        setup_django(folder)
        from desa.periode import Periode

        tahun = Periode.current().tahun - 1
        start = time.perf_counter()
        desa = fill(tahun, arguments.skala)
        print(
            f"data: {desa} desa, {int(EVENTS * arguments.skala):,} peristiwa, "
            f"{int(ACTIVITIES * arguments.skala):,} kegiatan Linmas, tahun {tahun} "
            f"(diisi dalam {time.perf_counter() - start:.0f} s)"
        )
        rekap_file, floor_file = folder / "rekap.xlsx", folder / "floor.xlsx"
        run_rekap(tahun, rekap_file)  # warm-up, and the file whose cells the floor writes
        rekap_runner = Runner(run_rekap, tahun, rekap_file)
        sheets = read_cells(rekap_file)
        cells = sum(len(values) for _, _, rows in sheets for values, _ in rows)
        print(f"buku kerja: {len(sheets)} lembar, {cells:,} sel, {rekap_file.stat().st_size / 1e6:.1f} MB")
        rekap_runs, floor_runs = [], []
        for _ in range(arguments.runs):  # interleaved, so a busy machine slows both alike
            rekap_runs.append(rekap_runner.run())
            floor_runs.append(measured(write_floor, sheets, floor_file))
        rekap_runner.close()
        rekap_median = statistics.median(seconds for seconds, _, _ in rekap_runs)
        floor_median = statistics.median(seconds for seconds, _, _ in floor_runs)
        rekap_peak = max(peak for _, peak, _ in rekap_runs)
        rekap_growth = max(growth for _, _, growth in rekap_runs)
        floor_growth = max(growth for _, _, growth in floor_runs)
        ratio = rekap_median / floor_median
        print(
            f"rekap_median_s={rekap_median:.2f} rekap_peak_rss_mb={rekap_peak:.0f} "
            f"rekap_growth_mb={rekap_growth:.0f}"
        )
        print(f"floor_median_s={floor_median:.2f} floor_growth_mb={floor_growth:.0f}")
        print(f"rekap_vs_floor={ratio:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if ratio > MAX_RATIO or rekap_peak > MAX_PEAK_MB:
        print(
            f"GAGAL: rasio paling besar {MAX_RATIO}, memori puncak rekap paling besar {MAX_PEAK_MB} MB",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Benchmark of the kabupaten-wide yearly recap workbook.

Builds a throwaway SQLite database in a temporary folder (the wilayah migration gives 157 desa),
fills one past year: data awal for every desa, 200,000 population events, a ledger row for
most desa × kind × month, 15 Linmas members a desa, 30,000 activities with their participants
and some incidents. Then it times, with runs interleaved so a busy machine slows all alike:
- the recap: `write_rekap` of the kabupaten-wide yearly workbook, queries included;
- the floor: the same cells (values and styles, read back from the recap's file beforehand)
  written with openpyxl's write-only mode from in-memory lists, the fastest way openpyxl has
  (a styled cell copies a template's style, as the recap does);
- two faster writers, when installed, from the same lists plus the recap's layout (merged
  cells, column widths, row heights, freeze panes), which the floor leaves out (a small share
  of the work): XlsxWriter in its normal mode, because its constant_memory mode writes a row
  out as soon as a later one is written, so a merge over two header rows (A4:A5) can no longer
  be made; and rustpy-xlsxwriter, whose records API (one dict a row, a format a column, merges
  only above its single header row) cannot hold every cell's style: it writes what it can, and
  the bench prints what it could not.
It also times the background path: from the kabupaten's click to its task page (goal under 0.5
s; asking again joins the task) and the task itself as a worker runs it, heartbeat and progress
writes included, against the floor. Each run is a forked child of the filled process (see
`measured` and `Runner`). It prints the medians, the recap's peak resident memory and how much
each grew while writing, each other writer's ratio to the floor and whether its file, read back
with openpyxl, has the recap's sheets, values, sampled styles and layout; last
`rekap_vs_floor=<ratio>`. It exits with 1 when that ratio is above 1.5 or the recap's peak
memory above 500 MB. The goal is set for the full scale: at a small `--skala` the recap's fixed
costs (a few queries a sheet and month) weigh more.

Run with the project's Python: `.venv/bin/python bench/rekap.py [--runs N] [--skala 0.1]`.
"""

import argparse
import datetime
import gc
import importlib
import itertools
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import traceback
import zipfile
from array import array
from collections import Counter, namedtuple
from pathlib import Path
from xml.etree import ElementTree

from _django import setup_django

EVENTS = 200_000
ACTIVITIES = 30_000
INCIDENTS = 1_500
MEMBERS_PER_DESA = 15
MAX_RATIO = 1.5
MAX_PEAK_MB = 500
# The versions compared; either library is optional.
XLSXWRITER_VERSION = "3.3.1"
RUSTPY_VERSION = "0.8.0"
# Both libraries add Excel's 5-pixel cell padding to a width; openpyxl writes it as given.
WIDTH_PADDING = 5 / 7
# Widths and heights are stored rounded to whole pixels.
WIDTH_TOLERANCE = 0.08
HEIGHT_TOLERANCE = 0.5
DEFAULT_HEIGHT = 15  # points; both libraries leave a row of that height unmarked
SAMPLE_HEAD = 8  # every cell of a sheet's first rows (titles, header, first data) is sampled
SAMPLE_ROWS = 200  # and of this many random rows a sheet


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


def time_request_to_progress(tahun, runs):
    """Seconds from the kabupaten's click to its task page (the task queued, not written), for a
    new request and for asking again while it waits (which joins the task)."""
    from django.test import Client
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from desa.models import Kabupaten, Pengguna, Tugas
    from desa.scoping import Peran

    kabupaten = Kabupaten.objects.get()
    user = Pengguna.objects.create_user("bench.kabupaten", peran=Peran.KABUPATEN, kabupaten=kabupaten)
    client = Client()
    client.force_login(user)
    url = reverse("kudapanmas:rekap_kabupaten_tahun", args=[kabupaten.pk, tahun])
    new, joined = [], []
    for _ in range(runs):
        Tugas.objects.all().delete()
        DBTaskResult.objects.all().delete()
        for times in (new, joined):
            start = time.perf_counter()
            page = client.get(client.get(url).url)
            times.append(time.perf_counter() - start)
            assert page.status_code == 200
    return statistics.median(new), statistics.median(joined), Tugas.objects.get().pk


def run_task(tugas_id):
    """The queued task, run as a worker runs it (its heartbeat and progress writes included)."""
    from desa.latar import jalankan_tugas

    assert jalankan_tugas.call(str(tugas_id)) == "selesai"


def read_cells(path):
    """[(title, styles, rows)] of a workbook: each row a list of values and an array of style
    numbers into `styles` (font, border, fill, alignment, number format, quote prefix)."""
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


Layout = namedtuple("Layout", "widths heights merges freeze styled_columns rows_twice")
TAG = re.compile(rb"<(col|row|pane|mergeCell)\s([^>]*)>")
ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')


def read_layout(path):
    """{sheet title: Layout} of a workbook: what its cells do not hold, scanned from each sheet's
    XML (openpyxl's read-only mode skips it, and a full load of 4 million cells is too big).
    Widths are by 1-based column, heights by 1-based row, merges and the frozen pane's first
    cell 1-based; `styled_columns` counts columns given a default style, `rows_twice` rows
    written twice (which Excel reports as a damaged file)."""
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    layouts = {}
    with zipfile.ZipFile(path) as archive:
        for title, member in sheet_members(archive):
            widths, heights, merges, freeze, styled, seen, twice, number = {}, {}, [], None, 0, set(), 0, 0
            with archive.open(member) as xml:
                tail = b""
                while chunk := xml.read(1 << 20):
                    text = tail + chunk
                    end = text.rfind(b">") + 1  # a tag cut by the chunk's end waits for the next
                    text, tail = text[:end], text[end:]
                    for tag, attributes in TAG.findall(text):
                        attrs = dict(ATTRIBUTE.findall(attributes))
                        if tag == b"row":
                            number = int(attrs.get(b"r", number + 1))
                            twice += number in seen
                            seen.add(number)
                            if b"ht" in attrs:
                                heights[number] = float(attrs[b"ht"])
                        elif tag == b"col":
                            styled += b"style" in attrs
                            if b"width" in attrs:
                                for column in range(int(attrs[b"min"]), int(attrs[b"max"]) + 1):
                                    widths[column] = float(attrs[b"width"])
                        elif tag == b"pane":
                            if attrs.get(b"state") == b"frozen":
                                freeze = coordinate_to_tuple(attrs[b"topLeftCell"].decode())
                        else:
                            min_col, min_row, max_col, max_row = range_boundaries(attrs[b"ref"].decode())
                            merges.append((min_row, min_col, max_row, max_col))
            layouts[title] = Layout(widths, heights, merges, freeze, styled, twice)
    return layouts


def sheet_members(archive):
    """(title, archive member) of each sheet, in the workbook's order."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    relation = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    for sheet in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(f"{main}sheet"):
        target = targets[sheet.get(relation)]
        yield sheet.get("name"), target[1:] if target.startswith("/") else f"xl/{target}"


def real_merges(layout):
    """The merges of more than one cell: the recap's one-column JUMLAH label is "merged" alone,
    which both libraries refuse (Excel has no single-cell merge), and nothing shows it."""
    return [merge for merge in layout.merges if merge[:2] != merge[2:]]


def cell_at(rows, row, column):
    """(value, style number) of a 0-based cell of `read_cells`' rows, which stop at their last cell."""
    values, numbers = rows[row]
    return (values[column], numbers[column]) if column < len(values) else (None, 0)


def merge_pads(layout):
    """The 0-based cells a merge covers beyond its first one."""
    return {
        (row, column)
        for first_row, first_column, last_row, last_column in real_merges(layout)
        for row in range(first_row - 1, last_row)
        for column in range(first_column - 1, last_column)
        if (row, column) != (first_row - 1, first_column - 1)
    }


BORDER_STYLES = [
    "none", "thin", "medium", "dashed", "dotted", "thick", "double", "hair", "mediumDashed",
    "dashDot", "mediumDashDot", "dashDotDot", "mediumDashDotDot", "slantDashDot",
]  # fmt: skip
HORIZONTAL = {
    "left": "left", "center": "center", "right": "right", "fill": "fill", "justify": "justify",
    "centerContinuous": "center_across", "distributed": "distributed",
}  # fmt: skip
VERTICAL = {
    "top": "top", "center": "vcenter", "bottom": "bottom", "justify": "vjustify",
    "distributed": "vdistributed",
}  # fmt: skip
UNDERLINES = {"single": 1, "double": 2, "singleAccounting": 33, "doubleAccounting": 34}


def rgb(color):
    return f"#{color.rgb[-6:]}" if color is not None and color.type == "rgb" else None


def format_properties(style):
    """XlsxWriter's format properties of one style of `read_cells`."""
    font, border, fill, alignment, number_format, quote_prefix = style
    properties = {"font_name": font.name, "font_size": font.sz, "bold": bool(font.b), "italic": bool(font.i)}
    if font.u:
        properties["underline"] = UNDERLINES[font.u]
    if rgb(font.color):
        properties["font_color"] = rgb(font.color)
    if fill.patternType == "solid":
        properties.update(pattern=1, bg_color=rgb(fill.fgColor))
    for side in ("left", "right", "top", "bottom"):
        line = getattr(border, side)
        if line is not None and line.style:
            properties[side] = BORDER_STYLES.index(line.style)
            if rgb(line.color):
                properties[f"{side}_color"] = rgb(line.color)
    if alignment.horizontal in HORIZONTAL:
        properties["align"] = HORIZONTAL[alignment.horizontal]
    if alignment.vertical in VERTICAL:
        properties["valign"] = VERTICAL[alignment.vertical]
    if alignment.wrap_text:
        properties["text_wrap"] = True
    if alignment.indent:
        properties["indent"] = int(alignment.indent)
    if alignment.textRotation:
        properties["rotation"] = int(alignment.textRotation)
    if alignment.shrink_to_fit:
        properties["shrink"] = True
    if number_format != "General":
        properties["num_format"] = number_format
    if quote_prefix:
        properties["quote_prefix"] = True
    return {name: value for name, value in properties.items() if value is not None}


def write_xlsxwriter(sheets, layouts, target):
    """The same cells and layout, written by XlsxWriter (normal mode, see the module's doc)."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(target))
    formats = {}  # one format a style across sheets, as the workbook's style table has
    for title, styles, rows in sheets:
        ws = workbook.add_worksheet(title)
        layout = layouts[title]
        cell_formats = [None]
        for style in styles[1:]:
            if style not in formats:
                formats[style] = workbook.add_format(format_properties(style))
            cell_formats.append(formats[style])
        for column, width in layout.widths.items():
            ws.set_column(column - 1, column - 1, width - WIDTH_PADDING)
        for row, height in layout.heights.items():
            ws.set_row(row - 1, height)
        if layout.freeze:
            ws.freeze_panes(layout.freeze[0] - 1, layout.freeze[1] - 1)
        for first_row, first_column, last_row, last_column in real_merges(layout):
            # merge_range pads the range with blanks in the first cell's format; the cells the
            # recap wrote there are written over below.
            _, number = cell_at(rows, first_row - 1, first_column - 1)
            ws.merge_range(
                first_row - 1, first_column - 1, last_row - 1, last_column - 1, None, cell_formats[number]
            )
        write_blank, write_string, write_number = ws.write_blank, ws.write_string, ws.write_number
        write_datetime, write_boolean = ws.write_datetime, ws.write_boolean
        for row, (values, numbers) in enumerate(rows):
            for column, value in enumerate(values):
                cell_format = cell_formats[numbers[column]]
                kind = type(value)
                if value is None:
                    if cell_format is not None:
                        write_blank(row, column, None, cell_format)
                elif kind is str:  # never `write`, which would take "=…" for a formula
                    write_string(row, column, value, cell_format)
                elif kind is int or kind is float:
                    write_number(row, column, value, cell_format)
                elif kind is datetime.datetime:
                    write_datetime(row, column, value, cell_format)
                elif kind is bool:
                    write_boolean(row, column, value, cell_format)
                else:
                    ws.write(row, column, value, cell_format)
    workbook.close()


RustpyPlan = namedtuple(
    "RustpyPlan", "title header keys header_number column_numbers merges widths heights freeze"
)


def header_row(rows, layout):
    """The 0-based row rustpy-xlsxwriter gets as its header: the last frozen row, else the first
    row of distinct labels in every column (the Ringkasan has no frozen rows)."""
    if layout.freeze and layout.freeze[0] > 1:
        return layout.freeze[0] - 2
    width = max((len(values) for values, _ in rows), default=0)
    for index, (values, _) in enumerate(rows):
        if (
            len(values) == width
            and all(isinstance(value, str) for value in values)
            and len(set(values)) == width
        ):
            return index
    return 0


def rustpy_plans(sheets, layouts):
    """([RustpyPlan] a sheet, Counter of what rustpy-xlsxwriter cannot reproduce).

    Worked out beforehand, untimed: a recap using the library would know its header and
    column formats from its Column definitions instead of counting the cells' styles."""
    plans, missing = [], Counter()
    for title, _, rows in sheets:
        layout = layouts[title]
        header = header_row(rows, layout)
        merges, covered = [], {}
        # In row order: in constant memory mode it drops a write to a row it has written out.
        for first_row, first_column, last_row, last_column in sorted(real_merges(layout)):
            if last_row - 1 >= header:
                missing["merged ranges reaching the header or data rows"] += 1
                continue
            first = cell_at(rows, first_row - 1, first_column - 1)
            merges.append((first_row - 1, first_column - 1, last_row - 1, last_column - 1, *first))
        for first_row, first_column, last_row, last_column in real_merges(layout):
            for row in range(first_row - 1, last_row):
                for column in range(first_column - 1, last_column):
                    covered[row, column] = cell_at(rows, first_row - 1, first_column - 1)[0]
        writable = {
            (row, column)
            for merge in merges
            for row in range(merge[0], merge[2] + 1)
            for column in range(merge[1], merge[3] + 1)
        }
        for row in range(header):
            values, numbers = rows[row]
            for column, (value, number) in enumerate(zip(values, numbers, strict=True)):
                if (value is not None or number) and (row, column) not in writable:
                    missing["cells above the header row outside a merge it can write"] += 1
        keys, header_numbers = [], Counter()
        values, numbers = rows[header] if rows else ((), ())
        for column, (value, number) in enumerate(zip(values, numbers, strict=True)):
            label = value if value is not None else covered.get((header, column))
            label = "" if label is None else str(label)
            if label != value:
                missing["header cells holding another value (a label moved down from above, a blank)"] += 1
            while label in keys:  # the header is a dict's keys: a repeated label gets a zero-width space
                label += "\u200b"
                missing["repeated header labels made unique"] += 1
            keys.append(label)
            header_numbers[number] += 1
        header_number = header_numbers.most_common(1)[0][0] if header_numbers else 0
        missing["header cells styled unlike its one header format"] += sum(
            count for number, count in header_numbers.items() if number != header_number
        )
        by_column = [Counter() for _ in keys]
        for _, numbers in rows[header + 1 :]:
            for counter, number in itertools.zip_longest(by_column, numbers, fillvalue=0):
                counter[number] += 1
        column_numbers = [counter.most_common(1)[0][0] if counter else 0 for counter in by_column]
        for values, numbers in rows[header + 1 :]:
            for column, usual in enumerate(column_numbers):
                value, number = (values[column], numbers[column]) if column < len(values) else (None, 0)
                if number != usual:
                    missing["data cells styled unlike their column (JUMLAH rows, quote prefix, notes)"] += 1
                elif value is None and number:
                    missing["styled blank cells, left to the column's default style"] += 1
        widths = [
            layout.widths.get(column, 8.43 + WIDTH_PADDING) - WIDTH_PADDING
            for column in range(1, len(keys) + 1)
        ]
        heights = {row - 1: height for row, height in layout.heights.items()}
        freeze = {"row": layout.freeze[0] - 1, "col": layout.freeze[1] - 1} if layout.freeze else None
        plans.append(
            RustpyPlan(title, header, keys, header_number, column_numbers, merges, widths, heights, freeze)
        )
    return plans, +missing  # without the kinds it never met


RUSTPY_UNDERLINES = {1: "single", 2: "double", 33: "single_accounting", 34: "double_accounting"}
RUSTPY_FLAGS = {
    "bold": "set_bold", "italic": "set_italic", "text_wrap": "set_text_wrap", "shrink": "set_shrink",
    "quote_prefix": "set_quote_prefix",
}  # fmt: skip
# The setters taking the property's value; a border colour's is named after it.
RUSTPY_SETTERS = {
    "font_name": "set_font_name", "font_size": "set_font_size", "font_color": "set_font_color",
    "bg_color": "set_background_color", "align": "set_align", "valign": "set_align",
    "indent": "set_indent", "rotation": "set_rotation", "num_format": "set_num_format",
}  # fmt: skip


def rustpy_format(properties):
    """rustpy-xlsxwriter's Format of XlsxWriter's format properties."""
    from rustpy_xlsxwriter import Format

    cell_format = Format()
    for name, value in properties.items():
        if name in RUSTPY_FLAGS:
            if value:
                getattr(cell_format, RUSTPY_FLAGS[name])()
        elif name == "underline":
            cell_format.set_underline(RUSTPY_UNDERLINES[value])
        elif name == "pattern":
            cell_format.set_pattern("solid")
        elif name in ("left", "right", "top", "bottom"):
            style = re.sub(
                r"(?<!^)([A-Z])", r"_\1", BORDER_STYLES[value]
            ).lower()  # mediumDashed: medium_dashed
            getattr(cell_format, f"set_border_{name}")(style)
        else:
            setter = getattr(cell_format, RUSTPY_SETTERS.get(name, f"set_border_{name}"))
            setter(float(value) if name == "font_size" else value)
    return cell_format


def rustpy_records(keys, rows, start):
    """The rows below the header as the dicts rustpy-xlsxwriter takes, one at a time."""
    if start >= len(rows):
        yield dict.fromkeys(keys)  # without a record it writes no header either
    width = len(keys)
    for index in range(start, len(rows)):
        values = rows[index][0]
        if len(values) < width:  # openpyxl reads a row only as far as its last cell
            values = values + [None] * (width - len(values))
        yield dict(zip(keys, values, strict=True))


def write_rustpy(sheets, plans, target):
    """What rustpy-xlsxwriter can write of the same cells and layout (see `rustpy_plans`)."""
    from rustpy_xlsxwriter import write_worksheets

    formats, entries = {}, []
    options = {name: {} for name in ("column_formats", "header_format", "header_row", "merge_ranges",
                                     "row_heights", "column_widths", "freeze_panes")}  # fmt: skip

    def cell_format(styles, number):
        if not number:
            return None
        if styles[number] not in formats:
            formats[styles[number]] = rustpy_format(format_properties(styles[number]))
        return formats[styles[number]]

    for plan, (title, styles, rows) in zip(plans, sheets, strict=True):
        entries.append((title, rustpy_records(plan.keys, rows, plan.header + 1)))
        options["column_formats"][title] = [cell_format(styles, number) for number in plan.column_numbers]
        if plan.header_number:
            options["header_format"][title] = cell_format(styles, plan.header_number)
        options["header_row"][title] = plan.header
        if plan.merges:
            options["merge_ranges"][title] = [
                (*merge[:5], cell_format(styles, merge[5])) if merge[5] else merge[:5]
                for merge in plan.merges
            ]
        options["row_heights"][title] = plan.heights
        options["column_widths"][title] = plan.widths
        if plan.freeze:
            options["freeze_panes"][title] = plan.freeze
    write_worksheets(entries, str(target), **options)


def same_value(ours, theirs):
    if ours == theirs:
        return True
    if isinstance(ours, int | float) and isinstance(theirs, int | float):
        return abs(ours - theirs) <= 1e-9 * max(1, abs(ours))
    if isinstance(ours, datetime.datetime) and isinstance(theirs, datetime.datetime):
        return abs((ours - theirs).total_seconds()) < 0.001  # a serial number's last digit
    return False


def style_key(font, border, fill, alignment, number_format, quote_prefix):
    """What the style comparison looks at: the font (bold, italic, underline, name, size,
    colour), the fill colour, number format, border lines, alignment and quote prefix. A cell
    the file does not hold (all None) has the default style."""
    from openpyxl.styles import Alignment, Border, PatternFill
    from openpyxl.styles.fonts import DEFAULT_FONT

    font, border = font or DEFAULT_FONT, border or Border()
    fill, alignment = fill or PatternFill(), alignment or Alignment()
    lines = tuple(
        (line.style, rgb(line.color)) if line is not None and line.style else (None, None)
        for line in (border.left, border.right, border.top, border.bottom)
    )
    return (
        bool(font.b), bool(font.i), font.u, font.name, float(font.sz or 11), rgb(font.color),
        rgb(fill.fgColor) if fill.patternType == "solid" else None,
        number_format or "General",
        lines,
        None if alignment.horizontal == "general" else alignment.horizontal,
        None if alignment.vertical == "bottom" else alignment.vertical,
        bool(alignment.wrap_text),
        bool(quote_prefix),
    )  # fmt: skip


def compare(sheets, layouts, path):
    """Whether the file at `path`, read back with openpyxl, holds the recap's cells: (same sheet
    names, cells, cells with another value, sampled cells, sampled cells with another style).
    The blanks a merge covers beyond its first cell are not sampled: nothing shows them."""
    from openpyxl import load_workbook
    from openpyxl.cell.read_only import EMPTY_CELL

    workbook = load_workbook(path, read_only=True)
    cells = value_diffs = sampled = style_diffs = 0
    for title, styles, rows in sheets:
        hidden = merge_pads(layouts[title])
        rng = random.Random(title)
        sample = set(range(min(SAMPLE_HEAD, len(rows))))
        sample |= set(rng.sample(range(len(rows)), min(SAMPLE_ROWS, len(rows))))
        theirs_rows = workbook[title].iter_rows() if title in workbook.sheetnames else iter(())
        for row, (ours, theirs) in enumerate(itertools.zip_longest(rows, theirs_rows)):
            values, numbers = ours or ((), ())
            for column, (value, number, cell) in enumerate(
                itertools.zip_longest(values, numbers, theirs or ())
            ):
                cells += 1
                value_diffs += not same_value(value, cell.value if cell is not None else None)
                if row in sample and (row, column) not in hidden:
                    sampled += 1
                    ours_key = style_key(*(styles[number] if number else (None,) * 6))
                    cell = EMPTY_CELL if cell is None else cell
                    quote_prefix = cell.style_array.quotePrefix if cell is not EMPTY_CELL else False
                    theirs_key = style_key(
                        cell.font, cell.border, cell.fill, cell.alignment, cell.number_format, quote_prefix
                    )
                    style_diffs += ours_key != theirs_key
    same_names = workbook.sheetnames == [title for title, _, _ in sheets]
    workbook.close()
    return same_names, cells, value_diffs, sampled, style_diffs


def layout_differences(expected, actual):
    """Counter of the layout features of `actual` that differ from `expected`."""
    differences = Counter()
    for title, ours in expected.items():
        theirs = actual.get(title, Layout({}, {}, [], None, 0, 0))
        differences["column widths"] += sum(
            column not in ours.widths
            or column not in theirs.widths
            or abs(ours.widths[column] - theirs.widths[column]) > WIDTH_TOLERANCE
            for column in ours.widths.keys() | theirs.widths.keys()
        )
        differences["row heights"] += sum(
            abs(ours.heights.get(row, DEFAULT_HEIGHT) - theirs.heights.get(row, DEFAULT_HEIGHT))
            > HEIGHT_TOLERANCE
            for row in ours.heights.keys() | theirs.heights.keys()
        )
        differences["merged ranges"] += len(set(real_merges(ours)) ^ set(real_merges(theirs)))
        differences["freeze panes"] += ours.freeze != theirs.freeze
        differences["columns styled whole (blank cells below the table too)"] += max(
            theirs.styled_columns - ours.styled_columns, 0
        )
        differences["rows written twice (the format allows each row once)"] += theirs.rows_twice
    return +differences


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


def optional(module, name, version, mode):
    """Import an optional writer before any run forks, so no run pays for the import; None
    when it is not installed."""
    try:
        imported = importlib.import_module(module)
    except ImportError:
        print(f"{module}: not installed (pip install {name}=={version})")
        return None
    print(f"{module}: {getattr(imported, '__version__', '?')} ({mode})")
    return imported


def checks(sheets, layouts, target):
    """One line: whether the file at `target` has the recap's sheets, values, sampled styles
    and layout."""
    same_names, cells, value_diffs, sampled, style_diffs = compare(sheets, layouts, target)
    layout = layout_differences(layouts, read_layout(target))
    line = (
        f"same_sheets={'yes' if same_names else 'no'} "
        f"same_values={'no' if value_diffs else 'yes'} ({value_diffs:,} of {cells:,} cells differ) "
        f"same_styles={'no' if style_diffs else 'yes'} ({style_diffs:,} of {sampled:,} sampled differ) "
        f"same_layout={'no' if layout else 'yes'}"
    )
    if layout:
        line += " (" + ", ".join(f"{what} {count:,}" for what, count in layout.items()) + ")"
    return line


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
        layouts = read_layout(rekap_file)
        cells = sum(len(values) for _, _, rows in sheets for values, _ in rows)
        print(f"buku kerja: {len(sheets)} lembar, {cells:,} sel, {rekap_file.stat().st_size / 1e6:.1f} MB")
        others = []  # (label, writer, its arguments, its file, what it cannot reproduce)
        if optional("xlsxwriter", "xlsxwriter", XLSXWRITER_VERSION, "normal mode"):
            others.append(
                ("xlsxwriter", write_xlsxwriter, (sheets, layouts), folder / "xlsxwriter.xlsx", None)
            )
        if optional("rustpy_xlsxwriter", "rustpy-xlsxwriter", RUSTPY_VERSION, "constant memory, its default"):
            plans, missing = rustpy_plans(sheets, layouts)
            others.append(
                ("rustpy_xlsxwriter", write_rustpy, (sheets, plans), folder / "rustpy.xlsx", missing)
            )
        rekap_runs, floor_runs = [], []
        other_runs = {label: [] for label, *_ in others}
        for _ in range(arguments.runs):  # interleaved, so a busy machine slows all alike
            rekap_runs.append(rekap_runner.run())
            floor_runs.append(measured(write_floor, sheets, floor_file))
            for label, writer, writer_arguments, target, _ in others:
                other_runs[label].append(measured(writer, *writer_arguments, target))
        rekap_runner.close()
        request_new, request_joined, tugas_id = time_request_to_progress(tahun, runs=5)
        print(f"permintaan_ke_halaman_tugas_ms={request_new * 1000:.0f} (sasaran < 500)")
        print(f"permintaan_ulang_ikut_tugas_ms={request_joined * 1000:.0f}")
        task_seconds, _, _ = measured(run_task, tugas_id)
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
        for label, *_ in others:
            median = statistics.median(seconds for seconds, _, _ in other_runs[label])
            growth = max(growth for _, _, growth in other_runs[label])
            print(f"{label}_median_s={median:.2f} {label}_growth_mb={growth:.0f}")
            print(f"{label}_vs_floor={median / floor_median:.2f}")
        for label, _, _, target, missing in others:  # the last run's file
            print(f"{label}: {checks(sheets, layouts, target)}")
            if missing:
                lacks = "; ".join(f"{what} ({count:,})" for what, count in missing.items())
                print(f"{label} could not reproduce: {lacks}")
        print(f"rekap_vs_floor={ratio:.2f}")
        print(f"tugas_latar_s={task_seconds:.2f} tugas_latar_vs_floor={task_seconds / floor_median:.2f}")
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

"""Workbook bombs: refused by what they expand to, before openpyxl holds any of it.

Each bomb is the app's own downloaded template with one sheet's XML replaced, written in
streaming; bench/impor_bom.py builds them full size and prints seconds and peak memory.
"""

import io
import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kependudukan.ekonomi.models import ImporEkonomi, Keluarga
from kependudukan.impor import batas
from kependudukan.impor.baca import BerkasDitolak, baca_workbook
from kependudukan.impor.kolom import KOLOM_PERISTIWA
from kependudukan.models import DataAwal, ImporBerkas, Peristiwa
from kependudukan.models.impor import StatusImpor
from tests.kependudukan import bom

pytestmark = pytest.mark.django_db

PERISTIWA = "xl/worksheets/sheet3.xml"
HEADER = bom.header_row([kolom.header for kolom in KOLOM_PERISTIWA])
TERLALU_BESAR = "Isi berkas Excel terlalu besar setelah dibuka: lebih dari 50 MB"


@pytest.fixture
def template(client_for, operator_a):
    return io.BytesIO(client_for(operator_a).get(reverse("kependudukan:impor_templat")).content)


def build(template, folder, sheet_chunks, shared_strings=None, sheet=PERISTIWA):
    path = folder / "bom.xlsx"
    bom.write_bomb(template, path, sheet, sheet_chunks, shared_strings)
    return path


def upload(client, path, url="kependudukan:impor_unggah"):
    return client.post(
        reverse(url), {"berkas": SimpleUploadedFile("data.xlsx", path.read_bytes())}, follow=True
    )


def refusal(path):
    with pytest.raises(BerkasDitolak) as refused:
        baca_workbook(path)
    return str(refused.value)


def test_a_sheet_of_millions_of_empty_rows_is_refused_on_the_upload_page(
    client_for, operator_a, template, tmp_path
):
    path = build(template, tmp_path, bom.empty_rows(HEADER, 12 * bom.MB))  # 2 million <row/>, 25 KB zipped
    assert path.stat().st_size < 100_000
    started = time.perf_counter()
    response = upload(client_for(operator_a), path)
    assert time.perf_counter() - started < 5
    assert response.status_code == 200
    assert "lebih dari 100.000 baris, baris kosong juga dihitung" in response.content.decode()
    impor = ImporBerkas.objects.get()
    assert impor.status == StatusImpor.DITOLAK and not impor.berkas
    assert not Peristiwa.objects.exists() and not DataAwal.objects.exists()


def test_rows_skipped_by_their_numbers_count_as_the_empty_rows_a_reader_would_make(template, tmp_path):
    far = f'<row r="{batas.MAKS_BARIS_LEMBAR + 1}"><c><v>1</v></c></row>'.encode()
    path = build(template, tmp_path, bom.sheet_xml(HEADER, [far]))
    assert "baris kosong juga dihitung" in refusal(path)


def test_a_sheet_expanding_to_200_mb_is_refused_from_the_zip_directory(template, tmp_path):
    path = build(template, tmp_path, bom.empty_rows(HEADER, 200 * bom.MB))
    assert TERLALU_BESAR in refusal(path)
    assert "xl/worksheets/sheet3.xml" in refusal(path)


def test_the_bytes_are_counted_while_inflating_as_the_directory_can_lie(template, tmp_path, monkeypatch):
    text_runs = bom.repeated(b"<x>" + b"A" * 30_000 + b"</x>", 200 * bom.MB)
    path = build(template, tmp_path, bom.sheet_xml(HEADER, text_runs))
    monkeypatch.setattr(batas, "_check_directory", lambda parts: None)
    assert TERLALU_BESAR in refusal(path)


def test_a_part_inflating_beyond_its_declared_size_is_refused_as_unreadable(template, tmp_path):
    path = build(template, tmp_path, bom.empty_rows(HEADER, 200 * bom.MB))
    bom.understate_size(path, PERISTIWA, 64 * 1024)
    assert "tidak dapat dibaca sebagai berkas Excel" in refusal(path)


def test_the_whole_workbook_is_bounded_as_well_as_each_part(template, tmp_path, monkeypatch):
    monkeypatch.setattr(batas, "MAKS_UKURAN_ISI", 10 * bom.MB)
    path = build(template, tmp_path, bom.empty_rows(HEADER, 12 * bom.MB))
    assert "lebih dari 10 MB" in refusal(path)


def test_one_cell_of_40_million_characters_is_refused_on_the_upload_page(
    client_for, operator_a, template, tmp_path
):
    path = build(template, tmp_path, bom.huge_cell(HEADER, 40 * bom.MB))
    response = upload(client_for(operator_a), path)
    assert "Satu sel berisi lebih dari 32.767 karakter" in response.content.decode()
    assert ImporBerkas.objects.get().status == StatusImpor.DITOLAK
    assert not Peristiwa.objects.exists()


def test_a_huge_shared_string_is_refused(template, tmp_path):
    path = build(template, tmp_path, bom.shared_string_cell(HEADER), bom.huge_shared_string(40 * bom.MB))
    assert "Satu sel berisi lebih dari 32.767 karakter" in refusal(path)


def test_millions_of_empty_cells_are_refused(template, tmp_path):
    path = build(template, tmp_path, bom.empty_cells(HEADER, 70_000, 30))
    assert "lebih dari 2.000.000 sel" in refusal(path)


@pytest.mark.parametrize("kind", ["cell", "shared string", "rows"])
def test_refusing_a_bomb_holds_only_a_chunk_in_memory(template, tmp_path, kind):
    sheet, shared_strings = {
        "cell": (bom.huge_cell(HEADER, 40 * bom.MB), None),
        "shared string": (bom.shared_string_cell(HEADER), bom.huge_shared_string(40 * bom.MB)),
        "rows": (bom.empty_rows(HEADER, 40 * bom.MB), None),
    }[kind]
    path = build(template, tmp_path, sheet, shared_strings)
    tracemalloc.start()
    try:
        refusal(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * bom.MB


def test_the_economic_import_refuses_a_bomb_too(client_for, operator_a, desa_a, tmp_path):
    client = client_for(operator_a)
    template = io.BytesIO(client.get(reverse("ekonomi:impor_templat")).content)
    path = build(template, tmp_path, bom.huge_cell(HEADER, 40 * bom.MB), sheet="xl/worksheets/sheet2.xml")
    response = upload(client, path, url="ekonomi:impor_unggah")
    assert "Satu sel berisi lebih dari 32.767 karakter" in response.content.decode()
    assert ImporEkonomi.objects.get().status == StatusImpor.DITOLAK
    assert not Keluarga.objects.exists()


def test_a_tag_the_parser_would_buffer_whole_is_refused(template, tmp_path):
    comment = [b"<!--", *bom.repeated(b"A", 40 * bom.MB), b"-->"]
    path = build(template, tmp_path, bom.sheet_xml(HEADER, comment))
    assert "satu tanda XML di bagian xl/worksheets/sheet3.xml lebih panjang dari 256 KB" in refusal(path)


def test_the_number_of_xml_elements_is_bounded(template, tmp_path, monkeypatch):
    monkeypatch.setattr(batas, "MAKS_UNSUR", 1_000)
    path = build(template, tmp_path, bom.sheet_xml(HEADER, [b"<x/>" * 1_000]))
    assert "lebih dari 1.000 unsur XML" in refusal(path)


def test_a_part_declaring_entities_is_refused_as_unreadable(template, tmp_path):
    laughs = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    path = build(template, tmp_path, [laughs, *bom.sheet_xml(HEADER, [b"<row><c><v>&b;</v></c></row>"])])
    assert "tidak dapat dibaca sebagai berkas Excel" in refusal(path)


def test_a_workbook_of_20000_rows_is_within_every_limit(template, tmp_path):
    def rows():
        values = ["63.11.06.2005", 3, "LAHIR", "2026-01-10", "2026-01-12", "", "", "Warga", "P", "", "WNI"]
        for number in range(2, 20_002):
            cells = "".join(
                f"<c><v>{value}</v></c>"
                if isinstance(value, int)
                else f'<c t="inlineStr"><is><t>{value}</t></is></c>'
                for value in values
            )
            yield f'<row r="{number}">{cells}</row>'.encode()

    sheets, errors = baca_workbook(build(template, tmp_path, bom.sheet_xml(HEADER, rows())))
    assert len(sheets["Peristiwa"].rows) == 20_000 and errors == []

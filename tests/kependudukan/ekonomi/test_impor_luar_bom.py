"""Bombs in the upstream layouts: a valid OpenSID workbook or SIKS-NG ranking whose sheet expands
to millions of empty rows, or to one huge cell, is refused by what it expands to, within seconds."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kependudukan.ekonomi.models import ImporBantuan, ImporDesil, PenerimaBantuan
from tests.kependudukan import bom
from tests.kependudukan.ekonomi import workbooks_luar as wb

pytestmark = pytest.mark.django_db

CASES = [
    ("ekonomi:impor_bantuan:impor_unggah", ImporBantuan, wb.program_bantuan([]), "xl/worksheets/sheet2.xml",
     wb.JUDUL_PESERTA),
    ("ekonomi:impor_desil:impor_unggah", ImporDesil, wb.desil([], judul=0), "xl/worksheets/sheet1.xml",
     ["No", "Nomor KK", "NIK", "Nama Kepala Keluarga", "Desil"]),
]  # fmt: skip


def post(client, url, path):
    data = {
        "berkas": SimpleUploadedFile("bom.xlsx", path.read_bytes()),
        "desa": "63.11.06.2005",
        "tanggal_data": timezone.localdate().isoformat(),
    }
    return client.post(reverse(url), data, follow=True)


@pytest.mark.parametrize(("url", "model", "template", "sheet", "headers"), CASES)
def test_millions_of_empty_rows_are_refused_in_seconds(
    client_for, operator_a, tmp_path, url, model, template, sheet, headers
):
    path = tmp_path / "bom.xlsx"
    bom.write_bomb(io.BytesIO(template), path, sheet, bom.empty_rows(bom.header_row(headers), 12 * bom.MB))
    assert path.stat().st_size < 100_000
    started = time.perf_counter()
    page = post(client_for(operator_a), url, path).content.decode()
    assert time.perf_counter() - started < 5
    assert "baris kosong juga dihitung" in page
    impor = model.objects.get()
    assert impor.status == "ditolak" and not impor.berkas and not PenerimaBantuan.objects.exists()


@pytest.mark.parametrize(("url", "model", "template", "sheet", "headers"), CASES)
def test_one_huge_cell_is_refused(client_for, operator_a, tmp_path, url, model, template, sheet, headers):
    path = tmp_path / "bom.xlsx"
    bom.write_bomb(io.BytesIO(template), path, sheet, bom.huge_cell(bom.header_row(headers), 40 * bom.MB))
    page = post(client_for(operator_a), url, path).content.decode()
    assert "Satu sel berisi lebih dari 32.767 karakter" in page
    assert model.objects.get().status == "ditolak"

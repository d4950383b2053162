"""manage.py rekap_excel: its arguments, its output file and its errors in Bahasa Indonesia."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from kependudukan.ekonomi.models import EksporData
from tests.factories.wilayah import muat_kabupaten
from tests.kudapanmas.rekap_contoh import isi_semua

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("rekap_excel", *args, stdout=out)
    return out.getvalue()


def test_it_writes_the_workbook_of_a_kecamatan_month(tmp_path, desa_a, desa_b, kecamatan, camat):
    isi_semua(desa_a, desa_b, kecamatan, camat)
    target = tmp_path / "rekap.xlsx"
    out = run("--periode", "2025-08", "--kecamatan", "63.11.06", "--output", str(target))
    assert "Rekap-Paringin-2025-08.xlsx" in out
    workbook = load_workbook(target)
    assert workbook["Kependudukan"]["A2"].value == "KECAMATAN PARINGIN · AGUSTUS 2025"
    ringkasan = {row[0]: row[1] for row in workbook["Ringkasan"].iter_rows(values_only=True) if row[0]}
    assert ringkasan["Dibuat oleh"] == "Perintah rekap_excel (server)"


def test_without_kecamatan_it_writes_the_whole_kabupaten_for_a_year(tmp_path, wilayah):
    target = tmp_path / "kabupaten.xlsx"
    out = run("--tahun", "2025", "--output", str(target))
    assert "Rekap-Kabupaten-Balangan-2025.xlsx" in out
    sheet = load_workbook(target)["Kependudukan"]
    assert sheet["A2"].value == "KABUPATEN BALANGAN · TAHUN 2025"
    labels = [row[0] for row in sheet.iter_rows(min_row=6, values_only=True) if isinstance(row[0], str)]
    assert labels[:2] == ["JUMLAH KECAMATAN JUAI", "JUMLAH KECAMATAN HALONG"]
    assert labels[8] == "JUMLAH"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--periode", "2025-08", "--tahun", "2025"],
            "Pilih salah satu: --periode (satu bulan) atau --tahun",
        ),
        ([], "Sebutkan --periode TTTT-BB (satu bulan) atau --tahun TTTT"),
        (["--periode", "Agustus 2025"], "Periode 'Agustus 2025' harus ditulis TTTT-BB, misalnya 2026-08."),
        (["--periode", "2025-13"], "Periode tidak valid: 2025-13"),
        (["--tahun", "25"], "Tahun '25' harus ditulis TTTT, misalnya 2026."),
        (["--tahun", "2999"], "Tahun 2999 belum berjalan."),
        (["--periode", "2025-08", "--kecamatan", "63.11.99"], "Kecamatan dengan kode '63.11.99' tidak ada"),
        (["--periode", "2025-08", "--kabupaten", "63.99"], "Kabupaten dengan kode '63.99' tidak ada"),
    ],
)
def test_it_refuses_bad_arguments_in_indonesian(tmp_path, wilayah, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args, "--output", str(tmp_path / "rekap.xlsx"))
    assert not (tmp_path / "rekap.xlsx").exists()


def test_it_refuses_a_folder_that_does_not_exist(tmp_path, wilayah):
    with pytest.raises(CommandError, match="tidak ada"):
        run("--periode", "2025-08", "--output", str(tmp_path / "tidak-ada" / "rekap.xlsx"))


def test_it_asks_which_kabupaten_when_there_are_several(tmp_path, wilayah):
    muat_kabupaten("63.09")
    with pytest.raises(CommandError, match="lebih dari satu kabupaten: sebutkan --kabupaten KODE"):
        run("--periode", "2025-08", "--output", str(tmp_path / "rekap.xlsx"))
    run("--periode", "2025-08", "--kabupaten", "63.11", "--output", str(tmp_path / "rekap.xlsx"))
    assert (tmp_path / "rekap.xlsx").exists()


def test_the_output_argument_is_required(wilayah):
    with pytest.raises(CommandError, match="Sebutkan --output BERKAS.xlsx"):
        run("--periode", "2025-08")


def test_the_command_records_the_export_of_names_as_the_download_does(tmp_path, wilayah):
    run("--periode", "2025-08", "--kecamatan", "63.11.06", "--output", str(tmp_path / "rekap.xlsx"))
    record = EksporData.objects.get()
    assert record.pengguna is None and record.nama_pengguna == "(perintah server)"
    assert record.isi == "Rekap Excel Kecamatan Paringin Agustus 2025 (NIK lengkap)"
    assert record.dengan_nik and record.jumlah_baris == sum(item["baris"] for item in record.rincian)

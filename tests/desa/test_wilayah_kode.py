"""The wilayah commands take codes undotted (6311062005, as OpenSID lists them) as well as dotted."""

import io

import pytest
from django.core.management import CommandError, call_command

from desa.models import Desa, Kabupaten, Kecamatan, Pengguna, Provinsi
from desa.scoping import Peran

pytestmark = pytest.mark.usefixtures("wilayah")

PASER_TANPA_TITIK = (
    "kode,nama,jenis\n64,Kalimantan Timur,provinsi\n6401,Paser,kabupaten\n"
    "640101,Batu Sopang,kecamatan\n6401012001,Batu Kajang,desa\n6401011002,Kerang,kelurahan\n"
)


def _write(tmp_path, text):
    path = tmp_path / "wilayah.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_undotted_file_is_stored_dotted_and_reads_the_same_as_the_dotted_one(tmp_path, capsys):
    call_command("muat_wilayah", _write(tmp_path, PASER_TANPA_TITIK))
    assert Kabupaten.objects.get(pk="64.01").provinsi == Provinsi.objects.get(pk="64")
    assert Kecamatan.objects.get(pk="64.01.01").kabupaten_id == "64.01"
    assert Desa.objects.get(pk="64.01.01.2001").kecamatan_id == "64.01.01"
    assert Desa.objects.get(pk="64.01.01.1002").jenis == Desa.Jenis.KELURAHAN
    dotted = (
        "kode,nama,jenis\n64,Kalimantan Timur,provinsi\n64.01,Paser,kabupaten\n"
        "64.01.01,Batu Sopang,kecamatan\n64.01.01.2001,Batu Kajang,desa\n64.01.01.1002,Kerang,kelurahan\n"
    )
    call_command("muat_wilayah", _write(tmp_path, dotted))
    assert "0 wilayah baru, 0 diperbarui, 5 tetap" in capsys.readouterr().out


def test_an_undotted_row_renames_the_desa_of_that_code(tmp_path):
    call_command("muat_wilayah", _write(tmp_path, "kode,nama,jenis\n 6311062014 ,Lokbatung,desa\n"))
    assert Desa.objects.get(pk="63.11.06.2014").nama == "Lokbatung"
    assert Desa.objects.count() == 157


def test_the_same_code_in_both_forms_is_listed_twice(tmp_path):
    path = _write(tmp_path, "kode,nama,jenis\n63.11.06.2014,Lokbatung,desa\n6311062014,Lok Batung,desa\n")
    with pytest.raises(CommandError, match="Baris 3: kode '63.11.06.2014' muncul dua kali"):
        call_command("muat_wilayah", path)


def test_a_bad_undotted_code_is_named_as_written_and_nothing_is_saved(tmp_path):
    path = _write(
        tmp_path,
        "kode,nama,jenis\n6311062099,Desa Baru,desa\n631106209,Pendek,desa\n6311061101,Kelurahan,desa\n"
        "٦٥,Angka Arab,provinsi\n6311,Balangan,kota\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("muat_wilayah", path)
    message = str(error.value)
    assert "Baris 3: kode '631106209' tidak sesuai untuk desa" in message
    assert "Baris 4: kode '6311061101' tidak sesuai untuk desa" in message
    assert "Baris 5: kode '٦٥' tidak sesuai untuk provinsi" in message
    assert "Baris 2" not in message and "Baris 6" not in message
    assert not Desa.objects.filter(pk="63.11.06.2099").exists()


def test_hanya_takes_an_undotted_code(tmp_path):
    call_command("muat_wilayah", _write(tmp_path, PASER_TANPA_TITIK), "--hanya", "640101")
    assert Desa.objects.filter(kecamatan_id="64.01.01").count() == 2
    with pytest.raises(CommandError, match="Tidak ada wilayah berkode 6401O"):
        call_command("muat_wilayah", _write(tmp_path, PASER_TANPA_TITIK), "--hanya", "6401O")


def test_siapkan_kabupaten_takes_an_undotted_code():
    out = io.StringIO()
    call_command("siapkan_kabupaten", "6311", "--admin-email", "pemkab@balangan.go.id", stdout=out)
    assert "Kabupaten Balangan: 17 akun baru, 0 sudah ada." in out.getvalue()
    assert Pengguna.objects.get(peran=Peran.KABUPATEN).kabupaten_id == "63.11"


@pytest.mark.parametrize("kode", ["63.1", "631106", "Balangan", "６３１１"])
def test_siapkan_kabupaten_refuses_what_is_no_kabupaten_code(kode):
    with pytest.raises(
        CommandError, match=f"'{kode}' bukan kode kabupaten/kota; tulis misalnya 63.11 atau 6311"
    ):
        call_command("siapkan_kabupaten", kode, "--admin-email", "pemkab@balangan.go.id")
    assert not Pengguna.objects.exists()

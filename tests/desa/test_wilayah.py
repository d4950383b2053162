import pytest
from django.core.management import CommandError, call_command

from desa.models import Desa, Kabupaten, Kecamatan

pytestmark = pytest.mark.usefixtures("wilayah")


def test_a_fresh_database_holds_balangan():
    assert Kabupaten.objects.get(pk="63.11").nama == "Balangan"
    assert Kecamatan.objects.count() == 8
    assert Desa.objects.count() == 157
    assert Desa.objects.filter(jenis=Desa.Jenis.KELURAHAN).count() == 3


def test_paringin_has_14_desa_and_2_kelurahan():
    paringin = Desa.objects.filter(kecamatan_id="63.11.06")
    assert paringin.filter(jenis=Desa.Jenis.DESA).count() == 14
    assert set(paringin.filter(jenis=Desa.Jenis.KELURAHAN).values_list("kode", flat=True)) == {
        "63.11.06.1019",
        "63.11.06.1023",
    }
    assert Desa.objects.get(pk="63.11.06.2005").nama == "Balang"


def _write(tmp_path, text):
    path = tmp_path / "wilayah.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_muat_wilayah_renames_by_code_and_adds_nothing_twice(tmp_path, capsys):
    path = _write(
        tmp_path,
        "kode,nama,jenis\n63.11,Balangan,kabupaten\n63.11.06,Paringin,kecamatan\n"
        "63.11.06.2014,Lokbatung,desa\n63.11.06.2099,Desa Baru,desa\n",
    )
    call_command("muat_wilayah", path)
    call_command("muat_wilayah", path)
    assert Desa.objects.get(pk="63.11.06.2014").nama == "Lokbatung"
    assert Desa.objects.count() == 158
    assert "0 wilayah baru, 4 diperbarui" in capsys.readouterr().out


def test_muat_wilayah_reports_bad_lines_and_saves_nothing(tmp_path):
    path = _write(
        tmp_path,
        "kode,nama,jenis\n63.11.06.2099,Desa Baru,desa\n63.11.6.2100,Salah,desa\n"
        "63.11.06.1101,Kelurahan,desa\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("muat_wilayah", path)
    assert "Baris 3: kode '63.11.6.2100'" in str(error.value)
    assert "Baris 4: kode '63.11.06.1101' tidak sesuai untuk desa" in str(error.value)
    assert not Desa.objects.filter(pk="63.11.06.2099").exists()


def test_muat_wilayah_refuses_an_unknown_parent(tmp_path):
    path = _write(tmp_path, "kode,nama,jenis\n63.11.06.2099,Desa Baru,desa\n63.11.09.2001,Yatim,desa\n")
    with pytest.raises(CommandError, match="Baris 3: kecamatan 63.11.09 tidak ada"):
        call_command("muat_wilayah", path)
    assert not Desa.objects.filter(pk="63.11.06.2099").exists()


def test_muat_wilayah_refuses_a_missing_file():
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("muat_wilayah", "/nonexistent/wilayah.csv")

import pytest
from django.core.management import CommandError, call_command

from desa.models import Desa, Kabupaten, Kecamatan, Provinsi
from desa.wilayah import INDONESIA_CSV

pytestmark = pytest.mark.usefixtures("wilayah")


def test_a_fresh_database_holds_balangan():
    assert Provinsi.objects.get() == Kabupaten.objects.get(pk="63.11").provinsi
    assert str(Provinsi.objects.get()) == "Provinsi Kalimantan Selatan"
    assert str(Kabupaten.objects.get()) == "Kabupaten Balangan"
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
    first, second = [line for line in capsys.readouterr().out.splitlines() if "wilayah baru" in line]
    assert first.startswith("1 wilayah baru, 1 diperbarui, 2 tetap")
    assert second.startswith("0 wilayah baru, 0 diperbarui, 4 tetap")


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


def test_the_whole_country_loads_once_and_a_second_run_changes_nothing(capsys):
    call_command("muat_wilayah")
    assert Provinsi.objects.count() == 38
    assert Kabupaten.objects.filter(jenis=Kabupaten.Jenis.KABUPATEN).count() == 416
    assert Kabupaten.objects.filter(jenis=Kabupaten.Jenis.KOTA).count() == 98
    assert Kecamatan.objects.count() == 7285
    assert Desa.objects.filter(jenis=Desa.Jenis.DESA).count() == 75266
    assert Desa.objects.filter(jenis=Desa.Jenis.KELURAHAN).count() == 8496
    assert str(Kabupaten.objects.get(pk="63.71")) == "Kota Banjarmasin"
    adat = Desa.objects.filter(kode__regex=r"\.3\d{3}$")
    assert adat.count() == 14 and not adat.exclude(jenis=Desa.Jenis.DESA).exists()
    assert capsys.readouterr().out.startswith("91432 wilayah baru, 0 diperbarui, 167 tetap")
    call_command("muat_wilayah", str(INDONESIA_CSV))
    assert capsys.readouterr().out.startswith("0 wilayah baru, 0 diperbarui, 91599 tetap")


def test_one_provinsi_of_the_national_file(capsys):
    call_command("muat_wilayah", "--hanya", "63")
    assert Provinsi.objects.get().nama == "Kalimantan Selatan"
    assert Kabupaten.objects.count() == 13
    assert not Desa.objects.exclude(kode__startswith="63.").exists()
    assert "wilayah tersimpan tidak ada" not in capsys.readouterr().out


def test_a_code_a_newer_decree_lacks_is_reported_and_kept(tmp_path, capsys, desa_a):
    """Paringin listed without two of its desa: they stay, with their data, and are named."""
    gone = ["63.11.06.2012", "63.11.06.2014"]
    paringin = Desa.objects.filter(kecamatan_id="63.11.06").exclude(pk__in=gone)
    lines = ["kode,nama,jenis", "63.11.06,Paringin,kecamatan"]
    lines += [f"{desa.kode},{desa.nama},{desa.jenis}" for desa in paringin]
    call_command("muat_wilayah", _write(tmp_path, "\n".join(lines) + "\n"))
    out = capsys.readouterr().out
    assert (
        f"2 wilayah tersimpan tidak ada di berkas dan tidak dihapus (datanya tetap): {', '.join(gone)}."
        in out
    )
    assert Desa.objects.filter(pk__in=gone).count() == 2
    # Kecamatan not in the file are not "missing": the file speaks only of Paringin.
    assert "63.11.01" not in out


def test_a_kabupaten_without_its_provinsi_is_refused(tmp_path):
    path = _write(tmp_path, "kode,nama,jenis\n64.01,Paser,kabupaten\n64.01.01,Batu Sopang,kecamatan\n")
    with pytest.raises(CommandError, match="Baris 2: provinsi 64 tidak ada"):
        call_command("muat_wilayah", path)
    assert not Kecamatan.objects.filter(pk="64.01.01").exists()


def test_a_desa_adat_code_is_a_desa_and_a_bad_jenis_names_its_line(tmp_path):
    path = _write(
        tmp_path,
        "kode,nama,jenis\n63.11.06.3001,Kampung Adat,desa\n63.11.07,Paringin Selatan,kota\n"
        "63.11.06.3002,Adat Dua,kelurahan\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("muat_wilayah", path)
    assert "Baris 3: kode '63.11.07' tidak sesuai untuk kota" in str(error.value)
    assert "Baris 4: kode '63.11.06.3002' tidak sesuai untuk kelurahan" in str(error.value)
    assert "Baris 2" not in str(error.value)
    assert not Desa.objects.filter(pk="63.11.06.3001").exists()

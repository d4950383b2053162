"""Every demo person's name matches their jenis kelamin: no man carries a woman's name."""

import pytest

from desa.models import RT, Desa, Pengguna
from desa.scoping import Peran
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan
from kependudukan.models import Peristiwa
from kudapanmas.demo.nama import NAMA_BELAKANG, NAMA_DEPAN, jenis_kelamin_nama
from linmas.models import AnggotaLinmas

pytestmark = pytest.mark.django_db


def jenis_kelamin_nik(nik):
    """The NIK's day of birth has 40 added for a woman."""
    return "P" if int(nik[6:8]) > 40 else "L"


def test_no_name_is_on_both_lists():
    laki = set(NAMA_DEPAN["L"]) | set(NAMA_BELAKANG["L"])
    perempuan = set(NAMA_DEPAN["P"]) | set(NAMA_BELAKANG["P"])
    assert not laki & perempuan


def test_every_demo_person_has_a_name_of_their_jenis_kelamin(demo_lengkap):
    """One build of the whole demo (it takes seconds), every kind of person in it."""
    events = Peristiwa.objects.all()
    residents = [(event.nama, event.jenis_kelamin) for event in events]
    residents += [(event.nama_ayah, "L") for event in events if event.nama_ayah]
    residents += [(event.nama_ibu, "P") for event in events if event.nama_ibu]
    members = list(AnggotaLinmas.objects.values_list("nama", "jenis_kelamin"))
    by_nik = list(Keluarga.objects.values_list("nama_kepala", "nik_kepala"))
    by_nik += list(PenerimaBantuan.objects.filter(keluarga__isnull=False).values_list("nama", "nik"))
    households = [(nama, jenis_kelamin_nik(nik)) for nama, nik in by_nik]
    for people in (residents, members, households):
        assert {jenis_kelamin for _, jenis_kelamin in people} == {"L", "P"}
    assert len(residents) > 1000
    wrong = [(nama, sex) for nama, sex in residents + members + households if jenis_kelamin_nama(nama) != sex]
    assert wrong == []

    # Officials whose records keep no jenis kelamin: a name still comes whole from one list.
    officials = list(Desa.objects.filter(kecamatan_id="63.11.06").values_list("nama_kepala", flat=True))
    officials += list(RT.objects.filter(desa__kecamatan_id="63.11.06").values_list("nama_ketua", flat=True))
    officials += list(Pengguna.objects.filter(peran=Peran.OPERATOR_DESA).values_list("first_name", flat=True))
    assert len(officials) > 50
    assert [nama for nama in officials if jenis_kelamin_nama(nama) is None] == []

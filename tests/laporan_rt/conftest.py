"""RT of the cast's desa and a Ketua RT account of desa A's RT 001."""

import pytest

from desa.scoping import Peran
from tests.factories.pengguna import make_user
from tests.factories.wilayah import RTFactory


@pytest.fixture
def rt_a1(desa_a):
    return RTFactory(desa=desa_a, nomor=1, rw="Dusun 1", nama_ketua="Rusdi Anwar")


@pytest.fixture
def rt_a2(desa_a):
    return RTFactory(desa=desa_a, nomor=2, rw="Dusun 1", nama_ketua="Siti Aminah")


@pytest.fixture
def rt_b1(desa_b):
    return RTFactory(desa=desa_b, nomor=1, nama_ketua="Basri Yusuf")


@pytest.fixture
def ketua_rt_a1(rt_a1):
    return make_user("ketua.rt1", peran=Peran.KETUA_RT, rt=rt_a1, telepon="081234567809", first_name="Rusdi")

import pytest

from tests.factories.kependudukan import make_data_awal, recent


@pytest.fixture
def started_a(desa_a):
    """Desa A has stated its population from six months back."""
    make_data_awal(desa_a, recent(6), wni_l=600, wni_p=610, wna_l=1, wna_p=0, jumlah_kk=370)
    return desa_a


@pytest.fixture
def started_b(desa_b):
    make_data_awal(desa_b, recent(6), wni_l=800, wni_p=790, jumlah_kk=480)
    return desa_b


@pytest.fixture(autouse=True)
def private_media(private_media):
    """Uploaded workbooks of every population test go to a folder of its own."""
    return private_media

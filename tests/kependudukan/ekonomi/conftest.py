import pytest

from kependudukan.ekonomi.models import ProgramBantuan


@pytest.fixture
def pkh(db):
    """PKH as its migration adds it: a transactional test empties the tables, the programmes too."""
    return ProgramBantuan.objects.get_or_create(
        kode="PKH", kabupaten=None, defaults={"nama": "Program Keluarga Harapan"}
    )[0]

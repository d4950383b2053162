import datetime

import pytest
from django.core.exceptions import ValidationError

from desa.identitas import check_nik, check_no_kk, validate_nik

VALID_MAN = "6311061203850001"  # born 12-03-85, man
VALID_WOMAN = "6311065203850002"  # born 12-03-85, woman (52 = 12 + 40)


@pytest.mark.parametrize(
    "nik,message",
    [
        ("631106120385000", "NIK harus 16 angka (sekarang 15 karakter)"),
        ("63110612038500011", "NIK harus 16 angka (sekarang 17 karakter)"),
        ("63110612038500a1", "NIK harus 16 angka"),
        ("0000000000000000", "tidak boleh semuanya nol"),
        ("6311063202850001", "bukan tanggal lahir yang mungkin"),  # day 32
        ("6311061213850001", "bukan tanggal lahir yang mungkin"),  # month 13
        ("6311067203850001", "bukan tanggal lahir yang mungkin"),  # day 72 - 40 = 32
        ("6311063002850001", "bukan tanggal lahir yang mungkin"),  # 30 February
        ("6311060000850001", "bukan tanggal lahir yang mungkin"),
    ],
)
def test_hard_errors_refuse_the_nik(nik, message):
    result = check_nik(nik)
    assert not result.ok
    assert message in result.errors[0]


@pytest.mark.parametrize("nik", [VALID_MAN, VALID_WOMAN, "6311062902000003"])
def test_well_formed_niks_pass(nik):
    assert check_nik(nik).ok
    assert check_nik(nik).warnings == []


def test_a_sex_mismatch_is_a_warning():
    result = check_nik(VALID_WOMAN, jenis_kelamin="L")
    assert result.ok
    assert result.warnings == ["NIK menunjukkan perempuan, berbeda dengan jenis kelamin yang dicatat."]


def test_a_birth_date_mismatch_is_a_warning():
    result = check_nik(VALID_MAN, jenis_kelamin="L", tanggal_lahir=datetime.date(1985, 3, 13))
    assert result.ok
    assert "Tanggal lahir pada NIK (12-03-85) berbeda" in result.warnings[0]


def test_a_matching_birth_date_and_sex_give_no_warning():
    result = check_nik(VALID_WOMAN, jenis_kelamin="P", tanggal_lahir=datetime.date(1985, 3, 12))
    assert result.warnings == []


def test_an_unknown_province_is_a_warning():
    result = check_nik("9911061203850001")
    assert result.ok
    assert result.warnings == ["Kode provinsi 99 pada NIK tidak dikenal."]


def test_the_django_validator_raises_in_indonesian():
    with pytest.raises(ValidationError, match="16 angka"):
        validate_nik("123")


@pytest.mark.parametrize(
    "no_kk,ok", [("6311060101090001", True), ("0000000000000000", False), ("63110601", False)]
)
def test_no_kk_rules(no_kk, ok):
    assert check_no_kk(no_kk).ok is ok

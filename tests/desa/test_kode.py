"""A wilayah code read from a file, dotted or undotted, text or a number cell, names one wilayah."""

import datetime
import decimal

import pytest

from desa.kode import baku_kode, tanpa_titik

BOTH_FORMS = [
    ("63", "63"),
    ("6311", "63.11"),
    ("63.11", "63.11"),
    ("631106", "63.11.06"),
    ("63.11.06", "63.11.06"),
    ("6311062005", "63.11.06.2005"),
    ("63.11.06.2005", "63.11.06.2005"),
    ("631101", "63.11.01"),  # a zero inside a code is kept
    ("6311061019", "63.11.06.1019"),  # a kelurahan
    ("9101012001", "91.01.01.2001"),
]


@pytest.mark.parametrize(("teks", "kode"), BOTH_FORMS)
def test_either_form_of_each_level_gives_the_dotted_code(teks, kode):
    assert baku_kode(teks) == kode


@pytest.mark.parametrize("teks", [" 6311062005", "6311062005 ", "\t63.11.06.2005\n", "\xa06311\xa0"])
def test_spaces_around_a_code_are_dropped(teks):
    assert baku_kode(teks) in {"63.11.06.2005", "63.11"}


@pytest.mark.parametrize(
    ("angka", "kode"),
    [
        (6311062005, "63.11.06.2005"),
        (6311062005.0, "63.11.06.2005"),
        (631106, "63.11.06"),
        (6311.0, "63.11"),
        (63, "63"),
    ],
)
def test_a_number_cell_is_read_as_its_digits(angka, kode):
    assert baku_kode(angka) == kode


@pytest.mark.parametrize(
    "nilai",
    [
        6311062005.5,  # a fraction
        63.11,  # a dotted kabupaten that a spreadsheet turned into a number: 63.10 would read 63.1
        -6311062005,
        0,
        63110620050,  # 11 digits
        pytest.param(10**5000, id="5001 digits, too many to turn into text at all"),
        float("inf"),
        float("nan"),
        True,
        False,
    ],
)
def test_a_number_that_is_no_code_is_refused(nilai):
    assert baku_kode(nilai) is None


@pytest.mark.parametrize(
    "teks",
    [
        "6",
        "631",
        "63110",
        "6311062",
        "63110620",
        "631106200",
        "63110620051",  # 11 digits
        "06311062005",  # a leading zero makes 11 digits
        "063.11",
        "63.1",
        "63.11.6",
        "63.11.06.205",
        "63.11.06.20051",
        "63.11.06.2005.1",
        "63.1106.2005",
        "6311.06.2005",
        "63.11.",
        ".63.11",
        "63..11",
        "63 11 06 2005",
        "63-11-06-2005",
        "63,11",
        "6311O62005",  # a letter O for a zero
        "ABCD",
        "63.11.06.2005a",
        "kode 6311062005",
    ],
)
def test_a_wrong_length_or_a_letter_is_refused(teks):
    assert baku_kode(teks) is None


@pytest.mark.parametrize("nilai", [None, "", "   ", "\n"])
def test_nothing_is_no_code(nilai):
    assert baku_kode(nilai) is None


@pytest.mark.parametrize(
    "nilai",
    [
        "٦٣١١٠٦٢٠٠٥",  # Arabic-Indic digits: str.isdigit() says yes, no code is written so
        "６３１１",  # full-width digits
        "63.11.06.2005\x00",
        "63.11\u200b",
        "6311062005\n6311062006",
        "63.11.06.2005' OR '1'='1",
        "<script>63.11</script>",
        pytest.param("6" * 100_000, id="100000 digits"),
        pytest.param("6311062005" + " " * 100_000 + "x", id="a code and 100000 spaces"),
        b"6311062005",
        datetime.date(2026, 1, 5),
        decimal.Decimal("6311062005"),
        ["63.11"],
        object(),
    ],
)
def test_hostile_values_are_refused_without_an_exception(nilai):
    assert baku_kode(nilai) is None


@pytest.mark.parametrize(("kode", "teks"), [("63.11.06.2005", "6311062005"), ("63.11", "6311"), ("63", "63")])
def test_the_undotted_form_reads_back_to_the_same_code(kode, teks):
    assert tanpa_titik(kode) == teks
    assert baku_kode(tanpa_titik(kode)) == kode

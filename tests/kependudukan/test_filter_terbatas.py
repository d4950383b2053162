"""The list filters are bounded before they reach the database: numbers, search terms, NUL bytes."""

import pytest
from django.urls import reverse

from desa.forms.masukan import CARI_MAKSIMUM
from desa.periode import Periode

pytestmark = pytest.mark.django_db

HOSTILE = ["9" * 100_000, str(2**63 + 1), "²", "1\x00", "a" * 100_000]


def pages(desa):
    return {
        "desil": reverse("ekonomi:keluarga_list", args=[desa.kode]),
        "rt": reverse("kependudukan:peristiwa_list", args=[desa.kode, str(Periode.current())]),
        "program": reverse("ekonomi:penerima_list", args=[desa.kode]),
    }


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name", ["desil", "rt", "program"])
def test_a_number_filter_out_of_bounds_is_ignored(client_for, operator_a, desa_a, name, value):
    response = client_for(operator_a).get(pages(desa_a)[name], {name: value})
    assert response.status_code == 200
    assert len(response.context["filters"][name]) <= CARI_MAKSIMUM


@pytest.mark.parametrize("name", ["desil", "rt", "program"])
def test_a_search_term_is_cut_and_loses_its_nul_bytes(client_for, operator_a, desa_a, name):
    response = client_for(operator_a).get(pages(desa_a)[name], {"q": "Siti\x00" + "a" * 100_000})
    assert response.status_code == 200
    assert response.context["filters"]["q"] == "Siti" + "a" * (CARI_MAKSIMUM - 4)

"""The desa's kependudukan overview: each of the last twelve months with its report's state."""

import re

import pytest
from django.urls import reverse

from tests.factories.kependudukan import recent

pytestmark = pytest.mark.django_db


def month_items(page):
    """{month label: the text of its line in the list}, from the overview's HTML."""
    items = re.findall(r'<a class="list-group-item[^>]*>(.*?)</a>', page, flags=re.S)
    return {re.search(r"<strong>(.*?)</strong>", item).group(1): item for item in items}


def test_months_before_the_data_awal_are_not_shown_as_unsent(client_for, operator_a, started_a):
    page = client_for(operator_a).get(reverse("kependudukan:desa_beranda", args=[started_a.pk])).content
    items = month_items(page.decode())
    before = items[recent(7).label]
    assert "Sebelum data awal" in before
    assert "keadaan-belum_dikirim" not in before and "Belum dikirim" not in before
    assert "keadaan-belum_dikirim" in items[recent(6).label]  # the first month of data is due
    assert "Sebelum data awal" not in items[recent(6).label]

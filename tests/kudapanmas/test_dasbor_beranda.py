"""The kecamatan home page's counters say what they count: the waiting one counts every month."""

import re

import pytest
from django.urls import reverse

from desa.models.laporan import Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

NOW = wita(2026, 9, 20, 12)  # the home page shows August 2026
AGUSTUS = Periode(2026, 8)

frozen = frozen_at(NOW)


def counter(content):
    match = re.search(
        r'id="label-menunggu">([^<]*)</div><div class="angka" id="angka-menunggu">([^<]*)</div>\s*'
        r'<div class="small">([^<]*)</div>',
        content,
    )
    return match.groups()


def test_the_waiting_counter_is_labelled_as_every_month_and_says_how_many_are_this_month(
    paringin, desa_a, desa_b, cast, client_for
):
    laporan(desa_a, AGUSTUS, sent=wita(2026, 9, 3, 9))
    laporan(desa_b, AGUSTUS.previous(), sent=wita(2026, 8, 3, 9))
    laporan(desa_b, AGUSTUS.shift(-2), sent=wita(2026, 7, 3, 9))
    laporan(desa_b, AGUSTUS, Status.DIVERIFIKASI)
    content = client_for(cast["kasi_trantib"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert "Laporan Agustus 2026" in content
    assert counter(content) == (
        "Menunggu verifikasi (semua bulan)",
        "3",
        "1 di antaranya laporan Agustus 2026",
    )


def test_the_dashboard_counter_counts_its_own_month_and_says_so(paringin, desa_a, desa_b, cast, client_for):
    laporan(desa_a, AGUSTUS, sent=wita(2026, 9, 3, 9))
    laporan(desa_b, AGUSTUS.previous(), sent=wita(2026, 8, 3, 9))
    content = (
        client_for(cast["camat"])
        .get(reverse("kudapanmas:dasbor_kecamatan", args=["63.11.06", "2026-08"]))
        .content
    )
    text = content.decode()
    assert re.search(r"Menunggu verifikasi · Agustus 2026</div><div class=\"angka\">1</div>", text)

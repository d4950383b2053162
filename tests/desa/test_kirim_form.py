"""The one send form: every kind refuses the same bad input, and its check gets cleaned values."""

import pytest
from django import forms
from django.urls import reverse

from desa import registry
from desa.models import LaporanBulanan
from desa.models.laporan import JenisLaporan, Status
from desa.periode import Periode
from desa.registry import Kiriman
from tests.factories.wilayah import KODE_DESA_A

pytestmark = pytest.mark.django_db

PERIODE = Periode.current().previous()
KINDS = [JenisLaporan.KEPENDUDUKAN, JenisLaporan.EKONOMI]


@pytest.fixture
def received(monkeypatch):
    """Each kind's check replaced by one that records the Kiriman it is given and accepts it."""
    calls = []

    def check(desa, periode, kiriman):
        calls.append(kiriman)
        return kiriman.nihil, kiriman.keterangan or "Nihil"

    for jenis in KINDS:
        monkeypatch.setitem(registry._send_checks, jenis, check)
    return calls


def send(client, jenis, data):
    url = reverse("desa:laporan_kirim", args=[KODE_DESA_A, jenis, str(PERIODE)])
    return client.post(url, {"versi": "0", **data}, follow=True).content.decode()


def sent(jenis):
    return LaporanBulanan.objects.filter(jenis=jenis, status=Status.DIKIRIM).exists()


@pytest.mark.parametrize("jenis", KINDS)
def test_a_keterangan_over_1000_characters_is_refused_for_every_kind(cast, client_for, received, jenis):
    page = send(client_for(cast["operator_a"]), jenis, {"keterangan": "x" * 1001})
    assert "Laporan belum dikirim. Keterangan terlalu panjang (paling banyak 1.000 huruf)." in page
    assert not received
    assert not sent(jenis)


@pytest.mark.parametrize("jenis", KINDS)
def test_a_keterangan_with_control_characters_is_refused_for_every_kind(cast, client_for, received, jenis):
    page = send(client_for(cast["operator_a"]), jenis, {"keterangan": "Aman\x00\x07"})
    assert "Keterangan: Teks berisi karakter yang tidak dapat disimpan (karakter kendali)" in page
    assert not received
    assert not sent(jenis)


def test_an_unreadable_versi_is_refused_before_the_ledger(cast, client_for, received):
    page = send(client_for(cast["operator_a"]), JenisLaporan.KEPENDUDUKAN, {"versi": "x"})
    assert "Versi laporan tidak dikenal" in page
    assert not received


def test_the_registered_check_receives_the_cleaned_kiriman(cast, client_for, received):
    send(client_for(cast["operator_a"]), JenisLaporan.KEPENDUDUKAN, {"nihil": "on", "keterangan": "  Aman  "})
    assert received == [Kiriman(nihil=True, keterangan="Aman", data={})]
    assert sent(JenisLaporan.KEPENDUDUKAN)


def test_a_declared_field_is_validated_and_handed_over_cleaned(cast, client_for, received, monkeypatch):
    declared = {"penjelasan": forms.CharField(max_length=5, required=False)}
    monkeypatch.setitem(registry._send_fields, JenisLaporan.EKONOMI, declared)
    client = client_for(cast["operator_a"])
    send(client, JenisLaporan.EKONOMI, {"penjelasan": "terlalu panjang", "tidak_dideklarasi": "x"})
    assert not received
    send(client, JenisLaporan.EKONOMI, {"penjelasan": " ya ", "tidak_dideklarasi": "x"})
    assert received == [Kiriman(nihil=False, keterangan="", data={"penjelasan": "ya"})]

"""The desa sends its RT month when every RT has reported, or with an explanation per missing RT."""

import pytest
from django.urls import reverse

from desa.ledger import TransisiDitolak
from desa.models import LaporanBulanan
from desa.models.laporan import Status
from desa.registry import Kiriman
from laporan_rt.kirim import check_send
from tests.factories.laporan_rt import PERIODE, make_laporan

pytestmark = pytest.mark.django_db


def _kirim(desa):
    return reverse("desa:laporan_kirim", args=[desa.pk, "laporan_rt", str(PERIODE)])


def _status(desa):
    laporan = LaporanBulanan.objects.filter(desa=desa, jenis="laporan_rt").first()
    return laporan.status if laporan else Status.BELUM_DIKIRIM


def test_a_missing_rt_without_an_explanation_stops_the_send(client_for, operator_a, desa_a, rt_a1, rt_a2):
    make_laporan(rt_a1)
    response = client_for(operator_a).post(_kirim(desa_a), {"versi": "0"}, follow=True)
    assert "RT 002 belum melapor" in response.content.decode()
    assert _status(desa_a) == Status.BELUM_DIKIRIM


def test_an_explanation_for_each_missing_rt_lets_it_send(client_for, operator_a, desa_a, rt_a1, rt_a2):
    make_laporan(rt_a1)
    data = {
        "versi": "0",
        "penjelasan_rt_2": "Ketua RT sakit, laporan menyusul.",
        "keterangan": "Catatan lain",
    }
    client_for(operator_a).post(_kirim(desa_a), data)
    laporan = LaporanBulanan.objects.get(desa=desa_a, jenis="laporan_rt")
    assert laporan.status == Status.DIKIRIM
    assert "RT 002: Ketua RT sakit, laporan menyusul." in laporan.keterangan
    assert "Catatan lain" in laporan.keterangan
    assert not laporan.nihil


def test_it_sends_without_explanations_when_every_rt_reported(client_for, operator_a, desa_a, rt_a1, rt_a2):
    make_laporan(rt_a1)
    make_laporan(rt_a2)
    client_for(operator_a).post(_kirim(desa_a), {"versi": "0"})
    assert _status(desa_a) == Status.DIKIRIM


def test_a_draft_counts_as_missing(desa_a, rt_a1):
    make_laporan(rt_a1, sent=False)
    with pytest.raises(TransisiDitolak, match="RT 001 belum melapor"):
        check_send(desa_a, PERIODE, Kiriman())


def test_an_inactive_rt_is_not_expected(desa_a, rt_a1, rt_a2):
    make_laporan(rt_a1)
    rt_a2.aktif = False
    rt_a2.save()
    assert check_send(desa_a, PERIODE, Kiriman()) == (False, "")


def test_a_blank_explanation_is_no_explanation(desa_a, rt_a1):
    with pytest.raises(TransisiDitolak):
        check_send(desa_a, PERIODE, Kiriman(data={"penjelasan_rt_1": ""}))


def test_a_desa_without_rt_cannot_send(desa_a):
    with pytest.raises(TransisiDitolak, match="belum punya RT aktif"):
        check_send(desa_a, PERIODE, Kiriman())


def test_a_very_long_explanation_is_refused_by_the_send_form(client_for, operator_a, desa_a, rt_a1):
    response = client_for(operator_a).post(
        _kirim(desa_a), {"versi": "0", "penjelasan_rt_1": "x" * 1001}, follow=True
    )
    assert "Penjelasan RT 001 terlalu panjang (paling banyak 1.000 huruf)." in response.content.decode()
    assert _status(desa_a) != Status.DIKIRIM


def test_the_send_form_asks_for_each_missing_rt(client_for, operator_a, desa_a, rt_a1, rt_a2):
    make_laporan(rt_a1)
    url = reverse("laporan_rt:laporan_bulanan", args=[desa_a.pk, str(PERIODE)])
    text = client_for(operator_a).get(url).content.decode()
    assert 'name="penjelasan_rt_2"' in text
    assert 'name="penjelasan_rt_1"' not in text
    assert 'name="nihil"' not in text

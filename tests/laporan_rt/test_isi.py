"""Filling one RT's report: drafts, sending to the desa, guests and incidents, the lock."""

import pytest
from django.urls import reverse

from desa import ledger
from desa.kiriman import FIELD
from desa.models.laporan import JenisLaporan
from laporan_rt.models import KejadianRT, LaporanRT, TamuWajibLapor
from tests.factories.laporan_rt import PERIODE, form_data, make_laporan

pytestmark = pytest.mark.django_db

NIK_TAMU = "6311064501900002"  # a woman born 5 January 1990


def _isi(rt, periode=PERIODE):
    return reverse("laporan_rt:isi", args=[rt.desa_id, str(periode), rt.nomor])


def _tamu(index=0, **fields):
    values = {
        "nama": "Hairunnisa",
        "nomor_identitas": NIK_TAMU,
        "asal": "Banjarmasin",
        "keperluan": "Menjenguk orang tua",
        "tanggal_datang": PERIODE.awal.replace(day=3).isoformat(),
        "tanggal_pergi": PERIODE.awal.replace(day=10).isoformat(),
        **fields,
    }
    return {f"tamu-{index}-{name}": value for name, value in values.items()}


def test_sending_marks_the_rt_as_reported(client_for, operator_a, rt_a1):
    response = client_for(operator_a).post(_isi(rt_a1), form_data())
    assert response.status_code == 302
    laporan = LaporanRT.objects.get()
    assert laporan.is_sent
    assert laporan.dikirim_oleh == operator_a
    assert laporan.desa_id == rt_a1.desa_id
    assert laporan.periode == PERIODE


def test_a_draft_is_not_reported(client_for, operator_a, rt_a1):
    response = client_for(operator_a).post(_isi(rt_a1), form_data(aksi="simpan"))
    assert response.status_code == 302
    assert response.url == _isi(rt_a1)
    assert not LaporanRT.objects.get().is_sent


def test_a_correction_keeps_the_first_send_time(client_for, operator_a, rt_a1):
    laporan = make_laporan(rt_a1)
    first = laporan.dikirim_at
    client_for(operator_a).post(_isi(rt_a1), form_data(masalah="Jalan rusak"))
    laporan.refresh_from_db()
    assert laporan.masalah == "Jalan rusak"
    assert laporan.dikirim_at == first


def test_guests_and_incidents_are_saved_and_empty_rows_ignored(client_for, operator_a, rt_a1):
    data = form_data(
        **_tamu(0),
        **{
            "kejadian-0-jenis": "pencurian",
            "kejadian-0-tanggal": PERIODE.awal.replace(day=12).isoformat(),
            "kejadian-0-uraian": "Sepeda motor warga hilang di depan rumah.",
        },
    )
    response = client_for(operator_a).post(_isi(rt_a1), data)
    assert response.status_code == 302
    tamu = TamuWajibLapor.objects.get()
    assert tamu.nama == "Hairunnisa"
    assert tamu.laporan.rt == rt_a1
    assert KejadianRT.objects.get().jenis == "pencurian"


def test_a_passport_number_is_accepted_for_a_foreign_guest(client_for, operator_a, rt_a1):
    data = form_data(**_tamu(0, nomor_identitas="a1234567"))
    assert client_for(operator_a).post(_isi(rt_a1), data).status_code == 302
    assert TamuWajibLapor.objects.get().nomor_identitas == "A1234567"


def test_a_wrong_guest_row_saves_nothing(client_for, operator_a, rt_a1):
    data = form_data(**_tamu(0, nomor_identitas="6311060000000000"), masalah="Tidak boleh tersimpan")
    response = client_for(operator_a).post(_isi(rt_a1), data)
    assert response.status_code == 200
    assert "bukan tanggal lahir yang mungkin" in response.content.decode()
    assert not LaporanRT.objects.exists()
    assert not TamuWajibLapor.objects.exists()


def test_a_guest_must_stay_over_a_day(client_for, operator_a, rt_a1):
    day = PERIODE.awal.replace(day=3).isoformat()
    data = form_data(**_tamu(0, tanggal_datang=day, tanggal_pergi=day))
    response = client_for(operator_a).post(_isi(rt_a1), data)
    assert "menginap lebih dari 24 jam" in response.content.decode()
    assert not LaporanRT.objects.exists()


def test_a_half_filled_guest_row_is_refused(client_for, operator_a, rt_a1):
    data = form_data(**{"tamu-1-nama": "Tanpa data lain"})
    response = client_for(operator_a).post(_isi(rt_a1), data)
    assert "Tulis NIK atau nomor paspor tamu." in response.content.decode()
    assert not LaporanRT.objects.exists()


def test_an_incident_outside_the_month_is_refused(client_for, operator_a, rt_a1):
    data = form_data(
        **{
            "kejadian-0-jenis": "kebakaran",
            "kejadian-0-tanggal": PERIODE.next().awal.isoformat(),
            "kejadian-0-uraian": "Kebakaran dapur",
        }
    )
    response = client_for(operator_a).post(_isi(rt_a1), data)
    assert f"Tanggal kejadian harus di bulan {PERIODE.label}" in response.content.decode()
    assert not LaporanRT.objects.exists()


def test_a_tampered_formset_is_an_error_message_not_a_crash(client_for, operator_a, rt_a1):
    data = form_data(**{"tamu-TOTAL_FORMS": "x"})
    response = client_for(operator_a).post(_isi(rt_a1), data)
    assert response.status_code == 200
    assert not LaporanRT.objects.exists()


def test_a_guest_can_be_removed(client_for, operator_a, rt_a1):
    laporan = make_laporan(rt_a1)
    tamu = TamuWajibLapor.objects.create(
        laporan=laporan,
        nama="A",
        nomor_identitas=NIK_TAMU,
        asal="B",
        keperluan="C",
        tanggal_datang=PERIODE.awal,
    )
    data = form_data(
        **_tamu(0, id=str(tamu.pk), DELETE="on"), **{"tamu-TOTAL_FORMS": "3", "tamu-INITIAL_FORMS": "1"}
    )
    assert client_for(operator_a).post(_isi(rt_a1), data).status_code == 302
    assert not TamuWajibLapor.objects.exists()


def test_a_sent_desa_month_locks_the_rt_reports(client_for, operator_a, rt_a1):
    laporan = make_laporan(rt_a1, masalah="Sebelum")
    ledger.kirim(desa=rt_a1.desa, jenis=JenisLaporan.LAPORAN_RT, periode=PERIODE, user=operator_a)
    client = client_for(operator_a)
    response = client.post(_isi(rt_a1), form_data(masalah="Sesudah"), follow=True)
    assert "sudah terkirim" in response.content.decode()
    laporan.refresh_from_db()
    assert laporan.masalah == "Sebelum"
    response = client.get(_isi(rt_a1))
    assert response.status_code == 302
    assert response.url == reverse("laporan_rt:detail", args=[rt_a1.desa_id, str(PERIODE), 1])


def test_a_future_month_cannot_be_filled(client_for, operator_a, rt_a1):
    future = PERIODE.shift(3)
    response = client_for(operator_a).post(_isi(rt_a1, future), form_data(), follow=True)
    assert "belum berjalan" in response.content.decode()
    assert not LaporanRT.objects.exists()


def test_an_unknown_rt_is_404(client_for, operator_a, rt_a1):
    url = reverse("laporan_rt:isi", args=[rt_a1.desa_id, str(PERIODE), 99])
    assert client_for(operator_a).get(url).status_code == 404


def test_another_desas_rt_is_404(client_for, operator_b, operator_luar, rt_a1):
    assert client_for(operator_b).get(_isi(rt_a1)).status_code == 404
    assert client_for(operator_luar).post(_isi(rt_a1), form_data()).status_code == 404
    assert not LaporanRT.objects.exists()


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_read_only_roles_may_read_but_not_fill(client_for, cast, rt_a1, role):
    make_laporan(rt_a1)
    client = client_for(cast[role])
    detail = reverse("laporan_rt:detail", args=[rt_a1.desa_id, str(PERIODE), 1])
    assert client.get(detail).status_code == 200
    assert client.get(_isi(rt_a1)).status_code == 403
    assert client.post(_isi(rt_a1), form_data(masalah="x")).status_code == 403
    assert LaporanRT.objects.get().masalah == ""


def test_the_kasi_trantib_may_fill_for_a_desa_of_the_kecamatan(client_for, kasi_trantib, rt_a1):
    assert client_for(kasi_trantib).post(_isi(rt_a1), form_data()).status_code == 302
    assert LaporanRT.objects.get().dikirim_oleh == kasi_trantib


def test_the_detail_of_an_empty_month_says_so(client_for, operator_a, rt_a1):
    url = reverse("laporan_rt:detail", args=[rt_a1.desa_id, str(PERIODE), 1])
    response = client_for(operator_a).get(url)
    assert f"RT 001 belum mengisi laporan {PERIODE.label}" in response.content.decode()


def test_a_report_posted_again_under_its_token_is_stored_once(client_for, operator_a, rt_a1):
    """The phone's queue may send a report again when the first answer was lost: its guests are
    not added twice, and the repeat is led to the saved report."""
    token = "0b7c8f7e-3a38-4f55-9d4e-5d5f0a6c1a01"
    data = {**form_data(), **_tamu(), "tamu-TOTAL_FORMS": "1", FIELD: token}
    client = client_for(operator_a)
    assert client.post(_isi(rt_a1), data).status_code == 302
    again = client.post(_isi(rt_a1), data, follow=True)
    assert again.redirect_chain[-1][0] == LaporanRT.objects.get().get_absolute_url()
    assert "sudah tersimpan" in again.content.decode()
    assert TamuWajibLapor.objects.count() == 1


def test_the_form_carries_a_one_time_token(client_for, operator_a, rt_a1):
    page = client_for(operator_a).get(_isi(rt_a1)).content.decode()
    assert f'name="{FIELD}"' in page

import pytest
from django.urls import reverse
from django.utils import timezone

from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.periode import Periode
from kependudukan.b3 import rekap_b3
from kependudukan.models import DataAwal, Koreksi, Peristiwa
from tests.factories.kependudukan import day, make_koreksi, make_peristiwa, recent

pytestmark = pytest.mark.django_db

FIRST = recent(3)
DATA = {
    "bulan_pertama": str(FIRST),
    "wni_l": "1200",
    "wni_p": "1180",
    "wna_l": "2",
    "wna_p": "1",
    "jumlah_kk": "720",
}


def url(desa):
    return reverse("kependudukan:data_awal_update", args=[desa.pk])


def sent(desa, periode, status=Status.DIKIRIM):
    # A write to the month may have made its blank ledger row already (desa.gerbang).
    laporan, _ = LaporanBulanan.objects.update_or_create(
        desa=desa,
        jenis=JenisLaporan.KEPENDUDUKAN,
        periode=periode,
        defaults={"status": status, "pertama_dikirim_at": timezone.now()},
    )
    return laporan


def test_an_operator_states_the_data_awal(client_for, operator_a, desa_a):
    response = client_for(operator_a).post(url(desa_a), DATA)
    assert response.status_code == 302
    data_awal = DataAwal.objects.get(desa=desa_a)
    assert (data_awal.periode, data_awal.jumlah_jiwa, data_awal.jumlah_kk) == (FIRST, 2383, 720)
    assert data_awal.dicatat_oleh == operator_a


def test_more_kk_than_people_or_a_future_month_is_refused(client_for, operator_a, desa_a):
    client = client_for(operator_a)
    assert (
        "tidak boleh lebih dari jumlah penduduk"
        in client.post(url(desa_a), {**DATA, "jumlah_kk": "9999"}).content.decode()
    )
    future = {**DATA, "bulan_pertama": str(Periode.current().next())}
    assert "belum berjalan" in client.post(url(desa_a), future).content.decode()
    assert "TTTT-BB" in client.post(url(desa_a), {**DATA, "bulan_pertama": "Mei"}).content.decode()
    assert not DataAwal.objects.exists()


def test_data_awal_can_change_until_a_month_is_sent(client_for, operator_a, desa_a):
    client = client_for(operator_a)
    client.post(url(desa_a), DATA)
    client.post(url(desa_a), {**DATA, "wni_l": "1250"})
    assert DataAwal.objects.get().wni_l == 1250
    report = sent(desa_a, FIRST)
    report.status = Status.DIKEMBALIKAN  # returned: sent once all the same
    report.save()
    response = client.post(url(desa_a), {**DATA, "wni_l": "1300"}, follow=True)
    assert "sudah pernah dikirim" in response.content.decode()
    assert DataAwal.objects.get().wni_l == 1250


def test_the_first_month_cannot_move_after_recorded_events(client_for, operator_a, desa_a):
    client = client_for(operator_a)
    client.post(url(desa_a), DATA)
    make_peristiwa(desa_a, "LAHIR", day(FIRST, 5))
    response = client.post(url(desa_a), {**DATA, "bulan_pertama": str(FIRST.next())})
    assert "Sudah ada peristiwa yang dilaporkan" in response.content.decode()
    assert DataAwal.objects.get().periode == FIRST


def test_a_correction_is_counted_in_its_month_with_its_reason(client_for, operator_a, started_a):
    data = {"tanggal_lapor": day(recent(1), 15).isoformat(), "wni_l": "-2", "wni_p": "0", "wna_l": "0",
            "wna_p": "0", "jumlah_kk": "1", "alasan": "Konsolidasi Disdukcapil semester II"}  # fmt: skip
    response = client_for(operator_a).post(reverse("kependudukan:koreksi_create", args=[started_a.pk]), data)
    assert response.status_code == 302
    row = rekap_b3([started_a], recent(1))[started_a.pk]
    before = rekap_b3([started_a], recent(2))[started_a.pk]
    assert row.koreksi.wni_l == -2 and row.kk_koreksi == 1
    assert row.akhir.wni_l == before.akhir.wni_l - 2
    assert before.akhir == row.awal  # the month before is untouched


def test_a_correction_needs_a_reason_and_a_change(client_for, operator_a, started_a):
    client = client_for(operator_a)
    add = reverse("kependudukan:koreksi_create", args=[started_a.pk])
    base = {"tanggal_lapor": timezone.localdate().isoformat(), "wni_l": "0", "wni_p": "0", "wna_l": "0",
            "wna_p": "0", "jumlah_kk": "0", "alasan": "x"}  # fmt: skip
    assert "paling sedikit satu selisih" in client.post(add, base).content.decode()
    assert (
        "Alasan koreksi wajib diisi"
        in client.post(add, {**base, "wni_l": "1", "alasan": " "}).content.decode()
    )
    assert "kurang dari nol" in client.post(add, {**base, "wna_l": "-5"}).content.decode()
    assert not Koreksi.objects.exists()


def test_a_correction_in_a_sent_month_is_refused_and_so_is_its_deletion(client_for, operator_a, started_a):
    koreksi = make_koreksi(started_a, day(recent(1), 3), wni_l=1)
    sent(started_a, recent(1))
    client = client_for(operator_a)
    data = {"tanggal_lapor": day(recent(1), 20).isoformat(), "wni_l": "1", "wni_p": "0", "wna_l": "0",
            "wna_p": "0", "jumlah_kk": "0", "alasan": "Salah hitung"}  # fmt: skip
    assert (
        "sudah terkirim"
        in client.post(reverse("kependudukan:koreksi_create", args=[started_a.pk]), data).content.decode()
    )
    client.post(reverse("kependudukan:koreksi_delete", args=[started_a.pk, koreksi.pk]))
    assert Koreksi.objects.count() == 1


def test_a_correction_can_be_removed_while_its_month_is_open(client_for, operator_a, started_a):
    koreksi = make_koreksi(started_a, timezone.localdate(), wni_l=1)
    client_for(operator_a).post(reverse("kependudukan:koreksi_delete", args=[started_a.pk, koreksi.pk]))
    assert not Koreksi.objects.exists()


def test_read_only_roles_and_other_desa_cannot_write(client_for, camat, operator_b, started_a):
    koreksi = make_koreksi(started_a, timezone.localdate(), wni_l=1)
    camat_client = client_for(camat)
    assert camat_client.get(url(started_a)).status_code == 403
    assert (
        camat_client.post(reverse("kependudukan:koreksi_create", args=[started_a.pk]), {}).status_code == 403
    )
    assert (
        camat_client.post(reverse("kependudukan:koreksi_delete", args=[started_a.pk, koreksi.pk])).status_code
        == 403
    )
    other = client_for(operator_b)
    assert (
        other.post(reverse("kependudukan:koreksi_delete", args=[started_a.pk, koreksi.pk])).status_code == 404
    )


def test_deleting_a_correction_by_get_is_not_allowed(client_for, operator_a, started_a):
    koreksi = make_koreksi(started_a, timezone.localdate(), wni_l=1)
    response = client_for(operator_a).get(
        reverse("kependudukan:koreksi_delete", args=[started_a.pk, koreksi.pk])
    )
    assert response.status_code == 405
    assert Koreksi.objects.exists()


def test_absurd_months_and_dates_get_a_message(client_for, operator_a, started_a):
    client = client_for(operator_a)
    assert (
        "terlalu lama" in client.post(url(started_a), {**DATA, "bulan_pertama": "1950-01"}).content.decode()
    )
    data = {"tanggal_lapor": "1800-05-01", "wni_l": "1", "wni_p": "0", "wna_l": "0",
            "wna_p": "0", "jumlah_kk": "0", "alasan": "x"}  # fmt: skip
    response = client.post(reverse("kependudukan:koreksi_create", args=[started_a.pk]), data)
    assert response.status_code == 200 and "terlalu lama" in response.content.decode()


def test_an_event_before_the_first_reporting_month_cannot_change_a_verified_month(
    client_for, operator_a, desa_a, kecamatan
):
    start = Periode.current().shift(-3)
    DataAwal.objects.create(
        desa=desa_a, periode=start.shift(-2), wni_l=10, wni_p=10, wna_l=0, wna_p=0, jumlah_kk=5
    )
    kecamatan.mulai_pelaporan = start.awal
    kecamatan.save()
    sent(desa_a, start, Status.DIVERIFIKASI)
    earlier = start.previous().awal.replace(day=10)
    data = {
        "nama": "Bayi", "jenis_kelamin": "L", "tanggal_peristiwa": earlier, "tempat_lahir": "Paringin",
        "nama_ayah": "", "nama_ibu": "Ibu", "nik": "", "no_kk": "", "kewarganegaraan": "WNI",
        "tanggal_lapor": earlier, "keterangan": "",
    }  # fmt: skip
    url = reverse("kependudukan:peristiwa_create", args=[desa_a.pk, "LAHIR"])
    response = client_for(operator_a).post(url, data)
    assert response.status_code == 200
    assert f"pakai tanggal sesudah {start.label}" in response.content.decode()
    assert not Peristiwa.objects.exists()

"""The Ekonomi pages: scoping, the decisions about a flag, the monthly report, the export record."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from desa import ledger
from desa.models.laporan import JenisLaporan
from desa.scoping import Peran
from kependudukan.ekonomi.laporan import rekap_ekonomi
from kependudukan.ekonomi.models import EksporData, Keluarga, TindakLanjut
from tests.factories.ekonomi import make_keluarga, make_penerima
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import day, make_peristiwa, recent
from tests.factories.pengguna import make_user

PAGES = ["ekonomi:keluarga_list", "ekonomi:penerima_list", "ekonomi:keluarga_create"]


@pytest.fixture
def flagged(desa_a):
    nik = make_nik("P")
    penerima = make_penerima(desa_a, "PKH", recent(6), nik=nik, nama="Siti Hasanah")
    penerima.peristiwa = make_peristiwa(desa_a, "MATI", day(recent(1), 3), nik=nik)
    return penerima


def test_the_desa_pages_are_404_for_another_desa(client_for, operator_b, desa_a, flagged):
    client = client_for(operator_b)
    for name in PAGES:
        assert client.get(reverse(name, args=[desa_a.pk])).status_code == 404, name
    assert client.get(flagged.get_absolute_url()).status_code == 404
    url = reverse("ekonomi:laporan_bulanan", args=[desa_a.pk, str(recent(1))])
    assert client.get(url).status_code == 404


def test_a_ketua_rt_never_sees_aid_data(client_for, desa_a, flagged):
    rt = desa_a.rt_set.create(nomor=1)
    client = client_for(make_user("ketua.rt", peran=Peran.KETUA_RT, rt=rt, desa=None))
    assert client.get(reverse("ekonomi:penerima_list", args=[desa_a.pk])).status_code == 404
    assert client.get(flagged.get_absolute_url()).status_code == 404


def test_read_only_roles_see_names_but_may_not_write(client_for, camat, kabupaten, desa_a, flagged):
    for user in (camat, kabupaten):
        client = client_for(user)
        page = client.get(flagged.get_absolute_url())
        assert page.status_code == 200 and flagged.nik in page.content.decode()
        assert client.get(reverse("ekonomi:keluarga_create", args=[desa_a.pk])).status_code == 403
        url = reverse("ekonomi:penerima_pertahankan", args=[desa_a.pk, flagged.pk])
        assert client.post(url, {"tanda": "meninggal_pindah", "tetap-alasan": "x"}).status_code == 403


def test_the_decisions_are_post_only(client_for, operator_a, desa_a, flagged):
    client = client_for(operator_a)
    for name in ("ekonomi:penerima_hentikan", "ekonomi:penerima_pertahankan"):
        assert client.get(reverse(name, args=[desa_a.pk, flagged.pk])).status_code == 405


def test_the_list_masks_the_nik_and_the_detail_shows_it(client_for, operator_a, desa_a, flagged):
    client = client_for(operator_a)
    listing = client.get(reverse("ekonomi:penerima_list", args=[desa_a.pk])).content.decode()
    assert flagged.nik not in listing and flagged.nik[:4] + "********" in listing
    assert "Perlu verifikasi" in listing


def test_the_operator_keeps_a_benefit_for_an_heir(client_for, operator_a, desa_a, flagged):
    url = reverse("ekonomi:penerima_pertahankan", args=[desa_a.pk, flagged.pk])
    data = {
        "tanda": "meninggal_pindah",
        "peristiwa": flagged.peristiwa.pk,
        "tetap-alasan": "Ahli waris: Aisyah",
    }
    response = client_for(operator_a).post(url, data, follow=True)
    assert "Ahli waris: Aisyah" in response.content.decode()
    decision = TindakLanjut.objects.get()
    assert decision.oleh == operator_a and decision.peristiwa == flagged.peristiwa


def test_keeping_without_a_reason_saves_nothing(client_for, operator_a, desa_a, flagged):
    url = reverse("ekonomi:penerima_pertahankan", args=[desa_a.pk, flagged.pk])
    response = client_for(operator_a).post(
        url, {"tanda": "meninggal_pindah", "tetap-alasan": ""}, follow=True
    )
    assert "Keputusan tidak disimpan" in response.content.decode()
    assert not TindakLanjut.objects.exists()


def test_the_kasi_trantib_stops_a_benefit(client_for, kasi_trantib, desa_a, flagged):
    url = reverse("ekonomi:penerima_hentikan", args=[desa_a.pk, flagged.pk])
    data = {"tanda": "meninggal_pindah", "peristiwa": flagged.peristiwa.pk,
            "hentikan-tanggal": recent(0).awal.isoformat(), "hentikan-alasan": "Meninggal dunia"}  # fmt: skip
    client_for(kasi_trantib).post(url, data)
    flagged.refresh_from_db()
    assert flagged.selesai == recent(0) and flagged.alasan_berhenti == "Meninggal dunia"


def test_a_stop_in_a_sent_month_is_refused(client_for, operator_a, desa_a, flagged):
    make_keluarga(desa_a, recent(1).awal)
    ledger.kirim(desa=desa_a, jenis=JenisLaporan.EKONOMI, periode=recent(1), user=operator_a)
    url = reverse("ekonomi:penerima_hentikan", args=[desa_a.pk, flagged.pk])
    data = {"hentikan-tanggal": recent(1).awal.isoformat(), "hentikan-alasan": "Meninggal"}
    response = client_for(operator_a).post(url, data, follow=True)
    assert "sudah terkirim" in response.content.decode()
    flagged.refresh_from_db()
    assert flagged.selesai is None


def test_a_household_is_recorded_with_its_history(client_for, operator_a, desa_a):
    url = reverse("ekonomi:keluarga_create", args=[desa_a.pk])
    data = {"no_kk": "6311060101200021", "nik_kepala": "6311061203800001", "nama_kepala": "Rusdi",
            "jumlah_anggota": 4, "desil": 2, "kategori_ks": "KS I",
            "tanggal_pemutakhiran": recent(0).awal.isoformat()}  # fmt: skip
    client = client_for(operator_a)
    assert client.post(url, data).status_code == 302
    keluarga = Keluarga.objects.get()
    data["desil"] = 3
    client.post(reverse("ekonomi:keluarga_update", args=[desa_a.pk, keluarga.pk]), data)
    assert [r.desil for r in keluarga.riwayat.all()] == [2, 3]
    bad = client.post(url, {**data, "no_kk": "123"})
    assert "16 angka" in bad.content.decode() and Keluarga.objects.count() == 1


def test_the_monthly_numbers(desa_a, desa_b):
    month = recent(1)
    make_keluarga(desa_a, day(month, 5), desil=1, kategori_ks="PRA KS")
    make_keluarga(desa_a, day(recent(9), 5), desil=4)
    make_keluarga(desa_a, day(recent(0), 1), desil=9)  # checked after the month: not counted yet
    make_keluarga(desa_b, day(month, 5), desil=None)
    make_penerima(desa_a, "PKH", month)
    make_penerima(desa_a, "PKH", recent(5), month)
    make_penerima(desa_a, "BPNT", recent(5), recent(3))
    rows = rekap_ekonomi([desa_a, desa_b], month)
    row = rows[desa_a.pk]
    assert row.jumlah_keluarga == 2 and row.per_desil[0] == 1 and row.per_desil[3] == 1
    assert row.per_ks[0] == 1 and row.per_ks[-1] == 1
    assert row.belum_dimutakhirkan == 1 and row.dimutakhirkan == 1
    pkh = next(item for item in row.program if item.kode == "PKH")
    bpnt = next(item for item in row.program if item.kode == "BPNT")
    assert (pkh.aktif, pkh.baru, pkh.berhenti) == (2, 1, 1) and bpnt.aktif == 0
    assert rows[desa_b.pk].per_desil[10] == 1


def test_the_report_is_sent_through_the_ledger(client_for, operator_a, desa_a):
    month = recent(1)
    page = reverse("ekonomi:laporan_bulanan", args=[desa_a.pk, str(month)])
    send = reverse("desa:laporan_kirim", args=[desa_a.pk, JenisLaporan.EKONOMI, str(month)])
    client = client_for(operator_a)
    assert "Kirim laporan" in client.get(page).content.decode()
    client.post(send, {"keterangan": ""})
    assert not ledger.laporan_for(desa_a, JenisLaporan.EKONOMI, month).is_sent
    make_keluarga(desa_a, day(month, 5), desil=2)
    client.post(send, {"keterangan": ""})
    assert ledger.laporan_for(desa_a, JenisLaporan.EKONOMI, month).is_sent


def test_the_recap_download_has_both_sheets_and_is_recorded(client_for, camat, kecamatan, desa_a, flagged):
    url = reverse("kudapanmas:rekap_kecamatan", args=[kecamatan.pk, str(recent(1))]) + "?nik=lengkap"
    response = client_for(camat).get(url)
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert {"Ekonomi", "Penerima Bantuan"} <= set(workbook.sheetnames)
    names = [row[6] for row in workbook["Penerima Bantuan"].iter_rows(values_only=True)]
    assert "Siti Hasanah" in names
    nik_cells = [row[5] for row in workbook["Penerima Bantuan"].iter_rows(values_only=True)]
    assert flagged.nik in nik_cells
    record = EksporData.objects.get()
    assert record.pengguna == camat and "Kecamatan Paringin" in record.isi

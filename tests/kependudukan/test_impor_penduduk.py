"""Import of a desa's residents from SIAK/BIP/OpenSID in the browser: upload, preview, confirm
(the reference list replaced whole), the data awal it proposes, who may do it, and the look-up."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from desa.models import StatusTugas
from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.models.privasi import AksesNIK
from desa.periode import Periode
from kependudukan.impor.latar import PERIKSA
from kependudukan.models import DaftarRujukan, DataAwal, ImporPenduduk, PendudukRujukan
from kependudukan.services.rujukan import cari
from tests.factories.identitas import make_nik
from tests.kependudukan import workbooks_penduduk as wb
from tests.kependudukan.test_impor_penduduk_tata_letak import BAPAK, IBU, KK1, NENEK, keluarga
from tests.kudapanmas.tugas import kerjakan_antrean

pytestmark = pytest.mark.django_db

A, B = "63.11.06.2005", "63.11.06.2014"
UPLOAD = reverse("kependudukan:impor_penduduk:impor_unggah")
TANGGAL = timezone.localdate() - datetime.timedelta(days=3)


def upload(client, content, desa=A, tanggal=TANGGAL, name="siak-lasung-batu.xlsx", follow=True):
    data = {"berkas": SimpleUploadedFile(name, content), "desa": desa, "tanggal_data": tanggal.isoformat()}
    return client.post(UPLOAD, data, follow=follow)


def confirm(client, impor):
    return client.post(reverse("kependudukan:impor_penduduk:impor_simpan", args=[impor.pk]), follow=True)


def proposal_url(impor):
    return reverse("kependudukan:impor_penduduk:impor_data_awal", args=[impor.pk])


def saved(client, content=None, desa=A):
    upload(client, content or wb.siak(keluarga()), desa=desa)
    impor = ImporPenduduk.objects.latest("pk")
    confirm(client, impor)
    impor.refresh_from_db()
    return impor


def test_the_preview_shows_what_was_read_and_saves_nothing(client_for, operator_a):
    page = upload(client_for(operator_a), wb.siak(keluarga())).content.decode()
    assert "Berkas benar" in page and "SIAK (Dukcapil)" in page
    assert "ACHMAD JULIANTONO" in page and f"NIK {BAPAK[:4]}********{BAPAK[-4:]}" in page
    assert BAPAK not in page  # half hidden, even to its uploader
    assert "Usulan data awal" in page and "Simpan daftar penduduk dulu" in page
    assert ImporPenduduk.objects.get().status == "siap"
    assert not PendudukRujukan.objects.exists() and not DaftarRujukan.objects.exists()


def test_confirming_keeps_the_desa_reference_list(client_for, operator_a):
    client = client_for(operator_a)
    impor = saved(client)
    assert impor.status == "disimpan" and not impor.berkas
    daftar = DaftarRujukan.objects.get(desa_id=A)
    assert (daftar.sumber, daftar.tanggal_data, daftar.jumlah) == ("siak", TANGGAL, 3)
    assert daftar.diunggah_oleh == operator_a and daftar.nama_berkas == "siak-lasung-batu.xlsx"
    bapak = PendudukRujukan.objects.get(nik=BAPAK)
    assert (bapak.desa_id, bapak.no_kk, bapak.kepala_keluarga, bapak.nomor_rt) == (A, KK1, True, 1)
    page = client.get(
        reverse("kependudukan:impor_penduduk:impor_pratinjau", args=[impor.pk])
    ).content.decode()
    assert "Pakai sebagai data awal" in page


def test_a_second_upload_replaces_the_list_whole(client_for, operator_a):
    client = client_for(operator_a)
    saved(client)
    baru = make_nik("L", datetime.date(2001, 5, 5))
    saved(client, wb.opensid([wb.orang(baru, KK1, "RUSMANTO", shdk="Kepala Keluarga")]))
    assert list(PendudukRujukan.objects.values_list("nik", flat=True)) == [baru]
    daftar = DaftarRujukan.objects.get()
    assert (daftar.sumber, daftar.jumlah) == ("opensid", 1)


def test_a_failing_row_saves_nothing_and_keeps_the_old_list(client_for, operator_a):
    client = client_for(operator_a)
    saved(client)
    people = keluarga()
    people[2]["jk"] = "?"
    page = upload(client, wb.siak(people)).content.decode()
    assert "1 kesalahan ditemukan; tidak ada yang disimpan" in page and "Kelamin (G)" in page
    assert ImporPenduduk.objects.latest("pk").status == "ditolak"
    assert set(PendudukRujukan.objects.values_list("nik", flat=True)) == {BAPAK, IBU, NENEK}


def test_an_unknown_layout_is_refused_in_words(client_for, operator_a):
    from tests.kependudukan.workbooks import data_awal_row, workbook_bytes

    page = upload(
        client_for(operator_a), workbook_bytes(data_awal=[data_awal_row(A, "2026-01")])
    ).content.decode()
    assert "Bentuk berkas tidak dikenal" in page and not DaftarRujukan.objects.exists()


def test_an_operator_uploads_only_for_their_own_desa(client_for, operator_a, desa_b):
    client = client_for(operator_a)
    form = client.get(UPLOAD).content.decode()
    assert 'name="desa"' in form and "disabled" in form  # shown, not chosen
    upload(client, wb.siak(keluarga()), desa=B)  # a posted desa is ignored for a disabled field
    assert ImporPenduduk.objects.get().hasil["desa_kode"] == A


def test_another_operator_cannot_see_or_confirm_the_upload(client_for, operator_a, operator_b):
    upload(client_for(operator_a), wb.siak(keluarga()))
    impor = ImporPenduduk.objects.get()
    other = client_for(operator_b)
    assert (
        other.get(reverse("kependudukan:impor_penduduk:impor_pratinjau", args=[impor.pk])).status_code == 404
    )
    assert other.post(reverse("kependudukan:impor_penduduk:impor_simpan", args=[impor.pk])).status_code == 404
    assert not PendudukRujukan.objects.exists()


def test_the_kasi_trantib_chooses_a_desa_of_their_kecamatan(client_for, kasi_trantib, desa_a, desa_luar):
    client = client_for(kasi_trantib)
    refused = upload(client, wb.bip2016(keluarga()), desa=desa_luar.pk)
    assert "hanya dapat mengimpor penduduk desa/kelurahan di wilayah tugas Anda" in refused.content.decode()
    assert not ImporPenduduk.objects.exists()
    saved(client, wb.bip2016(keluarga()), desa=A)
    assert DaftarRujukan.objects.get().desa_id == A and PendudukRujukan.objects.count() == 3


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_read_only_roles_may_not_upload(client_for, request, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, wb.siak(keluarga()), follow=False).status_code == 403
    assert not ImporPenduduk.objects.exists()


def test_the_proposal_is_compared_with_the_current_data_awal_then_confirmed(
    client_for, operator_a, started_a
):
    client = client_for(operator_a)
    impor = saved(client)
    page = client.get(
        reverse("kependudukan:impor_penduduk:impor_pratinjau", args=[impor.pk])
    ).content.decode()
    assert "WNI perempuan" in page and '<td class="text-end">610</td>' in page  # the current one beside it
    bulan = Periode.of(TANGGAL)
    done = client.post(proposal_url(impor), {"bulan_pertama": str(bulan)}, follow=True)
    assert "Data awal" in done.content.decode() and done.redirect_chain[-1][0].endswith(f"/kependudukan/{A}/")
    data_awal = DataAwal.objects.get(desa_id=A)
    assert (data_awal.wni_l, data_awal.wni_p, data_awal.wna_l, data_awal.jumlah_kk) == (1, 2, 0, 2)
    assert data_awal.periode == bulan and data_awal.dicatat_oleh == operator_a


def test_the_proposal_is_refused_once_a_report_was_sent(client_for, operator_a, started_a):
    client = client_for(operator_a)
    impor = saved(client)
    LaporanBulanan.objects.update_or_create(
        desa_id=A,
        jenis=JenisLaporan.KEPENDUDUKAN,
        periode=Periode.current().previous(),
        defaults={"status": Status.DIKIRIM, "pertama_dikirim_at": timezone.now()},
    )
    page = client.post(proposal_url(impor), {"bulan_pertama": str(Periode.of(TANGGAL))}, follow=True)
    assert "sudah pernah dikirim" in page.content.decode()
    assert DataAwal.objects.get(desa_id=A).wni_p == 610


def test_the_proposal_refuses_a_month_not_yet_begun(client_for, operator_a):
    client = client_for(operator_a)
    impor = saved(client)
    page = client.post(proposal_url(impor), {"bulan_pertama": str(Periode.current().next())}, follow=True)
    assert "belum berjalan" in page.content.decode() and not DataAwal.objects.exists()


def test_the_proposal_only_answers_a_post(client_for, operator_a):
    impor = saved(client_for(operator_a))
    assert client_for(operator_a).get(proposal_url(impor)).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_a_large_export_is_checked_by_the_worker(client_for, operator_a, settings):
    settings.IMPOR_LATAR_BARIS = 2
    client = client_for(operator_a)
    upload(client, wb.siak(keluarga()))
    impor = ImporPenduduk.objects.get()
    assert impor.status == "diperiksa" and impor.tugas.kind == PERIKSA
    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "siap" and impor.tugas.status == StatusTugas.SELESAI
    assert impor.hasil["jumlah_penduduk"] == 3 and not PendudukRujukan.objects.exists()


def test_cari_finds_a_resident_and_records_a_look_from_above_the_desa(
    client_for, operator_a, kasi_trantib, camat
):
    saved(client_for(operator_a))
    desa = DaftarRujukan.objects.get().desa
    assert cari(desa, BAPAK, operator_a).nama == "ACHMAD JULIANTONO"
    assert not AksesNIK.objects.exists()  # the desa's own operator is not recorded
    assert cari(desa, IBU, kasi_trantib).nama == "SUMINI"
    assert AksesNIK.objects.get().pengguna == kasi_trantib
    assert cari(desa, BAPAK, camat) is None  # read-only roles find nobody
    assert cari(desa, "6311060000000000", operator_a) is None


def test_cari_is_scoped_to_the_user(client_for, operator_a, operator_b):
    saved(client_for(operator_a))
    assert cari(DaftarRujukan.objects.get().desa, BAPAK, operator_b) is None


def test_the_desa_page_links_to_the_import(client_for, operator_a):
    page = client_for(operator_a).get(reverse("kependudukan:desa_beranda", args=[A])).content.decode()
    assert "Impor data penduduk (SIAK/BIP/OpenSID)" in page and UPLOAD in page

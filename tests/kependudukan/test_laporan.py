"""The monthly B.3 page, its send rule (nihil), print layout, the kecamatan table and scoping."""

import pytest
from django.urls import reverse

from desa.models.laporan import JenisLaporan, LaporanBulanan, Status
from desa.periode import Periode
from desa.registry import Kiriman, check_send
from desa.templatetags.format_id import angka_bertanda
from kependudukan.b3 import BarisB3, Kelompok
from kependudukan.kirim import KETERANGAN_NIHIL
from kependudukan.rincian import jumlah_peristiwa_per_rt, rincian_peristiwa
from kependudukan.views.laporan import b3_table
from tests.factories.kependudukan import day, make_koreksi, make_peristiwa, recent

pytestmark = pytest.mark.django_db

LAST = Periode.current().previous()


def page_url(desa, periode=LAST):
    return reverse("kependudukan:laporan_bulanan", args=[desa.pk, str(periode)])


def send(client, desa, periode=LAST, **data):
    url = reverse("desa:laporan_kirim", args=[desa.pk, "kependudukan", str(periode)])
    return client.post(url, {"versi": 0, **data}, follow=True)


def test_the_page_shows_the_b3_numbers_with_links_to_the_names(client_for, operator_a, started_a):
    make_peristiwa(started_a, "LAHIR", day(LAST, 4), jenis_kelamin="P", nama="Aisyah")
    page = client_for(operator_a).get(page_url(started_a)).content.decode()
    assert "Rekapitulasi jumlah penduduk (B.3)" in page
    assert "1.211" in page  # awal bulan
    list_url = reverse("kependudukan:peristiwa_list", args=[started_a.pk, str(LAST)])
    assert f'href="{list_url}?jenis=LAHIR&amp;wn=WNI&amp;jk=P"' in page
    assert "1 peristiwa" in page
    assert "Kirim laporan" in page


def test_a_correction_and_a_late_registration_are_visible(client_for, operator_a, started_a):
    make_koreksi(started_a, day(LAST, 20), wni_p=-2, alasan="Konsolidasi semester I")
    make_peristiwa(started_a, "LAHIR", day(recent(4), 2), day(LAST, 3), nama="Terlambat Sekali")
    page = client_for(operator_a).get(page_url(started_a)).content.decode()
    assert "Koreksi bulan ini" in page and "Konsolidasi semester I" in page
    assert "Pelaporan terlambat" in page and "Terlambat Sekali" in page
    assert "1 pelaporan terlambat" in page


def test_a_desa_without_data_awal_is_asked_for_it(client_for, operator_a, desa_a):
    page = client_for(operator_a).get(page_url(desa_a)).content.decode()
    assert "Data awal kependudukan belum diisi" in page
    assert reverse("kependudukan:data_awal_update", args=[desa_a.pk]) in page


def test_a_month_without_events_is_sent_as_nihil(client_for, operator_a, started_a):
    response = send(client_for(operator_a), started_a)
    laporan = LaporanBulanan.objects.get(desa=started_a, jenis=JenisLaporan.KEPENDUDUKAN)
    assert laporan.status == Status.DIKIRIM
    assert laporan.nihil and laporan.keterangan == KETERANGAN_NIHIL
    assert "terkirim" in response.content.decode()


def test_a_month_with_events_is_not_nihil_even_if_ticked(client_for, operator_a, started_a):
    make_peristiwa(started_a, "MATI", day(LAST, 7))
    client = client_for(operator_a)
    page = send(client, started_a, nihil="on").content.decode()
    assert "tidak dapat dikirim sebagai nihil" in page
    assert not LaporanBulanan.objects.filter(status=Status.DIKIRIM).exists()
    send(client, started_a, keterangan="Satu kematian")
    laporan = LaporanBulanan.objects.get(desa=started_a)
    assert not laporan.nihil and laporan.keterangan == "Satu kematian"


def test_a_month_without_data_awal_cannot_be_sent(client_for, operator_a, desa_a):
    page = send(client_for(operator_a), desa_a).content.decode()
    assert "Isi data awal dulu" in page
    assert not LaporanBulanan.objects.filter(pertama_dikirim_at__isnull=False).exists()


def test_the_registered_send_check_is_ours(started_a):
    assert check_send(JenisLaporan.KEPENDUDUKAN, started_a, LAST, Kiriman()) == (True, KETERANGAN_NIHIL)


def test_the_kasi_trantib_verifies_from_the_same_page(client_for, operator_a, kasi_trantib, started_a):
    send(client_for(operator_a), started_a)
    page = client_for(kasi_trantib).get(page_url(started_a)).content.decode()
    assert "Verifikasi" in page and "Kembalikan" in page


def test_the_print_layout_has_the_official_columns_and_a_signature(client_for, operator_a, started_a):
    started_a.nama_kepala = "H. Basri"
    started_a.save()
    page = client_for(operator_a).get(reverse("kependudukan:laporan_cetak", args=[started_a.pk, str(LAST)]))
    text = page.content.decode()
    assert "BUKU REKAPITULASI JUMLAH PENDUDUK" in text
    assert f"BULAN {LAST.label.upper()}" in text
    assert "Kepala Desa Balang" in text and "H. Basri" in text
    assert text.count("<th>33</th>") == 1


def test_the_kecamatan_table_lists_every_desa(client_for, kasi_trantib, started_a, started_b):
    url = reverse("kependudukan:laporan_kecamatan", args=["63.11.06", str(LAST)])
    page = client_for(kasi_trantib).get(url).content.decode()
    assert "Balang" in page and "Lok Batung" in page and "JUMLAH" in page
    assert "2.801" in page  # 1.211 + 1.590
    assert "Data awal kependudukan belum diisi" in page  # the other 14 desa


def test_the_desa_overview_lists_the_last_twelve_months(client_for, operator_a, started_a):
    url = reverse("kependudukan:desa_beranda", args=[started_a.pk])
    page = client_for(operator_a).get(url).content.decode()
    assert Periode.current().label in page and Periode.current().shift(-11).label in page
    assert "sebelum bulan pertama data desa ini" in page
    assert "Catat peristiwa" in page


def test_index_sends_each_role_to_its_page(client_for, operator_a, kasi_trantib, kabupaten):
    assert client_for(operator_a).get(reverse("kependudukan:index")).url == reverse(
        "kependudukan:desa_beranda", args=[operator_a.desa_id]
    )
    assert "/kecamatan/63.11.06/" in client_for(kasi_trantib).get(reverse("kependudukan:index")).url
    assert client_for(kabupaten).get(reverse("kependudukan:index")).status_code == 404


def test_pages_of_another_desa_are_404(client_for, operator_b, started_a):
    client = client_for(operator_b)
    for url in (
        page_url(started_a),
        reverse("kependudukan:laporan_cetak", args=[started_a.pk, str(LAST)]),
        reverse("kependudukan:desa_beranda", args=[started_a.pk]),
        reverse("kependudukan:data_awal_update", args=[started_a.pk]),
        reverse("kependudukan:koreksi_create", args=[started_a.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_the_other_kecamatans_table_is_404(client_for, operator_luar):
    url = reverse("kependudukan:laporan_kecamatan", args=["63.11.06", str(LAST)])
    assert client_for(operator_luar).get(url).status_code == 404


def test_a_month_out_of_range_is_404(client_for, operator_a, started_a):
    assert client_for(operator_a).get(page_url(started_a, Periode(9999, 12))).status_code == 404
    url = reverse("kependudukan:peristiwa_list", args=[started_a.pk, "1999-01"])
    assert client_for(operator_a).get(url).status_code == 404


def test_the_camat_reads_the_report(client_for, camat, started_a):
    assert client_for(camat).get(page_url(started_a)).status_code == 200


def test_events_per_rt_for_the_rt_reports(started_a):
    from desa.models import RT

    RT.objects.create(desa=started_a, nomor=1)
    RT.objects.create(desa=started_a, nomor=2)
    make_peristiwa(started_a, "LAHIR", day(LAST, 3), nomor_rt=1, jenis_kelamin="P")
    make_peristiwa(started_a, "LAHIR", day(LAST, 4), nomor_rt=1, jenis_kelamin="P")
    make_peristiwa(started_a, "PINDAH", day(LAST, 5), nomor_rt=7, jenis_kelamin="L")
    make_peristiwa(started_a, "MATI", day(LAST, 6))
    make_peristiwa(started_a, "DATANG", day(recent(2), 6), nomor_rt=1)  # another month
    counts = jumlah_peristiwa_per_rt(started_a, LAST)
    assert counts[1]["LAHIR"] == {"L": 0, "P": 2}
    assert counts[1]["DATANG"] == {"L": 0, "P": 0}
    assert counts[2]["LAHIR"] == {"L": 0, "P": 0}
    assert counts[7]["PINDAH"] == {"L": 1, "P": 0}
    assert counts[None]["MATI"] == {"L": 1, "P": 0}


def test_the_by_name_list_of_a_month(started_a, started_b):
    make_peristiwa(started_b, "LAHIR", day(LAST, 3), nama="B1")
    make_peristiwa(started_a, "PINDAH", day(LAST, 3), nama="A2")
    make_peristiwa(started_a, "LAHIR", day(LAST, 9), nama="A1")
    make_peristiwa(started_a, "LAHIR", day(recent(2), 9), nama="lain")
    assert [event.nama for event in rincian_peristiwa([started_a, started_b], LAST)] == ["A1", "A2", "B1"]


def test_every_page_needs_a_login(client, started_a):
    for url in (
        reverse("kependudukan:index"),
        page_url(started_a),
        reverse("kependudukan:desa_beranda", args=[started_a.pk]),
        reverse("kependudukan:impor_unggah"),
        reverse("kependudukan:impor_templat"),
        reverse("kependudukan:pindah_belum_cocok"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/akun/" in response.url, url


def test_the_kk_column_counts_at_the_ends_and_signs_the_changes_between(desa_a):
    row = BarisB3(desa_a.kode, desa_a.nama, LAST, LAST, kk_awal=1370, kk_datang=3, kk_pindah=1204)
    row.kk_koreksi, row.koreksi = -1, Kelompok(wni_l=-1)  # a correction line shows only when there is one
    lines = {line["label"]: line for line in b3_table(row, desa_a, LAST)}
    assert (lines["Awal bulan"]["kk"], lines["Awal bulan"]["kk_perubahan"]) == (1370, False)
    assert (lines["Datang"]["kk"], lines["Pindah"]["kk"], lines["Koreksi"]["kk"]) == (3, -1204, -1)
    assert lines["Pindah"]["kk_perubahan"] and not lines["Akhir bulan"]["kk_perubahan"]
    assert lines["Akhir bulan"]["kk"] == 1370 + 3 - 1204 - 1


def test_the_page_shows_kk_changes_signed_with_a_legend(client_for, operator_a, started_a):
    assert [angka_bertanda(n) for n in (1204, -1204, 0, None)] == ["+1.204", "−1.204", "0", ""]
    page = client_for(operator_a).get(page_url(started_a)).content.decode()
    assert "Kolom KK: jumlah kepala keluarga pada awal dan akhir bulan" in page

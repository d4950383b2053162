"""OpenSID's program bantuan workbook, as OpenSID writes it: upload, preview, confirm, again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from desa import ledger
from desa.models import StatusTugas
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from kependudukan.ekonomi.models import ImporBantuan, PenerimaBantuan
from tests.factories.ekonomi import make_keluarga
from tests.factories.identitas import make_nik
from tests.factories.kependudukan import recent
from tests.kependudukan.ekonomi import workbooks_luar as wb
from tests.kudapanmas.tugas import kerjakan_antrean

pytestmark = pytest.mark.django_db

A = "63.11.06.2005"
UPLOAD = reverse("ekonomi:impor_bantuan:impor_unggah")
AHLUL, HABIB = "5201142005716996", "5201140301916995"
TEMPLATE_ROWS = [
    wb.peserta(AHLUL, "AHLUL", kartu="1"),
    wb.peserta(HABIB, "AHMAD HABIB", kartu="12", lahir="1990-01-03"),
]


def upload(client, content, desa=A, name="program_bantuan_PKH.xlsx"):
    return client.post(UPLOAD, {"berkas": SimpleUploadedFile(name, content), "desa": desa}, follow=True)


def confirm(client):
    impor = ImporBantuan.objects.latest("pk")
    response = client.post(reverse("ekonomi:impor_bantuan:impor_simpan", args=[impor.pk]), follow=True)
    impor.refresh_from_db()
    return impor, response


def errors(impor):
    return [(k["sheet"], k["baris"], k["kolom"], k["pesan"]) for k in impor.hasil["kesalahan"]]


def test_the_upstream_template_previews_its_programme_and_recipients_and_saves_nothing(
    client_for, operator_a
):
    page = upload(client_for(operator_a), wb.program_bantuan(TEMPLATE_ROWS)).content.decode()
    assert "Berkas benar" in page and "PKH · Program Keluarga Harapan" in page
    assert "Penduduk" in page and "Pusat" in page and "2 baru" in page
    assert "AHLUL" in page and AHLUL not in page  # NIK half hidden in the preview
    assert ImporBantuan.objects.get().status == "siap" and not PenerimaBantuan.objects.exists()


def test_confirming_saves_the_recipients_over_the_programme_months_and_a_second_import_changes_nothing(
    client_for, operator_a
):
    client = client_for(operator_a)
    upload(client, wb.program_bantuan(TEMPLATE_ROWS))
    impor, response = confirm(client)
    assert impor.status == "disimpan" and "Penerima PKH" in response.content.decode()
    ahlul = PenerimaBantuan.objects.get(nik=AHLUL)
    assert (ahlul.desa_id, ahlul.program.kode, ahlul.nama) == (A, "PKH", "AHLUL")
    assert (ahlul.mulai, ahlul.selesai) == (Periode(2020, 4), Periode(2020, 12))
    assert ahlul.keterangan == "No. peserta 1" and ahlul.dicatat_oleh == operator_a
    before = list(PenerimaBantuan.objects.values_list("pk", "updated_at"))
    page = upload(client, wb.program_bantuan(TEMPLATE_ROWS)).content.decode()
    assert ImporBantuan.objects.latest("pk").status == "tidak_ada_baru" and "2 sudah sama" in page
    assert list(PenerimaBantuan.objects.values_list("pk", "updated_at")) == before


def test_a_second_file_updates_a_recipient_in_place(client_for, operator_a):
    client = client_for(operator_a)
    upload(client, wb.program_bantuan(TEMPLATE_ROWS))
    confirm(client)
    upload(client, wb.program_bantuan([wb.peserta(AHLUL, "AHLUL", kartu="99")]))
    confirm(client)
    assert PenerimaBantuan.objects.count() == 2
    assert PenerimaBantuan.objects.get(nik=AHLUL).keterangan == "No. peserta 99"


def test_every_wrong_cell_is_named_by_sheet_row_and_column_and_nothing_is_saved(client_for, operator_a):
    rows = [
        wb.peserta(AHLUL, "AHLUL", lahir="20-13-1970"),
        wb.peserta("12345", "SALAH NIK"),
        wb.peserta(HABIB, "AHMAD HABIB"),
        wb.peserta(HABIB, "AHMAD HABIB"),
    ]
    upload(client_for(operator_a), wb.program_bantuan(rows))
    impor = ImporBantuan.objects.get()
    found = errors(impor)
    assert impor.status == "ditolak" and not PenerimaBantuan.objects.exists()
    assert ("Peserta", 2, "Tanggal Lahir (F)") == found[0][:3] and "bukan tanggal" in found[0][3]
    assert [e[:3] for e in found[1:3]] == [("Peserta", 3, "NIK (C)"), ("Peserta", 3, "Peserta (A)")]
    assert found[3][:3] == ("Peserta", 5, "NIK (C)") and "sudah ada di baris 4" in found[3][3]


@pytest.mark.parametrize(
    ("title", "value", "message"),
    [
        ("Nama Program", "Bantuan Sosial Tunai", "Program 'Bantuan Sosial Tunai' tidak dikenal"),
        ("Sasaran Program", 3, "Sasaran 3 (Rumah Tangga) tidak dicatat di sini"),
        ("Sasaran Program", "7", "Sasaran '7' tidak dikenal"),
        ("Asal Dana", "Swasta", "Asal dana 'Swasta' tidak dikenal"),
        ("Rentang Waktu (Awal)", "01/04/2020x", "bukan tanggal"),
        ("Rentang Waktu (Akhir)", "2019-12-31", "tidak boleh sebelum bulan mulai"),
    ],
)
def test_the_programme_sheet_is_checked_row_by_row(client_for, operator_a, title, value, message):
    upload(client_for(operator_a), wb.program_bantuan(TEMPLATE_ROWS, program={title: value}))
    impor = ImporBantuan.objects.get()
    number = [t for t, _ in wb.PROGRAM].index(title) + 1
    sheet, baris, kolom, pesan = errors(impor)[0]
    assert (sheet, baris, kolom) == ("Program", number, "B") and message in pesan
    assert not PenerimaBantuan.objects.exists()


def test_messy_copies_are_read_nik_as_a_number_real_dates_and_a_merged_title(client_for, operator_a):
    nik = make_nik("P", wilayah="631106", serial=12)
    as_number = int(nik[:-1] + "0")
    rows = [[as_number, 5, as_number, "SITI AMINAH", "PARINGIN", wb.tanggal("1985-02-11"), "RT 002"]]
    program = {"Rentang Waktu (Awal)": wb.tanggal("2025-01-01"), "Rentang Waktu (Akhir)": "2025-12-31"}
    client = client_for(operator_a)
    upload(client, wb.program_bantuan(rows, program=program, judul_gabung=True))
    impor = ImporBantuan.objects.get()
    assert impor.status == "siap", impor.hasil
    warnings = [(k["sheet"], k["baris"], k["pesan"]) for k in impor.hasil["peringatan"]]
    assert any(w[:2] == ("Peserta", 3) and "tersimpan sebagai angka" in w[2] for w in warnings)
    confirm(client)
    siti = PenerimaBantuan.objects.get()
    assert (siti.nik, siti.mulai, siti.keterangan) == (str(as_number), Periode(2025, 1), "No. peserta 5")


def test_a_workbook_exported_by_opensid_is_read_too(client_for, operator_a):
    upload(
        client_for(operator_a),
        wb.program_bantuan(TEMPLATE_ROWS, program={"Nama Program": "pkh"}, ekspor=True),
    )
    impor = ImporBantuan.objects.get()
    assert impor.status == "siap" and impor.hasil["penerima"]["baru"] == 2


def test_a_family_programme_takes_the_no_kk_from_column_a_and_links_the_household(
    client_for, operator_a, desa_a
):
    keluarga = make_keluarga(desa_a, recent(2).awal)
    program = {"Nama Program": "BLT-DD", "Sasaran Program": "2"}
    rows = [wb.peserta(keluarga.nik_kepala, keluarga.nama_kepala, id_peserta=keluarga.no_kk)]
    client = client_for(operator_a)
    upload(client, wb.program_bantuan(rows, program=program))
    confirm(client)
    penerima = PenerimaBantuan.objects.get()
    assert (penerima.no_kk, penerima.keluarga, penerima.program.kode) == (keluarga.no_kk, keluarga, "BLT-DD")


def send(desa, user, periode):
    make_keluarga(desa, periode.awal)  # a month with no household checked cannot be sent
    ledger.kirim(desa=desa, jenis=JenisLaporan.EKONOMI, periode=periode, user=user)


def test_a_locked_month_is_refused_and_nothing_is_saved(client_for, operator_a, desa_a):
    send(desa_a, operator_a, recent(1))
    program = {"Rentang Waktu (Awal)": recent(1).awal.isoformat(), "Rentang Waktu (Akhir)": ""}
    program["Rentang Waktu (Akhir)"] = recent(0).akhir.isoformat()
    client = client_for(operator_a)
    upload(client, wb.program_bantuan(TEMPLATE_ROWS, program=program))
    impor = ImporBantuan.objects.get()
    assert impor.status == "ditolak" and "sudah terkirim" in errors(impor)[0][3]
    program["Rentang Waktu (Awal)"] = recent(0).awal.isoformat()
    upload(client, wb.program_bantuan(TEMPLATE_ROWS, program=program))
    impor, _ = confirm(client)
    assert impor.status == "disimpan" and PenerimaBantuan.objects.count() == 2


def test_a_month_locked_between_preview_and_confirm_is_refused_on_confirm(client_for, operator_a, desa_a):
    program = {"Rentang Waktu (Awal)": recent(1).awal.isoformat(), "Rentang Waktu (Akhir)": recent(0).akhir}
    client = client_for(operator_a)
    upload(client, wb.program_bantuan(TEMPLATE_ROWS, program=program))
    send(desa_a, operator_a, recent(1))
    impor, response = confirm(client)
    assert impor.status == "ditolak" and "tidak ada yang disimpan" in response.content.decode()
    assert not PenerimaBantuan.objects.exists()


def test_a_file_that_is_not_the_template_gets_a_clear_message(client_for, operator_a):
    page = upload(client_for(operator_a), wb.desil([])).content.decode()
    assert "tidak berisi sheet &#x27;Program&#x27; dan &#x27;Peserta&#x27;" in page


def test_another_desa_is_out_of_reach(client_for, operator_a, operator_b, desa_b):
    upload(client_for(operator_a), wb.program_bantuan(TEMPLATE_ROWS))
    impor = ImporBantuan.objects.get()
    other = client_for(operator_b)
    assert other.get(reverse("ekonomi:impor_bantuan:impor_pratinjau", args=[impor.pk])).status_code == 404
    upload(other, wb.program_bantuan(TEMPLATE_ROWS), desa=A)  # the form offers only desa B
    assert ImporBantuan.objects.latest("pk").hasil["desa_nama"] == str(desa_b)


def test_a_read_only_role_may_not_upload(client_for, camat):
    assert client_for(camat).get(UPLOAD).status_code == 403
    response = client_for(camat).post(UPLOAD, {"desa": A})
    assert response.status_code == 403 and not ImporBantuan.objects.exists()


def test_saving_is_post_only(client_for, operator_a):
    upload(client_for(operator_a), wb.program_bantuan(TEMPLATE_ROWS))
    impor = ImporBantuan.objects.get()
    url = reverse("ekonomi:impor_bantuan:impor_simpan", args=[impor.pk])
    assert client_for(operator_a).get(url).status_code == 405


def test_the_ekonomi_import_page_links_both_outside_imports(client_for, operator_a):
    page = client_for(operator_a).get(reverse("ekonomi:impor_unggah")).content.decode()
    assert UPLOAD in page and reverse("ekonomi:impor_desil:impor_unggah") in page


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_checked_and_saved_by_the_worker(client_for, operator_a, settings, pkh):
    settings.IMPOR_LATAR_BARIS = 2
    client = client_for(operator_a)
    upload(client, wb.program_bantuan(TEMPLATE_ROWS))
    impor = ImporBantuan.objects.get()
    assert impor.status == "diperiksa"
    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "siap" and impor.tugas.status == StatusTugas.SELESAI
    impor, _ = confirm(client)
    assert impor.status == "menyimpan" and not PenerimaBantuan.objects.exists()
    kerjakan_antrean()
    impor.refresh_from_db()
    assert impor.status == "disimpan" and PenerimaBantuan.objects.count() == 2

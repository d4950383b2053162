"""Import in the browser (template, upload, preview, confirm) and from the command line."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from desa.periode import Periode
from kependudukan.impor.kolom import KOLOM_DATA_AWAL, KOLOM_PERISTIWA
from kependudukan.models import DataAwal, ImporBerkas, Peristiwa
from tests.factories.identitas import make_nik
from tests.kependudukan.workbooks import data_awal_row, event_row, workbook_bytes

pytestmark = pytest.mark.django_db

A, B = "63.11.06.2005", "63.11.06.2014"
MONTH = Periode.current().previous()
DAY = MONTH.awal.replace(day=10)
UPLOAD = reverse("kependudukan:impor_unggah")


def upload(client, content, name="data.xlsx"):
    return client.post(UPLOAD, {"berkas": SimpleUploadedFile(name, content)}, follow=True)


def good_file(kode=A):
    return workbook_bytes(
        data_awal=[data_awal_row(kode, str(MONTH), wni_l=700, wni_p=690, kk=410)],
        peristiwa=[
            event_row(kode, "LAHIR", DAY, Nama="Aisyah Rahmah", **{"Jenis Kelamin": "P"}),
            event_row(kode, "DATANG", DAY, NIK=make_nik(), Nama="Rusdi Hidayat", **{"Kepala Keluarga": "YA"}),
        ],
    )


def test_the_template_has_instructions_and_both_sheets_with_examples(client_for, operator_a):
    response = client_for(operator_a).get(reverse("kependudukan:impor_templat"))
    assert response["Content-Disposition"] == 'attachment; filename="impor-kependudukan.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Petunjuk", "Data Awal", "Peristiwa"]
    assert [c.value for c in workbook["Data Awal"][1]] == [k.header for k in KOLOM_DATA_AWAL]
    assert [c.value for c in workbook["Peristiwa"][1]] == [k.header for k in KOLOM_PERISTIWA]
    assert workbook["Data Awal"].max_row == 2 and workbook["Data Awal"]["A2"].value == A
    assert {workbook["Peristiwa"].cell(row, 3).value for row in range(2, 6)} == {
        "LAHIR",
        "MATI",
        "DATANG",
        "PINDAH",
    }
    assert "Petunjuk" in workbook["Petunjuk"]["A1"].value


def test_the_template_as_downloaded_imports_cleanly(client_for, operator_a):
    client = client_for(operator_a)
    template = client.get(reverse("kependudukan:impor_templat")).content
    page = upload(client, template).content.decode()
    assert "Berkas benar" in page
    impor = ImporBerkas.objects.get()
    client.post(reverse("kependudukan:impor_simpan", args=[impor.pk]))
    assert Peristiwa.objects.filter(desa_id=A).count() == 4


def test_upload_preview_then_confirm(
    client_for, operator_a, private_media, django_capture_on_commit_callbacks
):
    client = client_for(operator_a)
    page = upload(client, good_file(), "kependudukan-desa.xlsx").content.decode()
    assert "Berkas benar" in page and "Aisyah Rahmah" in page
    assert not Peristiwa.objects.exists(), "nothing is saved before confirming"
    impor = ImporBerkas.objects.get()
    assert impor.status == "siap" and impor.berkas.path.startswith(str(private_media))
    stored = impor.berkas.path
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the save commits
        response = client.post(reverse("kependudukan:impor_simpan", args=[impor.pk]), follow=True)
    assert "Impor selesai: 2 peristiwa dan 1 data awal disimpan" in response.content.decode()
    assert Peristiwa.objects.filter(desa_id=A, dicatat_oleh=operator_a).count() == 2
    assert DataAwal.objects.get(desa_id=A).wni_l == 700
    impor.refresh_from_db()
    assert impor.status == "disimpan" and not impor.berkas
    assert not (private_media / stored).exists()
    # Confirming again changes nothing.
    client.post(reverse("kependudukan:impor_simpan", args=[impor.pk]))
    assert Peristiwa.objects.count() == 2


def test_a_second_upload_of_the_same_file_has_nothing_new(client_for, operator_a):
    client, content = client_for(operator_a), good_file()
    upload(client, content)
    client.post(reverse("kependudukan:impor_simpan", args=[ImporBerkas.objects.get().pk]))
    page = upload(client, content).content.decode()
    assert "Tidak ada data baru" in page
    assert Peristiwa.objects.count() == 2


def test_errors_are_listed_by_sheet_row_and_column(client_for, operator_a):
    content = workbook_bytes(
        data_awal=[data_awal_row(A, str(MONTH))],
        peristiwa=[event_row(A, "LAHIR", DAY), event_row(A, "MATI", DAY, NIK="123")],
    )
    page = upload(client_for(operator_a), content).content.decode()
    assert "1 kesalahan ditemukan; tidak ada yang disimpan" in page
    assert "<td>Peristiwa</td><td>3</td><td>NIK</td>" in page
    assert ImporBerkas.objects.get().status == "ditolak"
    assert not ImporBerkas.objects.get().berkas, "a refused file is not kept"


def test_a_file_that_is_not_excel_gets_a_clear_message(client_for, operator_a):
    page = upload(client_for(operator_a), b"bukan excel sama sekali").content.decode()
    assert "tidak dapat dibaca sebagai berkas Excel" in page


def test_old_xls_and_other_files_are_refused_at_upload(client_for, operator_a):
    client = client_for(operator_a)
    assert "Format .xls" in upload(client, b"x", "lama.xls").content.decode()
    assert "harus berformat Excel .xlsx" in upload(client, b"x", "data.csv").content.decode()
    assert not ImporBerkas.objects.exists()


def test_a_file_over_the_size_cap_is_refused(client_for, operator_a, monkeypatch):
    monkeypatch.setattr("kependudukan.forms.impor.MAKS_UKURAN_BERKAS", 1024)
    page = upload(client_for(operator_a), good_file() + b"\0" * 2048).content.decode()
    assert "Berkas terlalu besar" in page
    assert not ImporBerkas.objects.exists()


def test_an_operator_cannot_import_another_desa(client_for, operator_a, desa_b):
    page = upload(client_for(operator_a), good_file(B)).content.decode()
    assert "tidak berwenang mengimpor data Desa Lok Batung" in page


def test_the_kasi_trantib_imports_for_another_desa(client_for, kasi_trantib, desa_b):
    client = client_for(kasi_trantib)
    upload(client, good_file(B))
    client.post(reverse("kependudukan:impor_simpan", args=[ImporBerkas.objects.get().pk]))
    assert Peristiwa.objects.filter(desa_id=B, dicatat_oleh=kasi_trantib).count() == 2


def test_read_only_roles_cannot_import(client_for, camat, kabupaten):
    for user in (camat, kabupaten):
        client = client_for(user)
        assert client.get(UPLOAD).status_code == 403
        assert client.post(UPLOAD, {"berkas": SimpleUploadedFile("a.xlsx", good_file())}).status_code == 403


def test_someone_elses_upload_is_404(client_for, operator_a, operator_b, kasi_trantib):
    upload(client_for(operator_a), good_file())
    impor = ImporBerkas.objects.get()
    for user in (operator_b, kasi_trantib):
        client = client_for(user)
        assert client.get(reverse("kependudukan:impor_pratinjau", args=[impor.pk])).status_code == 404
        assert client.post(reverse("kependudukan:impor_simpan", args=[impor.pk])).status_code == 404
    assert not Peristiwa.objects.exists()


def test_confirming_by_get_is_not_allowed(client_for, operator_a):
    upload(client_for(operator_a), good_file())
    url = reverse("kependudukan:impor_simpan", args=[ImporBerkas.objects.get().pk])
    assert client_for(operator_a).get(url).status_code == 405


def test_a_change_between_preview_and_confirm_is_caught(client_for, operator_a, desa_a):
    from desa.models.laporan import JenisLaporan, LaporanBulanan, Status

    client = client_for(operator_a)
    upload(client, good_file())
    LaporanBulanan.objects.create(
        desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=MONTH, status=Status.DIKIRIM
    )
    response = client.post(
        reverse("kependudukan:impor_simpan", args=[ImporBerkas.objects.get().pk]), follow=True
    )
    assert "tidak ada yang disimpan" in response.content.decode()
    assert not Peristiwa.objects.exists() and not DataAwal.objects.exists()


def test_the_command_imports_and_is_idempotent(wilayah, tmp_path):
    path = tmp_path / "impor.xlsx"
    path.write_bytes(good_file())
    out = io.StringIO()
    call_command("impor_kependudukan", str(path), stdout=out)
    assert "2 peristiwa dan 1 data awal disimpan" in out.getvalue()
    out = io.StringIO()
    call_command("impor_kependudukan", str(path), stdout=out)
    assert "0 peristiwa dan 0 data awal disimpan; 2 peristiwa sudah ada" in out.getvalue()
    assert Peristiwa.objects.count() == 2


def test_the_command_prints_every_error_and_fails(wilayah, tmp_path):
    path = tmp_path / "salah.xlsx"
    path.write_bytes(workbook_bytes(peristiwa=[event_row(A, "CERAI", DAY), event_row(A, "MATI", DAY)]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 kesalahan; tidak ada yang disimpan"):
        call_command("impor_kependudukan", str(path), stderr=err)
    assert "Peristiwa, baris 2, kolom Jenis Peristiwa" in err.getvalue()
    assert "Peristiwa, baris 3, kolom NIK" in err.getvalue()


def test_the_command_limits_a_user_to_their_scope_and_checks_only(operator_a, desa_b, tmp_path):
    path = tmp_path / "b.xlsx"
    path.write_bytes(good_file(B))
    with pytest.raises(CommandError):
        call_command("impor_kependudukan", str(path), "--pengguna", "operator.a", stderr=io.StringIO())
    path.write_bytes(good_file(A))
    out = io.StringIO()
    call_command("impor_kependudukan", str(path), "--pengguna", "operator.a", "--periksa", stdout=out)
    assert "akan disimpan" in out.getvalue()
    assert not Peristiwa.objects.exists()


def test_the_command_refuses_a_missing_or_broken_file(wilayah, tmp_path):
    with pytest.raises(CommandError, match="tidak dapat dibuka"):
        call_command("impor_kependudukan", str(tmp_path / "tidak-ada.xlsx"))
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 rusak")
    with pytest.raises(CommandError, match="Excel"):
        call_command("impor_kependudukan", str(broken))

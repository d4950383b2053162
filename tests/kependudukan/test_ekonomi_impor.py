"""The impor-ekonomi.xlsx import: errors by sheet/row/column, all or nothing, idempotence, scope, lock."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from desa import ledger
from desa.models.laporan import JenisLaporan
from kependudukan.ekonomi.impor.simpan import simpan_berkas
from kependudukan.ekonomi.models import Keluarga, PenerimaBantuan, RiwayatKeluarga
from tests.factories.kependudukan import recent
from tests.kependudukan.workbooks_ekonomi import KODE_A, KODE_B, keluarga_row, penerima_row, workbook_bytes


def run(content, user=None, desa_boleh=None):
    return simpan_berkas(io.BytesIO(content), user=user, desa_boleh=desa_boleh)


def test_a_clean_file_saves_households_and_recipients_linked(desa_a):
    hasil = run(workbook_bytes([keluarga_row()], [penerima_row(program="sembako")]))
    assert hasil.ok
    penerima = PenerimaBantuan.objects.get()
    assert penerima.program.kode == "BPNT" and penerima.keluarga == Keluarga.objects.get()


def test_importing_twice_changes_nothing_and_a_change_keeps_history(desa_a):
    content = workbook_bytes([keluarga_row()], [penerima_row()])
    run(content)
    again = run(content)
    assert again.ok and not again.ada_perubahan
    assert Keluarga.objects.count() == 1 and PenerimaBantuan.objects.count() == 1
    run(workbook_bytes([keluarga_row(desil=3)], [penerima_row(Selesai=str(recent(0)))]))
    assert [row.desil for row in RiwayatKeluarga.objects.order_by("pk")] == [2, 3]
    assert PenerimaBantuan.objects.get().selesai == recent(0)


def test_every_wrong_row_is_reported_and_nothing_is_saved(desa_a):
    hasil = run(
        workbook_bytes(
            [keluarga_row(), keluarga_row(no_kk="12345", desil=11, **{"Jumlah Anggota": 0})],
            [penerima_row(program="XYZ"), penerima_row(nik="0000000000000000", Mulai="bulan lalu")],
        )
    )
    where = {(k.sheet, k.baris, k.kolom) for k in hasil.kesalahan}
    assert ("Keluarga", 3, "No. KK") in where and ("Keluarga", 3, "Desil") in where
    assert ("Keluarga", 3, "Jumlah Anggota") in where
    assert ("Penerima Bantuan", 2, "Program") in where and ("Penerima Bantuan", 3, "NIK") in where
    assert ("Penerima Bantuan", 3, "Mulai") in where
    assert not Keluarga.objects.exists() and not PenerimaBantuan.objects.exists()


def test_a_duplicate_no_kk_in_the_file_is_an_error(desa_a):
    hasil = run(workbook_bytes([keluarga_row(), keluarga_row()]))
    assert [k.pesan for k in hasil.kesalahan] == ["No. KK ini sudah ada di baris 2."]


def test_another_desa_is_refused(desa_a, desa_b):
    hasil = run(workbook_bytes([keluarga_row(kode=KODE_B)]), desa_boleh={KODE_A})
    assert "tidak berwenang" in hasil.kesalahan[0].pesan and not Keluarga.objects.exists()


def test_a_locked_month_is_refused(desa_a, operator_a):
    run(workbook_bytes([keluarga_row(tanggal=recent(2).awal)]))
    ledger.kirim(desa=desa_a, jenis=JenisLaporan.EKONOMI, periode=recent(1), user=operator_a)
    hasil = run(workbook_bytes([keluarga_row(desil=5, tanggal=recent(1).awal)]))
    assert "sudah terkirim" in hasil.kesalahan[0].pesan
    assert run(workbook_bytes([keluarga_row(desil=5, tanggal=recent(0).awal)])).ok


def test_the_command_exits_non_zero_with_the_errors(desa_a, tmp_path):
    path = tmp_path / "salah.xlsx"
    path.write_bytes(workbook_bytes([keluarga_row(no_kk="1")]))
    with pytest.raises(CommandError, match="1 kesalahan"):
        call_command("impor_ekonomi", str(path))
    path.write_bytes(workbook_bytes([keluarga_row()]))
    out = io.StringIO()
    call_command("impor_ekonomi", str(path), stdout=out)
    assert "1 baru" in out.getvalue() and Keluarga.objects.count() == 1


def test_the_browser_import_previews_then_saves(client_for, operator_a, desa_a):
    client = client_for(operator_a)
    template = client.get(reverse("ekonomi:impor_templat"))
    assert {"Petunjuk", "Keluarga", "Penerima Bantuan"} <= set(
        load_workbook(io.BytesIO(template.content)).sheetnames
    )
    upload = io.BytesIO(workbook_bytes([keluarga_row()], [penerima_row()]))
    upload.name = "ekonomi.xlsx"
    preview = client.post(reverse("ekonomi:impor_unggah"), {"berkas": upload}, follow=True)
    assert "Simpan semua" in preview.content.decode() and not Keluarga.objects.exists()
    pk = preview.redirect_chain[-1][0].rstrip("/").split("/")[-1]
    client.post(reverse("ekonomi:impor_simpan", args=[pk]))
    assert Keluarga.objects.count() == 1 and PenerimaBantuan.objects.count() == 1


def test_read_only_roles_may_not_import(client_for, camat):
    assert client_for(camat).get(reverse("ekonomi:impor_unggah")).status_code == 403
    assert client_for(camat).get(reverse("ekonomi:impor_simpan", args=[1])).status_code == 405


def test_a_long_error_list_says_it_shows_only_the_first(client_for, operator_a, desa_a):
    upload = io.BytesIO(workbook_bytes([keluarga_row(no_kk="1") for _ in range(501)]))
    upload.name = "ekonomi.xlsx"
    client = client_for(operator_a)
    page = client.post(reverse("ekonomi:impor_unggah"), {"berkas": upload}, follow=True)
    content = page.content.decode()
    assert "501 kesalahan ditemukan" in content
    assert "Ditampilkan 500 kesalahan pertama." in content
    assert content.count("<tr><td>Keluarga</td>") == 500
    assert reverse("ekonomi:impor_unggah") in content  # upload the corrected file here


def test_the_template_as_downloaded_imports_cleanly(client_for, operator_a, desa_a):
    template = client_for(operator_a).get(reverse("ekonomi:impor_templat")).content
    hasil = run(template, desa_boleh={KODE_A})
    assert hasil.ok, [str(k) for k in hasil.kesalahan]
    assert Keluarga.objects.exists() and PenerimaBantuan.objects.exists()

"""The date rules of households and recipients say the same in the forms and in the import."""

import datetime
import io

import pytest
from django.utils import timezone

from desa.periode import Periode
from kependudukan.ekonomi.forms import KeluargaForm, PenerimaForm
from kependudukan.ekonomi.impor.periksa import periksa_berkas
from kependudukan.ekonomi.models import ProgramBantuan
from tests.kependudukan.workbooks_ekonomi import KODE_A, keluarga_row, penerima_row, workbook_bytes

pytestmark = pytest.mark.django_db
NEXT = Periode.current().next()

KELUARGA = {"no_kk": "6311060101200021", "nik_kepala": "6311061203800001", "nama_kepala": "Rusdi",
            "nomor_rt": 1, "jumlah_anggota": 4, "desil": 2, "kategori_ks": "ks1"}  # fmt: skip


def import_errors(content):
    hasil = periksa_berkas(io.BytesIO(content), desa_boleh={KODE_A})
    return {(k.kolom, k.pesan) for k in hasil.kesalahan}


def form_errors(form):
    form.is_valid()
    return form.errors.get_json_data()


def test_an_old_pemutakhiran_date_is_refused_alike(desa_a):
    old = datetime.date(1999, 12, 31)
    message = "Tanggal pemutakhiran terlalu lama (sebelum Januari 2000)."
    form = KeluargaForm({**KELUARGA, "tanggal_pemutakhiran": old.isoformat()}, desa=desa_a)
    assert [e["message"] for e in form_errors(form)["tanggal_pemutakhiran"]] == [message]
    assert ("Tanggal Pemutakhiran", message) in import_errors(workbook_bytes([keluarga_row(tanggal=old)]))


def test_a_future_pemutakhiran_date_is_refused_alike(desa_a):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    message = "Tanggal pemutakhiran tidak boleh di masa depan."
    form = KeluargaForm({**KELUARGA, "tanggal_pemutakhiran": tomorrow.isoformat()}, desa=desa_a)
    assert [e["message"] for e in form_errors(form)["tanggal_pemutakhiran"]] == [message]
    assert ("Tanggal Pemutakhiran", message) in import_errors(
        workbook_bytes([keluarga_row(tanggal=tomorrow)])
    )


def penerima_form(desa, mulai, selesai=""):
    program = ProgramBantuan.objects.get(kode="PKH")
    data = {"program": program.pk, "nik": "6311064507750002", "nama": "Siti", "no_kk": "",
            "keterangan": "", "bulan_mulai": mulai, "bulan_selesai": selesai}  # fmt: skip
    return PenerimaForm(data, desa=desa)


@pytest.mark.parametrize(
    ("mulai", "selesai", "field", "column", "message"),
    [
        ("1999-12", "", "bulan_mulai", "Mulai", "Bulan mulai terlalu lama (sebelum Januari 2000)."),
        (str(NEXT), "", "bulan_mulai", "Mulai", f"{NEXT.label} belum berjalan."),
        (
            str(Periode.current()),
            str(Periode.current().shift(-1)),
            "bulan_selesai",
            "Selesai",
            f"Bulan terakhir tidak boleh sebelum bulan mulai ({Periode.current().label}).",
        ),
        (
            str(Periode.current()),
            str(Periode.current().shift(13)),
            "bulan_selesai",
            "Selesai",
            f"Bulan terakhir paling jauh {Periode.current().shift(12).label}.",
        ),
    ],
)  # fmt: skip
def test_the_recipient_months_are_refused_alike(desa_a, mulai, selesai, field, column, message):
    assert [e["message"] for e in form_errors(penerima_form(desa_a, mulai, selesai))[field]] == [message]
    row = penerima_row(Mulai=mulai, Selesai=selesai or None)
    assert (column, message) in import_errors(workbook_bytes(penerima=[row]))


def test_a_planned_last_month_within_a_year_is_accepted(desa_a):
    selesai = str(Periode.current().shift(12))
    assert penerima_form(desa_a, str(Periode.current()), selesai).is_valid()
    row = penerima_row(Mulai=str(Periode.current()), Selesai=selesai)
    assert import_errors(workbook_bytes(penerima=[row])) == set()

"""The Kasi Trantib's kecamatan settings: deadline day, required kinds, the camat's name and NIP."""

import pytest
from django.urls import reverse

from desa import registry
from desa.models import Kecamatan

pytestmark = pytest.mark.django_db

URL = reverse("desa:kecamatan_pengaturan", args=["63.11.06"])


def post(client, **fields):
    data = {
        "hari_batas_waktu": "7",
        "pengingat_hari_sebelum": "3",
        "pengingat_hari_batas": "on",
        "pengingat_hari_sesudah": "3",
        "cakupan": "semua",
        "nama_camat": "H. Rahmadi",
        "nip_camat": "",
        **fields,
    }
    return client.post(URL, data, follow=True)


def paringin():
    return Kecamatan.objects.get(pk="63.11.06")


def test_the_kasi_trantib_sets_the_deadline_and_the_camat(cast, client_for):
    response = post(client_for(cast["kasi_trantib"]), nip_camat="19780512 200212 1 003")
    assert "Pengaturan kecamatan disimpan." in response.content.decode()
    kecamatan = paringin()
    assert (kecamatan.hari_batas_waktu, kecamatan.nama_camat, kecamatan.nip_camat) == (
        7,
        "H. Rahmadi",
        "197805122002121003",
    )
    assert kecamatan.jenis_laporan_wajib == []


def test_the_kasi_trantib_sets_when_reminders_go_out(cast, client_for):
    response = post(client_for(cast["kasi_trantib"]), pengingat_hari_sebelum="2", pengingat_hari_batas="",
                    pengingat_hari_sesudah="0")  # fmt: skip
    assert "Pengaturan kecamatan disimpan." in response.content.decode()
    kecamatan = paringin()
    assert kecamatan.pengingat_hari_sebelum == 2 and kecamatan.pengingat_hari_sesudah == 0
    assert kecamatan.pengingat_hari_batas is False
    refused = post(client_for(cast["kasi_trantib"]), pengingat_hari_sesudah="45").content.decode()
    assert "lebih kecil dari atau sama dengan 20" in refused and paringin().pengingat_hari_sebelum == 2


def test_choosing_kinds_keeps_only_those_on_the_dashboard(cast, client_for):
    post(client_for(cast["kasi_trantib"]), cakupan="pilih", jenis_dipilih=["kependudukan"])
    kecamatan = paringin()
    assert kecamatan.jenis_laporan_wajib == ["kependudukan"]
    assert registry.required_kinds(kecamatan) == ["kependudukan"]


def test_every_available_kind_is_the_default(cast, client_for):
    post(client_for(cast["kasi_trantib"]), cakupan="pilih", jenis_dipilih=["kependudukan"])
    post(client_for(cast["kasi_trantib"]), cakupan="semua", jenis_dipilih=["kependudukan"])
    assert registry.required_kinds(paringin()) == registry.available_kinds()


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"hari_batas_waktu": "29"}, "antara 1 dan 28"),
        ({"hari_batas_waktu": "0"}, "antara 1 dan 28"),
        ({"hari_batas_waktu": "lima"}, "Masukkan keseluruhan angka bilangan"),
        ({"nip_camat": "12345"}, "NIP terdiri dari 18 angka"),
        ({"cakupan": "pilih"}, "Pilih paling sedikit satu jenis laporan"),
        ({"cakupan": "pilih", "jenis_dipilih": ["rahasia"]}, "Masukkan pilihan yang valid"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(cast, client_for, fields, message):
    response = post(client_for(cast["kasi_trantib"]), **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert paringin().hari_batas_waktu == 5 and paringin().nama_camat == ""


def test_the_form_names_kinds_without_a_page_yet(cast, client_for):
    content = client_for(cast["kasi_trantib"]).get(URL).content.decode()
    for jenis in registry.JenisLaporan:
        label = jenis.label if jenis in registry.available_kinds() else f"{jenis.label} (belum tersedia)"
        assert label in content


@pytest.mark.parametrize(
    "role,status", [("camat", 403), ("operator_a", 403), ("kabupaten", 403), ("operator_luar", 404)]
)
def test_nobody_else_changes_the_settings(cast, client_for, role, status):
    assert post(client_for(cast[role]), hari_batas_waktu="9").status_code == status
    assert paringin().hari_batas_waktu == 5

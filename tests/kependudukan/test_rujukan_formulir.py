"""The desa's reference list of residents in the event forms: MATI and PINDAH filled by NIK,
LAHIR and DATANG warned when their NIK already lives in the desa."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from desa.models import RT, AksesNIK
from kependudukan.models import Peristiwa
from tests.factories.identitas import make_nik
from tests.factories.rujukan import make_rujukan, penduduk

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TWO_DAYS_AGO = (TODAY - datetime.timedelta(days=2)).isoformat()
TERCATAT = "NIK ini sudah tercatat sebagai penduduk desa (nama SITI HASANAH, RT 003)"


def create_url(desa, jenis):
    return reverse("kependudukan:peristiwa_create", args=[desa.pk, jenis])


def lookup_url(desa, nik):
    return reverse("kependudukan:rujukan_nik", args=[desa.pk]) + f"?nik={nik}"


@pytest.fixture
def siti(started_a):
    RT.objects.create(desa=started_a, nomor=3)
    return make_rujukan(started_a, penduduk())[0]


def lahir(nik, **extra):
    return {
        "nama": "Aisyah Rahmah", "jenis_kelamin": "P", "kewarganegaraan": "WNI", "nik": nik,
        "tanggal_peristiwa": TWO_DAYS_AGO, "tanggal_lapor": TODAY.isoformat(),
        "tempat_lahir": "Puskesmas Paringin", "nama_ayah": "Rusdi", "nama_ibu": "Halimah", **extra,
    }  # fmt: skip


def datang(nik, **extra):
    return {
        "nik": nik, "nama": "Ahmad Fauzi", "jenis_kelamin": "P", "tanggal_lahir": "1950-07-04",
        "kewarganegaraan": "WNI", "tanggal_peristiwa": TWO_DAYS_AGO, "tanggal_lapor": TODAY.isoformat(),
        "alamat_asal_tujuan": "Jl. A. Yani Km 5, Banjarmasin", **extra,
    }  # fmt: skip


@pytest.mark.parametrize("jenis", ["MATI", "PINDAH"])
def test_the_cari_button_fills_the_form_from_the_list_and_saves_nothing(client_for, operator_a, siti, jenis):
    response = client_for(operator_a).post(
        create_url(siti.desa, jenis), {"nik": siti.nik, "cari_nik": "1", "sebab_kematian": "sakit"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diisi dari daftar penduduk (SIAK, 12 Mei 2026). Periksa sebelum menyimpan." in html
    assert 'value="SITI HASANAH"' in html
    assert 'value="6311060101200001"' in html
    assert 'value="1950-07-04"' in html
    assert '<option value="3" selected>RT 003</option>' in html
    assert re.search(r'name="jenis_kelamin" value="P"[^>]*checked', html)
    assert "is-invalid" not in html
    assert not Peristiwa.objects.exists()


def test_what_the_operator_typed_is_kept_by_the_cari_button(client_for, operator_a, siti):
    html = (
        client_for(operator_a)
        .post(
            create_url(siti.desa, "MATI"),
            {"nik": siti.nik, "cari_nik": "1", "nama": "Siti Hasanah binti Ali"},
        )
        .content.decode()
    )
    assert 'value="Siti Hasanah binti Ali"' in html and 'value="SITI HASANAH"' not in html


def test_an_unknown_nik_is_told_neutrally(client_for, operator_a, siti):
    html = client_for(operator_a).post(create_url(siti.desa, "MATI"), {"nik": make_nik(), "cari_nik": "1"})
    assert "NIK tidak ada di daftar penduduk desa; isi data secara manual." in html.content.decode()
    assert not Peristiwa.objects.exists()


def test_the_filled_form_saves_with_simpan(client_for, operator_a, siti):
    client = client_for(operator_a)
    client.post(create_url(siti.desa, "MATI"), {"nik": siti.nik, "cari_nik": "1"})
    data = {
        "nik": siti.nik, "nama": "SITI HASANAH", "jenis_kelamin": "P", "tanggal_lahir": "1950-07-04",
        "kewarganegaraan": "WNI", "nomor_rt": "3", "no_kk": siti.no_kk, "tanggal_peristiwa": TWO_DAYS_AGO,
        "tanggal_lapor": TODAY.isoformat(), "tempat_meninggal": "Rumah", "sebab_kematian": "sakit",
    }  # fmt: skip
    assert client.post(create_url(siti.desa, "MATI"), data).status_code == 302
    assert Peristiwa.objects.get().nama == "SITI HASANAH"


def test_the_lookup_answers_one_resident_as_json(client_for, operator_a, siti):
    response = client_for(operator_a).get(lookup_url(siti.desa, siti.nik))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    answer = response.json()
    assert answer["ada"] is True
    assert answer["nilai"]["nama"] == "SITI HASANAH" and answer["nilai"]["nomor_rt"] == "3"
    assert answer["peringatan"].startswith(TERCATAT)


def test_the_lookup_answers_only_a_whole_nik(client_for, operator_a, siti):
    client = client_for(operator_a)
    assert client.get(lookup_url(siti.desa, siti.nik[:10])).status_code == 400
    assert client.get(reverse("kependudukan:rujukan_nik", args=[siti.desa.pk])).status_code == 400
    assert client.get(lookup_url(siti.desa, make_nik())).json() == {
        "ada": False,
        "pesan": "NIK tidak ada di daftar penduduk desa; isi data secara manual.",
    }


def test_the_lookup_is_out_of_scope_for_another_desa(client_for, operator_b, siti):
    assert client_for(operator_b).get(lookup_url(siti.desa, siti.nik)).status_code == 404


def test_the_lookup_is_refused_to_read_only_roles(client_for, camat, kabupaten, siti):
    for user in (camat, kabupaten):
        assert client_for(user).get(lookup_url(siti.desa, siti.nik)).status_code == 403
    assert not AksesNIK.objects.exists()


def test_the_lookup_sends_anonymous_visitors_to_sign_in(client, siti):
    response = client.get(lookup_url(siti.desa, siti.nik))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_lookup_by_the_kasi_trantib_is_logged(client_for, kasi_trantib, siti):
    assert client_for(kasi_trantib).get(lookup_url(siti.desa, siti.nik)).json()["ada"] is True
    akses = AksesNIK.objects.get()
    assert akses.pengguna == kasi_trantib and akses.objek_id == str(siti.pk) and akses.desa == siti.desa


def test_the_lookups_of_one_user_are_budgeted(client_for, operator_a, siti, monkeypatch):
    monkeypatch.setattr("kependudukan.views.rujukan_nik.BATAS_CARI", 3)
    client = client_for(operator_a)
    answers = [client.get(lookup_url(siti.desa, make_nik())).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]


@pytest.mark.parametrize("jenis, data", [("LAHIR", lahir), ("DATANG", datang)])
def test_a_resident_nik_needs_the_confirmation(client_for, operator_a, siti, jenis, data):
    client = client_for(operator_a)
    response = client.post(create_url(siti.desa, jenis), data(siti.nik))
    assert response.status_code == 200
    html = response.content.decode()
    assert TERCATAT + " menurut daftar penduduk 12 Mei 2026." in html
    assert "data-tetap-simpan>" in html  # the box is shown, no longer hidden
    assert not Peristiwa.objects.exists()
    assert client.post(create_url(siti.desa, jenis), data(siti.nik, tetap_simpan="1")).status_code == 302
    assert Peristiwa.objects.get().jenis == jenis


@pytest.mark.parametrize("jenis, data", [("LAHIR", lahir), ("DATANG", datang)])
def test_an_unknown_nik_saves_as_before(client_for, operator_a, siti, jenis, data):
    response = client_for(operator_a).post(
        create_url(siti.desa, jenis), data(make_nik("P", datetime.date(1950, 7, 4)))
    )
    assert response.status_code == 302
    assert Peristiwa.objects.get().jenis == jenis

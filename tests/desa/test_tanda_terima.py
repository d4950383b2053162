"""Receipts of a send and a verification: what they record, their digest, their signed code, the
rotation of the secret, the public check page and the scope of the receipt pages."""

import base64
import hashlib
import json

import pytest
from django.test import override_settings

from desa import ledger, registry, tanda_terima
from desa.models.bukti import AksiTandaTerima, TandaTerima
from desa.models.laporan import JenisLaporan
from desa.periode import Periode
from tests.factories.waktu import clock, wita

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("any_content")]

AGUSTUS = Periode(2026, 8)
DIKIRIM = wita(2026, 9, 3, 10)
DIVERIFIKASI = wita(2026, 9, 4, 14)
KUNCI_LAMA = "kunci-lama-yang-dirotasi"
KUNCI_BARU = "kunci-baru-sesudah-rotasi"


def kirim(desa, user, **kwargs):
    with clock(DIKIRIM):
        return ledger.kirim(desa=desa, jenis="kependudukan", periode=AGUSTUS, user=user, **kwargs)


def verifikasi(laporan, user):
    with clock(DIVERIFIKASI):
        return ledger.verifikasi(laporan=laporan, user=user)


@pytest.fixture
def angka(monkeypatch):
    """The kind's figures as a registered function would give them, with a resident's name in them
    to prove the public page never shows the content itself."""
    figures = {"akhir": {"jiwa": 1234, "kk": 321}, "catatan": "Rahmat Hidayat 6311064107900001"}
    monkeypatch.setitem(registry._angka, JenisLaporan.KEPENDUDUKAN, lambda desa, periode: figures)
    return figures


@pytest.fixture
def terkirim(desa_a, operator_a, angka):
    laporan = kirim(desa_a, operator_a)
    return laporan, TandaTerima.objects.get(laporan=laporan)


@pytest.fixture
def terverifikasi(terkirim, kasi_trantib):
    laporan, _ = terkirim
    laporan = verifikasi(laporan, kasi_trantib)
    return laporan, TandaTerima.objects.get(laporan=laporan, aksi=AksiTandaTerima.VERIFIKASI)


def ganti_huruf(kode, posisi):
    """The code with one letter changed into another base32 letter."""
    huruf = list(kode)
    huruf[posisi] = "B" if huruf[posisi] != "B" else "C"
    return "".join(huruf)


# --- issuing ------------------------------------------------------------------------------------------


def test_a_send_gives_a_receipt_with_its_time_and_sender(terkirim, operator_a):
    laporan, tanda = terkirim
    assert tanda.aksi == AksiTandaTerima.KIRIM
    assert tanda.waktu == DIKIRIM and tanda.pertama_dikirim_at == DIKIRIM
    assert tanda.diverifikasi_at is None
    assert tanda.oleh == operator_a and tanda.nama_oleh
    assert tanda.versi == laporan.versi == 1


def test_a_verification_gives_a_second_receipt_with_both_times_and_the_verifier(terverifikasi, kasi_trantib):
    laporan, tanda = terverifikasi
    assert tanda.waktu == DIVERIFIKASI and tanda.diverifikasi_at == DIVERIFIKASI
    assert tanda.pertama_dikirim_at == DIKIRIM
    assert tanda.oleh == kasi_trantib and tanda.versi == laporan.versi == 2
    assert [t.aksi for t in laporan.tanda_terima.all()] == ["kirim", "verifikasi"]


def test_the_digest_is_the_sha256_of_the_canonical_json_of_the_report_at_that_moment(terkirim, angka):
    laporan, tanda = terkirim
    expected = {
        "desa": laporan.desa_id,
        "jenis": "kependudukan",
        "periode": "2026-08",
        "versi": 1,
        "nihil": False,
        "keterangan": "",
        "angka": angka,
    }
    assert tanda.isi == expected
    text = json.dumps(expected, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert tanda.ringkasan_isi == hashlib.sha256(text.encode()).hexdigest()
    assert tanda.ringkasan_isi == tanda_terima.ringkasan(tanda_terima.isi_laporan(laporan))


def test_a_refused_send_leaves_no_receipt(desa_a, operator_a, monkeypatch):
    def refuse(desa, periode, kiriman):
        raise ledger.TransisiDitolak("Program wajib belum terpenuhi.")

    monkeypatch.setitem(registry._send_checks, JenisLaporan.KEPENDUDUKAN, refuse)
    with pytest.raises(ledger.TransisiDitolak):
        kirim(desa_a, operator_a)
    assert not TandaTerima.objects.exists()


def test_a_receipt_that_fails_to_be_written_undoes_the_send(desa_a, operator_a, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(tanda_terima.TandaTerima.objects, "create", broken)
    with pytest.raises(RuntimeError):
        kirim(desa_a, operator_a)
    assert ledger.laporan_for(desa_a, "kependudukan", AGUSTUS).status == "belum_dikirim"


# --- the code -----------------------------------------------------------------------------------------


def test_the_code_is_six_groups_of_four_letters_and_checks_out(terkirim):
    _, tanda = terkirim
    kode = tanda_terima.kode(tanda)
    assert len(kode) == 29 and kode.count("-") == 5
    assert tanda_terima.periksa(kode) == tanda
    assert tanda_terima.periksa(kode.lower().replace("-", " ")) == tanda


def test_a_code_with_any_letter_changed_is_rejected(terkirim):
    _, tanda = terkirim
    kode = tanda_terima.kode(tanda).replace("-", "")
    for posisi in range(len(kode)):
        assert tanda_terima.periksa(ganti_huruf(kode, posisi)) is None, posisi


def test_a_forged_code_is_rejected(terkirim):
    _, tanda = terkirim
    forged = base64.b32encode(tanda.pk.to_bytes(5, "big") + b"\0" * 10).decode()
    assert tanda_terima.periksa(forged) is None
    assert tanda_terima.periksa("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA") is None


def test_the_code_of_one_receipt_does_not_pass_as_another(terverifikasi):
    laporan, verified = terverifikasi
    sent = laporan.tanda_terima.get(aksi=AksiTandaTerima.KIRIM)
    mac_of_sent = base64.b32decode(tanda_terima.kode(sent).replace("-", ""))[5:]
    swapped = base64.b32encode(verified.pk.to_bytes(5, "big") + mac_of_sent).decode()
    assert tanda_terima.periksa(swapped) is None
    assert tanda_terima.periksa(tanda_terima.kode(sent)) == sent


def test_a_receipt_altered_in_the_database_no_longer_checks_out(terkirim):
    _, tanda = terkirim
    kode = tanda_terima.kode(tanda)
    TandaTerima.objects.filter(pk=tanda.pk).update(ringkasan_isi="0" * 64)
    assert tanda_terima.periksa(kode) is None
    TandaTerima.objects.filter(pk=tanda.pk).update(ringkasan_isi=tanda.ringkasan_isi, versi=7)
    assert tanda_terima.periksa(kode) is None


def test_a_rotated_secret_keeps_old_codes_valid_through_the_fallbacks(terkirim):
    _, tanda = terkirim
    with override_settings(SECRET_KEY=KUNCI_LAMA):
        kode = tanda_terima.kode(tanda)
    with override_settings(SECRET_KEY=KUNCI_BARU, SECRET_KEY_FALLBACKS=[KUNCI_LAMA]):
        assert tanda_terima.periksa(kode) == tanda
        assert tanda_terima.kode(tanda) != kode  # new prints carry the new key's code
    with override_settings(SECRET_KEY=KUNCI_BARU, SECRET_KEY_FALLBACKS=[]):
        assert tanda_terima.periksa(kode) is None


@pytest.mark.parametrize(
    "masukan",
    ["", "x" * 10_000, "ÀÉÎÕÜ-ñ" * 4, "../../etc/passwd", "%00", "\x00" * 24, "2" * 24, "A" * 81],
)
def test_any_input_is_just_not_a_code(masukan):
    assert tanda_terima.periksa(masukan) is None


# --- the public check page -----------------------------------------------------------------------------


def test_the_public_page_confirms_a_genuine_code_without_login(client, terverifikasi):
    laporan, tanda = terverifikasi
    response = client.get(f"/cek/{tanda_terima.kode(tanda)}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert laporan.desa.nama in content and laporan.desa.kode in content
    assert "Agustus 2026" in content and tanda.ringkasan_isi in content
    assert "Terverifikasi" in content
    assert "Kode tidak sah" not in content


def test_the_public_page_shows_no_personal_data(client, terverifikasi, operator_a, kasi_trantib):
    _, tanda = terverifikasi
    content = client.get(f"/cek/{tanda_terima.kode(tanda)}/").content.decode()
    for personal in ["Rahmat Hidayat", "6311064107900001", operator_a.username, kasi_trantib.username]:
        assert personal not in content
    for name in [operator_a.get_full_name(), kasi_trantib.get_full_name()]:
        assert not name or name not in content


def test_the_public_page_rejects_an_altered_code_with_404(client, terkirim):
    _, tanda = terkirim
    response = client.get(f"/cek/{ganti_huruf(tanda_terima.kode(tanda), 10)}/")
    assert response.status_code == 404
    assert "Kode tidak sah" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/cek/" + "A" * 5000 + "/", "/cek/%C3%A9%E2%9C%93%F0%9F%98%80/", "/cek/..%2F..%2Fadmin/", "/cek/%00/"],
)
def test_the_public_page_answers_any_path_without_a_server_error(client, wilayah, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Kode tidak sah" in response.content.decode()


def test_the_form_on_the_public_page_takes_a_typed_code(client, terkirim):
    _, tanda = terkirim
    form = client.get("/cek/")
    assert form.status_code == 200 and 'name="kode"' in form.content.decode()
    typed = tanda_terima.kode(tanda).lower().replace("-", " ")
    response = client.get("/cek/", {"kode": typed}, follow=True)
    assert response.status_code == 200
    assert tanda.ringkasan_isi in response.content.decode()


def test_the_public_page_reads_the_database_once_or_twice(client, terkirim, django_assert_max_num_queries):
    _, tanda = terkirim
    kode = tanda_terima.kode(tanda)
    with django_assert_max_num_queries(3):
        assert client.get(f"/cek/{kode}/").status_code == 200


# --- the receipt pages ---------------------------------------------------------------------------------


def test_the_receipt_page_shows_the_code_a_qr_and_who_sent(client_for, terkirim, operator_a):
    _, tanda = terkirim
    response = client_for(operator_a).get(f"/desa/tanda-terima/{tanda.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert tanda_terima.kode(tanda) in content
    assert "<svg" in content and "/cek/" in content
    assert tanda.nama_oleh in content and tanda.ringkasan_isi in content
    assert "Pemerintah Kabupaten Balangan".upper() in content.upper()


def receipt_pages(laporan, tanda):
    base = f"/desa/tanda-terima/{tanda.pk}/"
    return [base, f"{base}cetak/", f"/desa/{laporan.desa_id}/laporan/kependudukan/2026-08/tanda-terima/"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        *[(role, 200) for role in ["operator_a", "kasi_trantib", "camat", "kabupaten", "admin"]],
        *[(role, 404) for role in ["operator_b", "operator_luar", "kasi_trantib_luar"]],
    ],
)
def test_the_receipts_are_seen_by_the_roles_that_see_the_report_and_404_for_others(
    cast, client_for, terkirim, role, status
):
    client = client_for(cast[role])
    assert [client.get(url).status_code for url in receipt_pages(*terkirim)] == [status] * 3


def test_the_receipt_page_needs_a_login(client, terkirim):
    _, tanda = terkirim
    response = client.get(f"/desa/tanda-terima/{tanda.pk}/")
    assert response.status_code == 302 and "/akun/" in response["Location"]


def test_the_receipts_list_is_the_reports_history(client_for, terverifikasi, operator_a):
    laporan, tanda = terverifikasi
    content = client_for(operator_a).get(
        f"/desa/{laporan.desa_id}/laporan/kependudukan/2026-08/tanda-terima/"
    )
    content = content.content.decode()
    for item in laporan.tanda_terima.all():
        assert f"/desa/tanda-terima/{item.pk}/" in content
    assert "Pengiriman" in content and "Verifikasi" in content


def test_a_receipt_whose_stored_content_was_changed_is_rejected(terkirim):
    _, tanda = terkirim
    kode = tanda_terima.kode(tanda)
    isi = {**tanda.isi, "angka": {"jumlah_jiwa": 1}}
    TandaTerima.objects.filter(pk=tanda.pk).update(isi=isi)
    assert tanda_terima.periksa(kode) is None

"""The ledger's POST views and the panel on a monthly page (Kependudukan is registered)."""

import pytest
from django.urls import reverse

from desa import ledger, registry
from desa.models import KomentarLaporan, LaporanBulanan
from desa.models.laporan import JenisLaporan, Status
from desa.periode import Periode, format_tanggal
from tests.factories.ledger import laporan
from tests.factories.wilayah import KODE_DESA_A

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def plain_send_check(monkeypatch):
    """These tests are about the ledger: Kependudukan's own send rules (data awal first) are
    replaced by the registry's default check; one test below puts a refusing check back."""
    monkeypatch.setitem(registry._send_checks, JenisLaporan.KEPENDUDUKAN, registry.default_check_send)


PERIODE = Periode.current().previous()
ACTIONS = [
    "laporan_kirim",
    "laporan_kembalikan",
    "laporan_buka_kembali",
    "laporan_perpanjang",
]


def url(action, kode=KODE_DESA_A, jenis="kependudukan", periode=PERIODE):
    return reverse(f"desa:{action}", args=[kode, jenis, str(periode)])


def page(kode=KODE_DESA_A, periode=PERIODE):
    return reverse("kependudukan:laporan_bulanan", args=[kode, str(periode)])


def status_of(desa):
    row = LaporanBulanan.objects.filter(desa=desa, jenis="kependudukan", periode=PERIODE).first()
    return row.status if row else None


@pytest.mark.parametrize("action", [*ACTIONS, "laporan_komentar"])
def test_a_get_on_a_post_only_view_is_405(cast, client_for, action):
    assert client_for(cast["operator_a"]).get(url(action)).status_code == 405


@pytest.mark.parametrize("action", [*ACTIONS, "laporan_komentar"])
def test_anonymous_users_are_sent_to_login(client, wilayah, action):
    response = client.post(url(action))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ["operator_b", "operator_luar"])
@pytest.mark.parametrize("action", [*ACTIONS, "laporan_komentar"])
def test_another_desa_is_404(cast, client_for, desa_a, role, action):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    response = client_for(cast[role]).post(url(action), {"catatan": "x", "alasan": "x", "isi": "x"})
    assert response.status_code == 404
    assert status_of(desa_a) == Status.DIKIRIM
    assert not KomentarLaporan.objects.exists()


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
@pytest.mark.parametrize("action", ACTIONS)
def test_a_read_only_role_is_403(cast, client_for, desa_a, role, action):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    response = client_for(cast[role]).post(url(action), {"catatan": "x", "alasan": "x"})
    assert response.status_code == 403
    assert status_of(desa_a) == Status.DIKIRIM


@pytest.mark.parametrize("jenis", ["ekonomi_palsu", "laporan_rt_x"])
def test_an_unknown_kind_is_404(cast, client_for, jenis):
    assert client_for(cast["operator_a"]).post(url("laporan_kirim", jenis=jenis)).status_code == 404


@pytest.mark.parametrize("periode", ["1999-12", "9999-12"])
def test_a_month_out_of_range_is_404_not_a_crash(cast, client_for, periode):
    client = client_for(cast["kasi_trantib"])
    assert (
        client.post(url("laporan_perpanjang", periode=periode), {"tanggal": "9999-12-31"}).status_code == 404
    )
    assert client.get(page(periode=periode)).status_code == 404


def test_the_operator_sends_from_the_monthly_page(cast, client_for, desa_a):
    client = client_for(cast["operator_a"])
    response = client.post(url("laporan_kirim"), {"versi": "0"}, follow=True)
    assert response.redirect_chain[-1][0] == page()
    assert f"Laporan {PERIODE.label} terkirim ke kecamatan." in response.content.decode()
    assert status_of(desa_a) == Status.DIKIRIM


def test_a_refused_send_says_why_and_changes_nothing(cast, client_for, desa_a):
    response = client_for(cast["operator_a"]).post(
        url("laporan_kirim"), {"nihil": "on", "keterangan": ""}, follow=True
    )
    assert "Laporan nihil harus disertai keterangan singkat." in response.content.decode()
    assert status_of(desa_a) is None


def test_the_kinds_own_send_check_decides_and_its_reason_is_shown(cast, client_for, desa_a, monkeypatch):
    def refuse(desa, periode, data):
        raise ledger.TransisiDitolak("Isi data awal dulu.")

    monkeypatch.setitem(registry._send_checks, JenisLaporan.KEPENDUDUKAN, refuse)
    response = client_for(cast["operator_a"]).post(url("laporan_kirim"), {"versi": "0"}, follow=True)
    assert "Isi data awal dulu." in response.content.decode()
    assert status_of(desa_a) is None


def test_a_stale_form_posted_twice_changes_nothing_the_second_time(cast, client_for, desa_a):
    client = client_for(cast["operator_a"])
    client.post(url("laporan_kirim"), {"versi": "0"})
    response = client.post(url("laporan_kirim"), {"versi": "0"}, follow=True)
    assert "Status laporan sudah berubah" in response.content.decode()
    assert LaporanBulanan.objects.get().riwayat.count() == 1


def test_the_kasi_trantib_returns_and_verifies_through_the_views(cast, client_for, desa_a):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    client = client_for(cast["kasi_trantib"])
    response = client.post(url("laporan_kembalikan"), {"catatan": "Lengkapi NIK", "versi": "0"}, follow=True)
    assert "dikembalikan dengan catatan" in response.content.decode()
    assert status_of(desa_a) == Status.DIKEMBALIKAN
    client_for(cast["operator_a"]).post(url("laporan_kirim"), {"versi": "1"})
    client = client_for(cast["kasi_trantib"])
    row = LaporanBulanan.objects.get()
    verifikasi = reverse("kudapanmas:antrean_verifikasi", args=[desa_a.kecamatan_id])
    client.post(verifikasi, {"laporan": row.pk, f"versi-{row.pk}": "2"})
    assert status_of(desa_a) == Status.DIKIRIM, "verified without the confirmation"
    client.post(verifikasi, {"laporan": row.pk, f"versi-{row.pk}": "2", "diperiksa": "on"})
    assert status_of(desa_a) == Status.DIVERIFIKASI
    client.post(url("laporan_buka_kembali"), {"alasan": "Ralat data", "versi": "3"})
    assert status_of(desa_a) == Status.DIKEMBALIKAN


def test_returning_without_a_comment_is_refused(cast, client_for, desa_a):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    response = client_for(cast["kasi_trantib"]).post(url("laporan_kembalikan"), {"catatan": ""}, follow=True)
    assert "Tulis catatan" in response.content.decode()
    assert status_of(desa_a) == Status.DIKIRIM


@pytest.mark.parametrize("tanggal", ["", "besok", "2026-02-30"])
def test_a_bad_extension_date_is_a_message_not_a_crash(cast, client_for, desa_a, tanggal):
    response = client_for(cast["kasi_trantib"]).post(
        url("laporan_perpanjang"), {"tanggal": tanggal, "alasan": "x"}, follow=True
    )
    assert response.status_code == 200
    assert "Tanggal perpanjangan tidak valid." in response.content.decode()


def test_the_kasi_trantib_extends_through_the_view(cast, client_for, desa_a):
    normal = PERIODE.next().awal.replace(day=desa_a.kecamatan.hari_batas_waktu)
    tanggal = normal.replace(day=normal.day + 3)
    response = client_for(cast["kasi_trantib"]).post(
        url("laporan_perpanjang"), {"tanggal": tanggal.isoformat(), "alasan": "Listrik padam"}, follow=True
    )
    assert "Batas waktu diperpanjang." in response.content.decode()
    assert LaporanBulanan.objects.get().batas_waktu_perpanjangan == tanggal


@pytest.mark.parametrize("role", ["operator_a", "kasi_trantib"])
def test_the_desa_and_its_kecamatan_comment(cast, client_for, desa_a, role):
    response = client_for(cast[role]).post(url("laporan_komentar"), {"isi": "Mohon dicek"}, follow=True)
    assert "Komentar terkirim." in response.content.decode()
    komentar = KomentarLaporan.objects.get()
    assert (komentar.penulis, komentar.isi) == (cast[role], "Mohon dicek")


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_a_read_only_role_may_not_comment(cast, client_for, desa_a, role):
    response = client_for(cast[role]).post(url("laporan_komentar"), {"isi": "Mohon dicek"})
    assert response.status_code == 403
    assert not KomentarLaporan.objects.exists()


def test_an_empty_comment_is_not_saved(cast, client_for, desa_a):
    response = client_for(cast["operator_a"]).post(url("laporan_komentar"), {"isi": "   "}, follow=True)
    assert "Komentar kosong tidak dikirim." in response.content.decode()
    assert not KomentarLaporan.objects.exists()


# --- the panel on the monthly page ---------------------------------------------------------------


def verify_url():
    return reverse("kudapanmas:antrean_verifikasi", args=["63.11.06"])


def test_the_panel_offers_the_operator_the_send_form(cast, client_for, desa_a):
    content = client_for(cast["operator_a"]).get(page()).content.decode()
    assert url("laporan_kirim") in content
    assert verify_url() not in content
    assert "Batas waktu" in content


def test_the_panel_offers_the_kasi_trantib_the_review_forms_once_sent(cast, client_for, desa_a):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    content = client_for(cast["kasi_trantib"]).get(page()).content.decode()
    assert verify_url() in content and url("laporan_kembalikan") in content
    assert "Saya sudah memeriksa laporan ini" in content
    assert url("laporan_kirim") not in content
    assert url("laporan_perpanjang") not in content


def test_the_panel_offers_an_extension_before_the_first_send(cast, client_for, desa_a):
    content = client_for(cast["kasi_trantib"]).get(page()).content.decode()
    assert url("laporan_perpanjang") in content
    assert "Desa belum mengirim laporan ini." in content


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_the_panel_shows_read_only_roles_no_actions(cast, client_for, desa_a, role):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    content = client_for(cast[role]).get(page()).content.decode()
    for action in ACTIONS:
        assert url(action) not in content
    assert verify_url() not in content
    assert url("laporan_komentar") not in content
    assert 'name="isi"' not in content


def test_the_panel_shows_the_return_comment_history_and_thread(cast, client_for, desa_a, kasi_trantib):
    sent = laporan(desa_a, PERIODE, Status.DIKIRIM)
    ledger.kembalikan(laporan=sent, user=kasi_trantib, catatan="NIK bayi belum ada")
    ledger.komentari(
        desa=desa_a, jenis="kependudukan", periode=PERIODE, user=kasi_trantib, isi="Hubungi saya"
    )
    content = client_for(cast["operator_a"]).get(page()).content.decode()
    assert "Catatan kecamatan: NIK bayi belum ada" in content
    assert "Kirim ulang laporan" in content
    assert "Hubungi saya" in content and "(Kasi Trantib)" in content
    assert "Kembalikan</strong> oleh trantib (Kasi Trantib) · Terkirim → Dikembalikan" in content


def test_the_panel_tells_the_operator_a_sent_month_is_locked(cast, client_for, desa_a):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    content = client_for(cast["operator_a"]).get(page()).content.decode()
    assert "Data bulan ini terkunci" in content
    assert url("laporan_kirim") not in content


@pytest.mark.parametrize("months_ahead", [0, 1], ids=["running", "not begun"])
def test_the_panel_says_from_when_a_month_not_over_can_be_sent(cast, client_for, desa_a, months_ahead):
    periode = Periode.current().shift(months_ahead)
    content = client_for(cast["operator_a"]).get(page(periode=periode)).content.decode()
    assert f"baru dapat dikirim mulai {format_tanggal(periode.next().awal)}" in content
    assert "Kirim laporan</button>" not in content


def test_the_panel_names_the_earlier_month_to_send_first(cast, client_for, desa_a):
    laporan(desa_a, PERIODE.shift(-2), Status.DIKIRIM)
    content = client_for(cast["operator_a"]).get(page()).content.decode()
    assert f"Kirim dulu laporan {PERIODE.shift(-1).label}" in content
    assert "Kirim laporan</button>" not in content


# --- one confirmed verification, one timeline, a banner per role ---------------------------------


def test_the_panel_verifies_only_with_the_box_ticked(cast, client_for, desa_a):
    sent = laporan(desa_a, PERIODE, Status.DIKIRIM)
    client = client_for(cast["kasi_trantib"])
    data = {"laporan": sent.pk, f"versi-{sent.pk}": "0", "dari": "laporan"}
    response = client.post(verify_url(), data)
    assert response.status_code == 200
    assert "Saya sudah memeriksa laporan ini." in response.content.decode()
    assert status_of(desa_a) == Status.DIKIRIM
    response = client.post(verify_url(), {**data, "diperiksa": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == page()
    assert (
        f"Laporan Balang · Kependudukan · {PERIODE.label} terverifikasi dan terkunci."
        in response.content.decode()
    )
    assert status_of(desa_a) == Status.DIVERIFIKASI
    assert LaporanBulanan.objects.get().riwayat.get().aksi == "verifikasi"


def test_the_panel_shows_one_timeline_of_sends_returns_and_comments(cast, client_for, desa_a, kasi_trantib):
    sent = ledger.kirim(
        desa=desa_a, jenis="kependudukan", periode=PERIODE, user=cast["operator_a"], keterangan="Lengkap"
    )
    ledger.kembalikan(laporan=sent, user=kasi_trantib, catatan="NIK bayi belum ada")
    ledger.komentari(
        desa=desa_a, jenis="kependudukan", periode=PERIODE, user=cast["operator_a"], isi="Sudah kami lengkapi"
    )
    content = client_for(cast["kasi_trantib"]).get(page()).content.decode()
    start = content.index('id="linimasa-laporan"')
    timeline = content[start : content.index("</ol>", start)]
    order = [timeline.index(text) for text in ("Kirim</strong>", "NIK bayi belum ada", "Sudah kami lengkapi")]
    assert order == sorted(order)
    assert "Komentar</strong> oleh operator.a (Operator Desa)" in timeline
    assert "Konsultasi desa dan kecamatan" not in content  # no second box
    assert content.count("NIK bayi belum ada") == 2  # the banner and its timeline entry


@pytest.mark.parametrize(
    "role,banner",
    [
        ("operator_a", "menunggu verifikasi kecamatan"),
        ("kasi_trantib", "Menunggu verifikasi Anda."),
        ("camat", "Terkirim dan menunggu verifikasi Kasi Trantib."),
        ("kabupaten", "Terkirim dan menunggu verifikasi Kasi Trantib."),
    ],
)
def test_each_role_reads_the_state_in_its_own_words(cast, client_for, desa_a, role, banner):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    content = client_for(cast[role]).get(page()).content.decode()
    spanduk = content[content.index('id="spanduk-laporan"') :][:800]
    assert banner in spanduk
    assert ("Menunggu verifikasi Anda" in content) == (role == "kasi_trantib")


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_read_only_roles_read_the_timeline_without_a_comment_box(
    cast, client_for, desa_a, kasi_trantib, role
):
    laporan(desa_a, PERIODE, Status.DIKIRIM)
    ledger.komentari(desa=desa_a, jenis="kependudukan", periode=PERIODE, user=kasi_trantib, isi="Cek RT 2")
    content = client_for(cast[role]).get(page()).content.decode()
    assert "Cek RT 2" in content
    assert "Kirim komentar" not in content and 'id="id_isi_komentar"' not in content


@pytest.mark.parametrize(
    "role,expected",
    [
        ("operator_a", "sedang diperiksa kecamatan"),
        ("kasi_trantib", "menunggu verifikasi Anda"),
        ("camat", "menunggu verifikasi Kasi Trantib"),
    ],
)
def test_the_lock_message_is_in_the_words_of_its_reader(cast, desa_a, role, expected):
    sent = laporan(desa_a, PERIODE, Status.DIKIRIM)
    assert expected in ledger.lock_message_for(sent, cast[role])

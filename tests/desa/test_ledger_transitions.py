"""Every ledger transition, allowed and refused, per role; stale forms; history; atomicity; e-mails."""

from unittest import mock

import pytest

from desa import ledger
from desa.models import LaporanBulanan, RiwayatLaporan
from desa.models.laporan import Status
from desa.periode import Periode
from desa.scoping import Peran
from tests.factories.ledger import laporan
from tests.factories.pengguna import make_user
from tests.factories.waktu import clock, wita

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("any_content")]


AGUSTUS = Periode(2026, 8)
NOW = wita(2026, 9, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with clock(NOW):
        yield


@pytest.fixture
def trantib_juai(wilayah):
    from desa.models import Kecamatan

    return make_user("trantib.juai", peran=Peran.KASI_TRANTIB, kecamatan=Kecamatan.objects.get(pk="63.11.01"))


def kirim(desa, user, **kwargs):
    return ledger.kirim(desa=desa, jenis="kependudukan", periode=AGUSTUS, user=user, **kwargs)


def row(desa):
    return LaporanBulanan.objects.get(desa=desa, jenis="kependudukan", periode=AGUSTUS)


# --- kirim -------------------------------------------------------------------------------------------


def test_the_operator_sends_their_own_report(desa_a, operator_a):
    result = kirim(desa_a, operator_a)
    fresh = row(desa_a)
    assert result.pk == fresh.pk
    assert fresh.status == Status.DIKIRIM
    assert fresh.pertama_dikirim_at == NOW and fresh.dikirim_at == NOW
    assert fresh.dikirim_oleh == operator_a
    assert fresh.versi == 1
    history = list(fresh.riwayat.all())
    assert [(h.aksi, h.dari, h.ke, h.oleh) for h in history] == [
        ("kirim", Status.BELUM_DIKIRIM, Status.DIKIRIM, operator_a)
    ]


def test_a_superuser_may_stand_in_for_the_operator(desa_a, admin_user):
    kirim(desa_a, admin_user)
    assert row(desa_a).status == Status.DIKIRIM


@pytest.mark.parametrize("role", ["operator_b", "operator_luar", "kasi_trantib", "camat", "kabupaten"])
def test_nobody_else_sends_a_desa_report(cast, desa_a, role):
    with pytest.raises(ledger.TransisiDitolak, match="Hanya operator desa"):
        kirim(desa_a, cast[role])
    assert not LaporanBulanan.objects.exists()


def test_a_nihil_report_needs_a_statement(desa_a, operator_a):
    with pytest.raises(ledger.TransisiDitolak, match="nihil harus disertai keterangan"):
        kirim(desa_a, operator_a, nihil=True, keterangan="   ")
    assert not LaporanBulanan.objects.exists()


def test_a_nihil_report_keeps_its_statement(desa_a, operator_a):
    kirim(desa_a, operator_a, nihil=True, keterangan="Tidak ada peristiwa bulan ini.")
    fresh = row(desa_a)
    assert fresh.nihil is True
    assert fresh.keterangan == "Tidak ada peristiwa bulan ini."


@pytest.mark.parametrize("periode", [Periode(2026, 9), Periode(2026, 10)], ids=["running", "not begun"])
def test_a_month_that_is_not_over_cannot_be_sent(desa_a, operator_a, periode):
    with pytest.raises(ledger.TransisiDitolak, match="baru dapat dikirim mulai 1 (Oktober|November) 2026"):
        ledger.kirim(desa=desa_a, jenis="kependudukan", periode=periode, user=operator_a)
    assert not LaporanBulanan.objects.exists()


@pytest.mark.parametrize(
    "status,reason", [(Status.DIKIRIM, "menunggu verifikasi"), (Status.DIVERIFIKASI, "sudah terverifikasi")]
)
def test_a_sent_or_verified_report_cannot_be_sent_again(desa_a, operator_a, status, reason):
    existing = laporan(desa_a, AGUSTUS, status, versi=3)
    with pytest.raises(ledger.TransisiDitolak, match=reason):
        kirim(desa_a, operator_a)
    fresh = row(desa_a)
    assert (fresh.status, fresh.versi, fresh.dikirim_at) == (status, 3, existing.dikirim_at)
    assert not RiwayatLaporan.objects.exists()


def test_a_returned_report_is_sent_again_and_keeps_its_first_send(desa_a, operator_a):
    first = wita(2026, 9, 2, 9)
    laporan(desa_a, AGUSTUS, Status.DIKEMBALIKAN, sent=first, catatan_kembali="Cek NIK")
    kirim(desa_a, operator_a)
    fresh = row(desa_a)
    assert fresh.status == Status.DIKIRIM
    assert fresh.pertama_dikirim_at == first
    assert fresh.dikirim_at == NOW
    assert fresh.riwayat.get().aksi == "kirim ulang"


# --- verifikasi ----------------------------------------------------------------------------------


def test_the_kasi_trantib_verifies_a_sent_report(desa_a, kasi_trantib):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    ledger.verifikasi(laporan=sent, user=kasi_trantib, versi=0)
    fresh = row(desa_a)
    assert fresh.status == Status.DIVERIFIKASI
    assert fresh.diverifikasi_oleh == kasi_trantib and fresh.diverifikasi_at == NOW
    history = fresh.riwayat.get()
    assert (history.aksi, history.dari, history.ke, history.oleh) == (
        "verifikasi",
        Status.DIKIRIM,
        Status.DIVERIFIKASI,
        kasi_trantib,
    )


@pytest.mark.parametrize("role", ["operator_a", "operator_b", "operator_luar", "camat", "kabupaten"])
def test_only_the_kasi_trantib_verifies(cast, desa_a, role):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    with pytest.raises(ledger.TransisiDitolak, match="Hanya Kasi Trantib"):
        ledger.verifikasi(laporan=sent, user=cast[role])
    assert row(desa_a).status == Status.DIKIRIM


def test_the_kasi_trantib_of_another_kecamatan_cannot_verify(desa_a, trantib_juai):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    with pytest.raises(ledger.TransisiDitolak, match="Hanya Kasi Trantib"):
        ledger.verifikasi(laporan=sent, user=trantib_juai)


def test_an_unsent_report_cannot_be_verified(desa_a, kasi_trantib):
    blank = ledger.laporan_for(desa_a, "kependudukan", AGUSTUS)
    with pytest.raises(ledger.TransisiDitolak, match="belum pernah dikirim"):
        ledger.verifikasi(laporan=blank, user=kasi_trantib)
    assert not LaporanBulanan.objects.exists()


@pytest.mark.parametrize("status", [Status.BELUM_DIKIRIM, Status.DIKEMBALIKAN, Status.DIVERIFIKASI])
def test_only_a_sent_report_can_be_verified(desa_a, kasi_trantib, status):
    existing = laporan(desa_a, AGUSTUS, status)
    with pytest.raises(ledger.TransisiDitolak, match="Hanya laporan yang terkirim"):
        ledger.verifikasi(laporan=existing, user=kasi_trantib)
    assert row(desa_a).status == status


# --- kembalikan ---------------------------------------------------------------------------------


def test_the_kasi_trantib_returns_a_report_with_a_comment(desa_a, kasi_trantib):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    ledger.kembalikan(laporan=sent, user=kasi_trantib, catatan="  NIK ibu bayi salah.  ")
    fresh = row(desa_a)
    assert fresh.status == Status.DIKEMBALIKAN
    assert fresh.catatan_kembali == "NIK ibu bayi salah."
    assert fresh.riwayat.get().catatan == "NIK ibu bayi salah."


def test_returning_needs_a_comment(desa_a, kasi_trantib):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    with pytest.raises(ledger.TransisiDitolak, match="Tulis catatan"):
        ledger.kembalikan(laporan=sent, user=kasi_trantib, catatan=" ")
    assert row(desa_a).status == Status.DIKIRIM


@pytest.mark.parametrize("role", ["operator_a", "operator_b", "camat", "kabupaten"])
def test_only_the_kasi_trantib_returns(cast, desa_a, role):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    with pytest.raises(ledger.TransisiDitolak):
        ledger.kembalikan(laporan=sent, user=cast[role], catatan="x")
    assert row(desa_a).status == Status.DIKIRIM


@pytest.mark.parametrize("status", [Status.BELUM_DIKIRIM, Status.DIKEMBALIKAN, Status.DIVERIFIKASI])
def test_only_a_sent_report_can_be_returned(desa_a, kasi_trantib, status):
    existing = laporan(desa_a, AGUSTUS, status)
    with pytest.raises(ledger.TransisiDitolak, match="Hanya laporan yang terkirim"):
        ledger.kembalikan(laporan=existing, user=kasi_trantib, catatan="x")


# --- buka kembali -------------------------------------------------------------------------------


def test_a_verified_report_is_reopened_with_a_reason(desa_a, kasi_trantib):
    verified = laporan(
        desa_a, AGUSTUS, Status.DIVERIFIKASI, diverifikasi_at=NOW, diverifikasi_oleh=kasi_trantib
    )
    ledger.buka_kembali(laporan=verified, user=kasi_trantib, alasan="Konsolidasi Disdukcapil")
    fresh = row(desa_a)
    assert fresh.status == Status.DIKEMBALIKAN
    assert fresh.diverifikasi_at is None and fresh.diverifikasi_oleh is None
    assert fresh.catatan_kembali == "Konsolidasi Disdukcapil"
    assert fresh.riwayat.get().aksi == "buka kembali"


def test_reopening_needs_a_reason(desa_a, kasi_trantib):
    verified = laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    with pytest.raises(ledger.TransisiDitolak, match="alasan"):
        ledger.buka_kembali(laporan=verified, user=kasi_trantib, alasan="")
    assert row(desa_a).status == Status.DIVERIFIKASI


@pytest.mark.parametrize("status", [Status.DIKIRIM, Status.DIKEMBALIKAN, Status.BELUM_DIKIRIM])
def test_only_a_verified_report_can_be_reopened(desa_a, kasi_trantib, status):
    existing = laporan(desa_a, AGUSTUS, status)
    with pytest.raises(ledger.TransisiDitolak, match="Hanya laporan yang terverifikasi"):
        ledger.buka_kembali(laporan=existing, user=kasi_trantib, alasan="x")


@pytest.mark.parametrize("role", ["operator_a", "camat", "kabupaten"])
def test_only_the_kasi_trantib_reopens(cast, desa_a, role):
    verified = laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    with pytest.raises(ledger.TransisiDitolak, match="Hanya Kasi Trantib"):
        ledger.buka_kembali(laporan=verified, user=cast[role], alasan="x")


# --- stale forms and atomicity ------------------------------------------------------------------


def test_a_send_form_posted_twice_sends_once(desa_a, operator_a):
    kirim(desa_a, operator_a, versi="0")
    with pytest.raises(ledger.TransisiDitolak, match="sudah berubah"):
        kirim(desa_a, operator_a, versi="0")
    assert row(desa_a).riwayat.count() == 1


def test_a_stale_review_form_changes_nothing(desa_a, kasi_trantib):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM, versi=2)
    with pytest.raises(ledger.TransisiDitolak, match="sudah berubah"):
        ledger.verifikasi(laporan=sent, user=kasi_trantib, versi=1)
    with pytest.raises(ledger.TransisiDitolak, match="sudah berubah"):
        ledger.kembalikan(laporan=sent, user=kasi_trantib, catatan="x", versi="1")
    fresh = row(desa_a)
    assert (fresh.status, fresh.versi) == (Status.DIKIRIM, 2)


def test_a_garbled_version_is_refused_not_a_crash(desa_a, kasi_trantib):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    with pytest.raises(ledger.TransisiDitolak, match="sudah berubah"):
        ledger.verifikasi(laporan=sent, user=kasi_trantib, versi="abc")
    assert row(desa_a).status == Status.DIKIRIM


def test_a_review_uses_the_fresh_row_not_the_callers_copy(desa_a, kasi_trantib):
    """Two reviewers on one report: the second acts on what the first left, and is refused."""
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    copy = LaporanBulanan.objects.get(pk=sent.pk)
    ledger.verifikasi(laporan=sent, user=kasi_trantib)
    with pytest.raises(ledger.TransisiDitolak, match="Terverifikasi"):
        ledger.kembalikan(laporan=copy, user=kasi_trantib, catatan="x")
    assert row(desa_a).status == Status.DIVERIFIKASI


def test_a_transition_that_fails_half_way_leaves_nothing_behind(desa_a, operator_a):
    with (
        mock.patch.object(RiwayatLaporan.objects, "create", side_effect=RuntimeError("disk penuh")),
        pytest.raises(RuntimeError),
    ):
        kirim(desa_a, operator_a)
    assert not LaporanBulanan.objects.exists()


def test_the_history_keeps_the_whole_story_in_order(desa_a, operator_a, kasi_trantib):
    kirim(desa_a, operator_a)
    ledger.kembalikan(laporan=row(desa_a), user=kasi_trantib, catatan="Lengkapi")
    kirim(desa_a, operator_a)
    ledger.verifikasi(laporan=row(desa_a), user=kasi_trantib)
    ledger.buka_kembali(laporan=row(desa_a), user=kasi_trantib, alasan="Ralat")
    story = [(h.aksi, h.dari, h.ke) for h in row(desa_a).riwayat.all()]
    assert story == [
        ("kirim", "belum_dikirim", "dikirim"),
        ("kembalikan", "dikirim", "dikembalikan"),
        ("kirim ulang", "dikembalikan", "dikirim"),
        ("verifikasi", "dikirim", "diverifikasi"),
        ("buka kembali", "diverifikasi", "dikembalikan"),
    ]
    assert row(desa_a).versi == 5


# --- e-mails ------------------------------------------------------------------------------------


def test_sending_emails_the_kasi_trantib_of_the_kecamatan(
    desa_a, operator_a, kasi_trantib, trantib_juai, mailoutbox
):
    kirim(desa_a, operator_a, nihil=True, keterangan="Tidak ada peristiwa")
    assert [mail.to for mail in mailoutbox] == [[kasi_trantib.email]]
    assert "Balang mengirim laporan nihil Kependudukan Agustus 2026" in mailoutbox[0].subject
    assert "/kependudukan/63.11.06.2005/2026-08/" in mailoutbox[0].body


def test_returning_emails_the_desa_operators_with_the_comment(
    desa_a, operator_a, operator_b, kasi_trantib, mailoutbox
):
    sent = laporan(desa_a, AGUSTUS, Status.DIKIRIM)
    ledger.kembalikan(laporan=sent, user=kasi_trantib, catatan="Tanggal lahir bayi kosong")
    assert [mail.to for mail in mailoutbox] == [[operator_a.email]]
    assert "dikembalikan" in mailoutbox[0].subject
    assert "Tanggal lahir bayi kosong" in mailoutbox[0].body


def test_verifying_emails_the_desa_operators(desa_a, operator_a, operator_b, kasi_trantib, mailoutbox):
    ledger.verifikasi(laporan=laporan(desa_a, AGUSTUS, Status.DIKIRIM), user=kasi_trantib)
    assert [mail.to for mail in mailoutbox] == [[operator_a.email]]
    assert "terverifikasi" in mailoutbox[0].subject


def test_reopening_emails_the_operators_with_the_reason(desa_a, operator_a, kasi_trantib, mailoutbox):
    verified = laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI)
    ledger.buka_kembali(laporan=verified, user=kasi_trantib, alasan="Data semester baru")
    assert [mail.to for mail in mailoutbox] == [[operator_a.email]]
    assert "dibuka kembali" in mailoutbox[0].subject
    assert "Data semester baru" in mailoutbox[0].body


def test_a_refused_transition_sends_no_email(desa_a, kasi_trantib, operator_a, mailoutbox):
    with pytest.raises(ledger.TransisiDitolak):
        ledger.verifikasi(laporan=laporan(desa_a, AGUSTUS, Status.DIVERIFIKASI), user=kasi_trantib)
    assert mailoutbox == []


def test_an_operator_without_email_is_skipped(desa_a, operator_a, kasi_trantib, mailoutbox):
    operator_a.email = ""
    operator_a.save()
    ledger.verifikasi(laporan=laporan(desa_a, AGUSTUS, Status.DIKIRIM), user=kasi_trantib)
    assert mailoutbox == []


def test_a_comment_from_the_desa_goes_to_the_kasi_trantib(desa_a, operator_a, kasi_trantib, mailoutbox):
    ledger.komentari(desa=desa_a, jenis="kependudukan", periode=AGUSTUS, user=operator_a, isi="Sudah?")
    assert [mail.to for mail in mailoutbox] == [[kasi_trantib.email]]
    assert "Sudah?" in mailoutbox[0].body


def test_a_comment_from_the_kecamatan_goes_to_the_desa(desa_a, operator_a, kasi_trantib, mailoutbox):
    ledger.komentari(desa=desa_a, jenis="kependudukan", periode=AGUSTUS, user=kasi_trantib, isi="Cek RT 3")
    assert [mail.to for mail in mailoutbox] == [[operator_a.email]]


@pytest.mark.parametrize("isi,reason", [("  ", "kosong"), ("x" * 2001, "terlalu panjang")])
def test_an_empty_or_overlong_comment_is_refused(desa_a, operator_a, isi, reason):
    with pytest.raises(ledger.TransisiDitolak, match=reason):
        ledger.komentari(desa=desa_a, jenis="kependudukan", periode=AGUSTUS, user=operator_a, isi=isi)
    assert not LaporanBulanan.objects.exists()

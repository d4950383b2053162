"""Verifying several reports after one confirmation, each on its own through the ledger."""

import pytest
from django.urls import reverse

from desa import ledger
from desa.models import LaporanBulanan, RiwayatLaporan
from desa.models.laporan import Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.pengguna import make_user
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

NOW = wita(2026, 9, 20, 12)
PARINGIN = "63.11.06"
AGUSTUS = Periode(2026, 8)

frozen = frozen_at(NOW)


def confirm_url(kode=PARINGIN):
    return reverse("kudapanmas:antrean_verifikasi", args=[kode])


@pytest.fixture
def three(paringin, desa_a, desa_b):
    """Three reports waiting: Balang's Kependudukan and Linmas, Lok Batung's Kependudukan."""
    return [
        laporan(desa_a, AGUSTUS, sent=wita(2026, 9, 3, 9)),
        laporan(desa_a, AGUSTUS, jenis="linmas", sent=wita(2026, 9, 4, 9)),
        laporan(desa_b, AGUSTUS, sent=wita(2026, 9, 5, 9)),
    ]


def confirmed(rows, **extra):
    """What the confirmation page posts: the ids, each with its version, and the tick."""
    data = {"laporan": [row.pk for row in rows], "diperiksa": "on", **extra}
    data.update({f"versi-{row.pk}": row.versi for row in rows})
    return data


def statuses(rows):
    return [LaporanBulanan.objects.get(pk=row.pk).status for row in rows]


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_queue_offers_the_kasi_trantib_a_checkbox_per_report(three, cast, client_for):
    content = (
        client_for(cast["kasi_trantib"])
        .get(reverse("kudapanmas:antrean_kecamatan", args=[PARINGIN]))
        .content.decode()
    )
    assert f'action="{confirm_url()}"' in content
    for row in three:
        assert f'name="laporan" value="{row.pk}"' in content
    assert "Verifikasi yang dipilih" in content


def test_the_confirmation_page_lists_what_will_be_verified_and_verifies_nothing(three, cast, client_for):
    response = client_for(cast["kasi_trantib"]).get(confirm_url(), {"laporan": [row.pk for row in three]})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Verifikasi 3 laporan?" in content
    for name in (
        "Balang</strong> · Kependudukan",
        "Balang</strong> · Linmas",
        "Lok Batung</strong> · Kependudukan",
    ):
        assert name in content
    assert 'name="diperiksa"' in content and "required" in content
    assert f'name="versi-{three[0].pk}" value="0"' in content
    assert statuses(three) == [Status.DIKIRIM] * 3
    assert not RiwayatLaporan.objects.exists()


def test_a_post_without_the_confirmation_verifies_nothing(three, cast, client_for):
    data = confirmed(three)
    del data["diperiksa"]
    response = client_for(cast["kasi_trantib"]).post(confirm_url(), data)
    assert response.status_code == 200
    assert "Belum ada laporan yang diverifikasi" in response.content.decode()
    assert statuses(three) == [Status.DIKIRIM] * 3
    assert not RiwayatLaporan.objects.exists()


def test_confirmed_reports_are_verified_each_with_its_history(three, cast, client_for):
    response = client_for(cast["kasi_trantib"]).post(confirm_url(), confirmed(three), follow=True)
    assert response.redirect_chain[-1][0] == reverse("kudapanmas:antrean_kecamatan", args=[PARINGIN])
    assert statuses(three) == [Status.DIVERIFIKASI] * 3
    for row in three:
        (entry,) = RiwayatLaporan.objects.filter(laporan=row)
        assert (entry.aksi, entry.dari, entry.ke, entry.oleh) == (
            "verifikasi",
            Status.DIKIRIM,
            Status.DIVERIFIKASI,
            cast["kasi_trantib"],
        )
    assert messages_of(response) == [
        "3 laporan terverifikasi dan terkunci: Balang · Kependudukan · Agustus 2026; "
        "Balang · Linmas · Agustus 2026; Lok Batung · Kependudukan · Agustus 2026."
    ]
    assert "Tidak ada laporan yang menunggu verifikasi." in response.content.decode()


def test_a_report_returned_meanwhile_is_refused_and_the_others_are_verified(three, cast, client_for):
    data = confirmed(three)  # the page was opened, then the report was returned from its own page
    ledger.kembalikan(laporan=three[2], user=cast["kasi_trantib"], catatan="NIK belum lengkap")
    response = client_for(cast["kasi_trantib"]).post(confirm_url(), data, follow=True)
    assert statuses(three) == [Status.DIVERIFIKASI, Status.DIVERIFIKASI, Status.DIKEMBALIKAN]
    assert RiwayatLaporan.objects.filter(aksi="verifikasi").count() == 2
    assert not RiwayatLaporan.objects.filter(laporan=three[2], aksi="verifikasi").exists()
    found = messages_of(response)
    assert found[0].startswith("2 laporan terverifikasi dan terkunci: Balang · Kependudukan")
    assert found[1] == (
        "Tidak diverifikasi: Lok Batung · Kependudukan · Agustus 2026 — statusnya sekarang Dikembalikan; "
        "hanya laporan yang terkirim yang dapat diverifikasi."
    )


def test_a_report_sent_again_since_the_confirmation_is_refused(three, cast, client_for):
    data = confirmed(three)
    ledger.kembalikan(laporan=three[0], user=cast["kasi_trantib"], catatan="Perbaiki")
    LaporanBulanan.objects.filter(pk=three[0].pk).update(status=Status.DIKIRIM, versi=2)  # sent again
    response = client_for(cast["kasi_trantib"]).post(confirm_url(), data, follow=True)
    assert statuses(three) == [Status.DIKIRIM, Status.DIVERIFIKASI, Status.DIVERIFIKASI]
    assert any(
        text.startswith("Tidak diverifikasi: Balang · Kependudukan · Agustus 2026 — laporan ini berubah")
        for text in messages_of(response)
    )


def test_a_report_outside_the_kecamatan_is_refused_not_verified(three, cast, client_for, desa_luar):
    luar = laporan(desa_luar, AGUSTUS)
    response = client_for(cast["kasi_trantib"]).post(confirm_url(), confirmed([three[0], luar]), follow=True)
    assert statuses([three[0], luar]) == [Status.DIVERIFIKASI, Status.DIKIRIM]
    assert "Tidak diverifikasi: 1 pilihan yang bukan laporan kecamatan Kecamatan Paringin." in messages_of(
        response
    )


def test_the_kasi_trantib_of_another_kecamatan_gets_404(three, client_for, desa_luar):
    trantib_juai = make_user("trantib.juai", peran="kasi_trantib", kecamatan=desa_luar.kecamatan)
    response = client_for(trantib_juai).post(confirm_url(), confirmed(three))
    assert response.status_code == 404
    assert statuses(three) == [Status.DIKIRIM] * 3


@pytest.mark.parametrize("role", ["camat", "kabupaten", "operator_a"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_roles_may_not_verify_several_and_nothing_is_written(three, cast, client_for, role, method):
    client = client_for(cast[role])
    response = getattr(client, method)(confirm_url(), confirmed(three))
    assert response.status_code == 403
    assert statuses(three) == [Status.DIKIRIM] * 3
    assert not RiwayatLaporan.objects.exists()


def test_anonymous_users_are_sent_to_login(three, client):
    response = client.post(confirm_url(), confirmed(three))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert statuses(three) == [Status.DIKIRIM] * 3


def test_nothing_chosen_goes_back_to_the_queue_with_a_message(three, cast, client_for):
    response = client_for(cast["kasi_trantib"]).get(confirm_url(), {"laporan": ["x", ""]}, follow=True)
    assert "Pilih dulu laporan yang akan diverifikasi." in messages_of(response)


def test_too_many_ids_are_refused_at_once(three, cast, client_for):
    ids = [three[0].pk] * (ledger.VERIFIKASI_BANYAK_MAKSIMUM + 1)
    response = client_for(cast["kasi_trantib"]).post(
        confirm_url(), {"laporan": ids, "diperiksa": "on"}, follow=True
    )
    assert "laporan dapat diverifikasi sekaligus" in messages_of(response)[0]
    assert statuses(three) == [Status.DIKIRIM] * 3


def test_the_filters_survive_the_round_trip(three, cast, client_for):
    data = confirmed(three[:1], jenis="kependudukan", periode="2026-08")
    response = client_for(cast["kasi_trantib"]).post(confirm_url(), data)
    assert (
        response.url
        == reverse("kudapanmas:antrean_kecamatan", args=[PARINGIN]) + "?jenis=kependudukan&periode=2026-08"
    )


def test_the_ledger_verifies_each_report_in_its_own_transaction(three, kasi_trantib, paringin):
    ledger.kembalikan(laporan=three[1], user=kasi_trantib, catatan="Foto belum ada")
    hasil = ledger.verifikasi_banyak(
        kecamatan=paringin, pilihan=[(row.pk, row.versi) for row in three] + [(10**12, 0)], user=kasi_trantib
    )
    assert [item.diverifikasi for item in hasil] == [True, False, True, False]
    assert hasil[3].laporan is None and "tidak ada di antrean" in hasil[3].alasan


@pytest.mark.parametrize("role", ["camat", "kabupaten"])
def test_the_ledger_refuses_a_read_only_role(three, cast, paringin, role):
    with pytest.raises(ledger.TransisiDitolak):
        ledger.verifikasi_banyak(kecamatan=paringin, pilihan=[(three[0].pk, 0)], user=cast[role])
    assert statuses(three) == [Status.DIKIRIM] * 3

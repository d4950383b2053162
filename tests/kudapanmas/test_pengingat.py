"""Reminders: the text and recipients, the page, and `manage.py kirim_pengingat` (same function)."""

import io
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from desa.models.laporan import Status
from desa.periode import Periode
from kudapanmas.pengingat import pengingat_for
from tests.factories.ledger import laporan
from tests.factories.pengguna import make_user
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

AGUSTUS = Periode(2026, 8)
NOW = wita(2026, 9, 8, 9)


frozen = frozen_at(NOW)


@pytest.fixture
def paringin(paringin, desa_a, desa_b, operator_a, operator_b, kasi_trantib):
    """Balang returned, Lok Batung sent; the other fourteen desa have sent nothing."""
    laporan(desa_a, AGUSTUS, Status.DIKEMBALIKAN, catatan_kembali="NIK bayi belum diisi")
    laporan(desa_b, AGUSTUS, Status.DIKIRIM)
    return paringin


def test_the_reminder_names_each_desa_its_missing_kinds_and_the_deadline(paringin, desa_a, desa_b):
    pengingat = pengingat_for(paringin, AGUSTUS)
    names = [item.desa for item in pengingat.desa]
    assert desa_a in names and desa_b not in names
    assert len(names) == 15
    assert "*Pengingat laporan bulanan KUDAPANMAS*" in pengingat.pesan
    assert "Kecamatan Paringin · periode Agustus 2026" in pengingat.pesan
    assert "Batas waktu: 5 September 2026 pukul 23.59 WITA (sudah lewat)." in pengingat.pesan
    assert "Desa Balang: Kependudukan (dikembalikan, perlu diperbaiki)" in pengingat.pesan
    assert "Kelurahan Paringin Kota: Kependudukan (belum dikirim)" in pengingat.pesan
    assert "Lok Batung" not in pengingat.pesan


def test_each_desa_gets_its_own_message_with_the_reason(paringin, desa_a):
    item = next(item for item in pengingat_for(paringin, AGUSTUS).desa if item.desa == desa_a)
    assert item.pesan.startswith("Yth. operator Desa Balang,")
    assert "Catatan: NIK bayi belum diisi" in item.pesan
    assert item.pesan.rstrip().endswith("Kasi Trantib Kecamatan Paringin")


def test_the_recipients_are_the_active_operators_of_those_desa(paringin, desa_a, operator_a, operator_b):
    make_user("operator.a2", peran="operator_desa", desa=desa_a, is_active=False)
    pengingat = pengingat_for(paringin, AGUSTUS)
    assert [(desa, penerima.pengguna) for desa, penerima in pengingat.penerima] == [(desa_a, operator_a)]


def test_the_wa_link_uses_the_operators_whatsapp_number_and_the_desa_message(paringin, desa_a, operator_a):
    item = next(item for item in pengingat_for(paringin, AGUSTUS).desa if item.desa == desa_a)
    ((penerima, link),) = item.kontak
    assert link == f"https://wa.me/6281234567801?text={quote(item.pesan)}"


def test_an_operator_without_a_phone_number_gets_no_wa_link(paringin, desa_a, operator_a):
    operator_a.telepon = ""
    operator_a.save()
    item = next(item for item in pengingat_for(paringin, AGUSTUS).desa if item.desa == desa_a)
    assert item.kontak[0][1] == ""


def test_an_extension_is_named_in_the_group_message(paringin, desa_b):
    import datetime

    from desa.models import Desa

    paringin_kota = Desa.objects.get(nama="Paringin Kota")
    laporan(paringin_kota, AGUSTUS, Status.BELUM_DIKIRIM, batas_waktu_perpanjangan=datetime.date(2026, 9, 12))
    pesan = pengingat_for(paringin, AGUSTUS).pesan
    assert (
        "Kelurahan Paringin Kota: Kependudukan (belum dikirim, diperpanjang sampai 12 September 2026)"
        in pesan
    )


def test_nothing_to_remind_when_everyone_has_sent(kecamatan, wilayah):
    from desa.models import Desa

    kecamatan.jenis_laporan_wajib = ["kependudukan"]
    kecamatan.save()
    for desa in Desa.objects.filter(kecamatan=kecamatan):
        laporan(desa, AGUSTUS, Status.DIVERIFIKASI)
    pengingat = pengingat_for(kecamatan, AGUSTUS)
    assert pengingat.desa == [] and pengingat.pesan == ""


def test_the_page_shows_the_message_a_copy_button_and_wa_links(paringin, cast, client_for):
    content = (
        client_for(cast["kasi_trantib"])
        .get(reverse("kudapanmas:pengingat_kecamatan", args=["63.11.06", "2026-08"]))
        .content.decode()
    )
    assert "Pesan untuk grup WhatsApp" in content
    assert 'data-copy-target="pesan-grup"' in content
    assert "Desa Balang: Kependudukan (dikembalikan, perlu diperbaiki)" in content
    assert 'href="https://wa.me/6281234567801?text=' in content
    assert "15 desa/kelurahan perlu diingatkan" in content
    assert "belum punya akun operator aktif" in content


def run(*args):
    out = io.StringIO()
    call_command("kirim_pengingat", *args, stdout=out)
    return out.getvalue()


def test_the_command_emails_the_operators_of_desa_with_unsent_or_returned_reports(paringin, mailoutbox):
    output = run("--periode", "2026-08", "--kecamatan", "63.11.06")
    assert [mail.to for mail in mailoutbox] == [["operator.a@contoh.id"]]
    assert mailoutbox[0].subject == "[KUDAPANMAS] Pengingat laporan Agustus 2026: Desa Balang"
    assert "NIK bayi belum diisi" in mailoutbox[0].body
    assert "Kecamatan Paringin: 1 e-mail pengingat Agustus 2026 untuk 15 desa/kelurahan." in output


def test_the_dry_run_prints_the_same_text_and_recipients_and_sends_nothing(paringin, mailoutbox):
    output = run("--periode", "2026-08", "--kecamatan", "63.11.06", "--dry-run")
    assert mailoutbox == []
    assert pengingat_for(paringin, AGUSTUS).pesan in output
    assert "- Desa Balang: operator.a <operator.a@contoh.id> wa.me/6281234567801" in output
    assert "- Desa Lasung Batu: belum ada akun operator aktif" in output


def test_without_a_kecamatan_the_command_covers_every_kecamatan_with_operators(
    paringin, operator_luar, mailoutbox
):
    from desa.models import Kecamatan

    juai = Kecamatan.objects.get(pk="63.11.01")
    juai.jenis_laporan_wajib = ["kependudukan"]
    juai.save()
    output = run("--periode", "2026-08")
    assert "Kecamatan Paringin:" in output and "Kecamatan Juai:" in output
    assert "Kecamatan Halong" not in output
    assert sorted(mail.to[0] for mail in mailoutbox) == ["operator.a@contoh.id", "operator.luar@contoh.id"]


def test_the_command_defaults_to_last_month(paringin, mailoutbox):
    assert "Agustus 2026" in run("--kecamatan", "63.11.06", "--dry-run")


@pytest.mark.parametrize(
    "args,message",
    [
        (["--periode", "Agustus"], "harus ditulis TTTT-BB"),
        (["--periode", "2026-13"], "harus ditulis TTTT-BB|tidak valid"),
        (["--kecamatan", "63.11.99"], "tidak ada"),
    ],
)
def test_the_command_refuses_bad_arguments_in_indonesian(wilayah, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)

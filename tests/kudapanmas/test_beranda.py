"""Home pages: the operator's own row (due, late, returned and why) and the entry points per role."""

import pytest
from django.urls import reverse

from desa.models.laporan import Status
from desa.periode import Periode
from tests.factories.ledger import laporan
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

NOW = wita(2026, 9, 8, 9)  # August's deadline (5 September) has passed; September is running


frozen = frozen_at(NOW)


def home(client):
    return client.get(reverse("kudapanmas:beranda")).content.decode()


def test_the_operator_sees_an_overdue_report_and_how_late_it_is(paringin, cast, client_for):
    content = home(client_for(cast["operator_a"]))
    assert "Yang perlu dikerjakan" in content
    assert "Kependudukan · Agustus 2026</a>" in content
    assert "Batas waktu 5 September 2026 pukul 23.59 WITA sudah lewat 3 hari. Kirim secepatnya." in content
    assert "Belum dikirim · 3 hari terlambat" in content
    assert reverse("kependudukan:laporan_bulanan", args=["63.11.06.2005", "2026-08"]) in content


def test_the_operator_sees_a_returned_report_with_the_kecamatans_note_first(
    paringin, desa_a, cast, client_for
):
    laporan(desa_a, Periode(2026, 6), Status.DIKEMBALIKAN, catatan_kembali="Data KK ganda")
    content = home(client_for(cast["operator_a"]))
    assert "Dikembalikan kecamatan. Catatan: Data KK ganda" in content
    assert content.index("Data KK ganda") < content.index("Kependudukan · Agustus 2026</a>")


def test_old_unsent_months_stay_on_the_list(paringin, desa_a, cast, client_for):
    for offset in range(1, 12):
        if offset != 4:
            laporan(desa_a, Periode(2026, 8).shift(-offset), Status.DIVERIFIKASI)
    content = home(client_for(cast["operator_a"]))
    assert "Kependudukan · April 2026</a>" in content
    assert "Kependudukan · Maret 2026</a>" not in content


def test_unsent_months_are_grouped_newest_first_with_their_reason_once(paringin, desa_a, cast, client_for):
    paringin.jenis_laporan_wajib = []  # every kind with a monthly page
    paringin.save()
    content = home(client_for(cast["operator_a"]))
    assert content.index("<strong>Agustus 2026</strong>") < content.index("<strong>Juli 2026</strong>")
    assert content.count("sudah lewat 3 hari. Kirim secepatnya.") == 1


def test_months_older_than_the_three_newest_fold_under_one_line(paringin, desa_a, cast, client_for):
    # Nothing sent for a year: August back to September 2025 are all unsent.
    content = home(client_for(cast["operator_a"]))
    folded = content[content.index('<details class="list-group-item tugas-lama">') :]
    summary = "9 bulan sebelumnya juga belum dikirim (September 2025 – Mei 2026)"
    assert f'<summary class="text-danger">{summary}</summary>' in folded
    for label in ("Agustus 2026", "Juli 2026", "Juni 2026"):
        assert f"Kependudukan · {label}</a>" in content and f"Kependudukan · {label}</a>" not in folded
    for label in ("Mei 2026", "September 2025"):
        assert f"Kependudukan · {label}</a>" in folded


def test_a_few_unsent_months_are_all_open(paringin, desa_a, cast, client_for):
    for offset in range(3, 13):
        laporan(desa_a, Periode(2026, 8).shift(-offset), Status.DIVERIFIKASI)
    content = home(client_for(cast["operator_a"]))
    assert "Kependudukan · Juni 2026</a>" in content and "tugas-lama" not in content


def test_the_running_month_and_the_sent_reports_are_listed_apart(paringin, desa_a, cast, client_for):
    laporan(desa_a, Periode(2026, 8), Status.DIKIRIM, sent=wita(2026, 9, 4, 10))
    content = home(client_for(cast["operator_a"]))
    assert "Tidak ada laporan yang tertunda" not in content or "Bulan berjalan · September 2026" in content
    assert "Bulan berjalan · September 2026" in content
    assert "Sudah dikirim" in content
    assert "Terkirim 4 September 2026; menunggu verifikasi kecamatan." in content


def test_nothing_pending_is_said_plainly(paringin, desa_a, cast, client_for):
    for offset in range(0, 13):
        laporan(desa_a, Periode(2026, 8).shift(-offset), Status.DIVERIFIKASI, diverifikasi_at=NOW)
    content = home(client_for(cast["operator_a"]))
    assert "Tidak ada laporan yang tertunda. Terima kasih!" in content
    assert "Terverifikasi 8 September 2026" in content


def test_an_extension_is_explained_to_the_operator(paringin, desa_a, cast, client_for):
    import datetime

    laporan(
        desa_a,
        Periode(2026, 8),
        Status.BELUM_DIKIRIM,
        batas_waktu_perpanjangan=datetime.date(2026, 9, 12),
        alasan_perpanjangan="Operator sakit",
    )
    content = home(client_for(cast["operator_a"]))
    assert "Kirim paling lambat 12 September 2026 pukul 23.59 WITA (perpanjangan: Operator sakit)." in content


def test_the_kasi_trantib_home_shows_the_rates_and_every_entry_point(paringin, desa_a, cast, client_for):
    laporan(desa_a, Periode(2026, 8), Status.DIKIRIM, sent=wita(2026, 9, 4))
    content = home(client_for(cast["kasi_trantib"]))
    assert "Laporan Agustus 2026" in content
    assert "6,2%" in content  # 1 of 16
    for url in [
        reverse("kudapanmas:dasbor_kecamatan", args=["63.11.06", "2026-08"]),
        reverse("kudapanmas:antrean_kecamatan", args=["63.11.06"]),
        reverse("kudapanmas:rapor_saya"),
        reverse("kudapanmas:pengingat_kecamatan", args=["63.11.06", "2026-08"]),
        reverse("kudapanmas:pengumuman", args=["63.11.06"]),
        reverse("desa:kecamatan_pengaturan", args=["63.11.06"]),
    ]:
        assert url in content


def test_the_camat_home_has_no_kasi_trantib_tools(paringin, cast, client_for):
    content = home(client_for(cast["camat"]))
    assert reverse("kudapanmas:dasbor_kecamatan", args=["63.11.06", "2026-08"]) in content
    assert reverse("kudapanmas:pengingat_kecamatan", args=["63.11.06", "2026-08"]) not in content


def test_the_kabupaten_home_opens_the_overview_and_each_kecamatan(paringin, cast, client_for):
    content = home(client_for(cast["kabupaten"]))
    assert reverse("kudapanmas:dasbor_kabupaten", args=["63.11", "2026-08"]) in content
    assert reverse("kudapanmas:dasbor_kecamatan", args=["63.11.01", "2026-08"]) in content
    assert content.count("/dasbor/2026-08/") == 9

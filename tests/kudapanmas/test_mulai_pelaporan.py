"""A kecamatan's first reporting month: earlier months are not required anywhere.

Before KUDAPANMAS, reports went on paper or through shared folders; a kecamatan that starts in
June must not see every desa "Belum dikirim" for January to May, nor remind them about it.
"""

import io

import openpyxl
import pytest
from django.urls import reverse

from desa import kepatuhan
from desa.models import Kecamatan
from desa.models.laporan import Keadaan, Status
from desa.periode import Periode
from kudapanmas.dasbor import dasbor_kecamatan
from kudapanmas.pengingat import pengingat_for
from kudapanmas.rapor import rapor_desa
from tests.factories.ledger import laporan
from tests.factories.waktu import frozen_at, wita

pytestmark = pytest.mark.django_db

NOW = wita(2026, 9, 8, 9)  # August's deadline (5 September) has passed
JUNI, MEI, AGUSTUS = Periode(2026, 6), Periode(2026, 5), Periode(2026, 8)


frozen = frozen_at(NOW)


@pytest.fixture
def paringin(paringin):
    paringin.mulai_pelaporan = JUNI.awal
    paringin.save()
    return paringin


def cell(desa, periode):
    return kepatuhan.grid([desa], ["kependudukan"], periode, NOW)[0].sel[0]


def test_an_unsent_month_before_the_start_is_not_required(paringin, desa_a):
    before, start = cell(desa_a, MEI), cell(desa_a, JUNI)
    assert (before.keadaan, before.hari_terlambat, before.is_open) == (Keadaan.BELUM_WAJIB, 0, False)
    assert start.keadaan == Keadaan.BELUM_DIKIRIM and start.hari_terlambat > 0


def test_a_report_sent_anyway_keeps_its_real_state(paringin, desa_a):
    laporan(desa_a, MEI, Status.DIVERIFIKASI)
    assert cell(desa_a, MEI).keadaan == Keadaan.DIVERIFIKASI


def test_without_a_start_month_every_month_is_required(kecamatan, desa_a):
    assert cell(desa_a, MEI).keadaan == Keadaan.BELUM_DIKIRIM


def test_the_dashboard_of_an_earlier_month_expects_nothing_and_says_why(paringin, cast, client_for):
    data = dasbor_kecamatan(paringin, MEI, now=NOW)
    assert data.rekap.expected == 0 and data.rekap.tingkat_pelaporan is None
    chips = {item.label: item.count for item in data.saringan}
    assert (chips["Semua"], chips["Belum wajib"], chips["Belum dikirim"]) == (16, 16, 0)
    url = reverse("kudapanmas:dasbor_kecamatan", args=["63.11.06", "2026-05"])
    content = client_for(cast["kasi_trantib"]).get(url).content.decode()
    assert "Kecamatan Paringin mulai melapor lewat KUDAPANMAS pada Juni 2026." in content
    assert "Laporan Mei 2026 belum wajib" in content


def test_the_dashboard_of_a_required_month_has_no_belum_wajib_filter(paringin):
    data = dasbor_kecamatan(paringin, AGUSTUS, now=NOW)
    assert data.rekap.expected == 16 and not data.belum_wajib
    assert Keadaan.BELUM_WAJIB not in [item.value for item in data.saringan]


def test_no_reminder_for_a_month_before_the_start(paringin, cast, client_for):
    assert pengingat_for(paringin, MEI, NOW).desa == []
    assert len(pengingat_for(paringin, JUNI, NOW).desa) == 16
    url = reverse("kudapanmas:pengingat_kecamatan", args=["63.11.06", "2026-05"])
    content = client_for(cast["kasi_trantib"]).get(url).content.decode()
    assert "laporan bulan ini belum wajib" in content and "sudah mengirim" not in content


def test_the_rapor_counts_only_the_months_since_the_start(paringin, desa_a):
    laporan(desa_a, JUNI, Status.DIKIRIM)
    rapor = rapor_desa(paringin, AGUSTUS, NOW)
    balang = next(row for row in rapor.rows if row.desa == desa_a)
    assert (balang.rekap.expected, balang.rekap.on_time) == (3, 1)  # June, July, August
    assert balang.rekap.counts[Keadaan.BELUM_DIKIRIM] == 2


def test_the_operator_home_lists_no_month_before_the_start(paringin, cast, client_for):
    content = client_for(cast["operator_a"]).get(reverse("kudapanmas:beranda")).content.decode()
    assert "Kependudukan · Juni 2026</a>" in content
    assert "Mei 2026" not in content and "tugas-lama" not in content


def test_the_recap_writes_belum_wajib_without_days_late(paringin, cast, client_for):
    url = reverse("kudapanmas:rekap_kecamatan", args=["63.11.06", "2026-05"])
    response = client_for(cast["camat"]).get(url)
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = [row for row in workbook["Kepatuhan"].iter_rows(values_only=True) if row[2] == "Balang"]
    # State, sent at, days late, verified at; then the desa's two rates, with nothing expected.
    assert rows[0][3:7] == ("Belum wajib", None, None, None)
    assert rows[0][-2:] == (None, None)


def post_settings(client, bulan_mulai):
    data = {"hari_batas_waktu": "5", "cakupan": "semua", "nama_camat": "", "nip_camat": "",
            "pengingat_hari_sebelum": "3", "pengingat_hari_sesudah": "3",
            "bulan_mulai": bulan_mulai}  # fmt: skip
    return client.post(reverse("desa:kecamatan_pengaturan", args=["63.11.06"]), data, follow=True)


def test_the_kasi_trantib_sets_and_clears_the_start_month(kecamatan, cast, client_for):
    client = client_for(cast["kasi_trantib"])
    assert "Pengaturan kecamatan disimpan." in post_settings(client, "2026-06").content.decode()
    assert Kecamatan.objects.get(pk="63.11.06").mulai_pelaporan == JUNI
    form = client.get(reverse("desa:kecamatan_pengaturan", args=["63.11.06"])).content.decode()
    assert 'value="2026-06"' in form
    post_settings(client, "")
    assert Kecamatan.objects.get(pk="63.11.06").mulai_pelaporan is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Juni", "harus ditulis TTTT-BB"),
        ("1999-12", "Pilih bulan antara Januari 2000 dan September 2027."),
        ("2027-10", "Pilih bulan antara Januari 2000 dan September 2027."),
    ],
)
def test_a_wrong_start_month_is_refused_and_nothing_saved(kecamatan, cast, client_for, value, message):
    content = post_settings(client_for(cast["kasi_trantib"]), value).content.decode()
    assert message in content
    kecamatan.refresh_from_db()
    assert kecamatan.mulai_pelaporan is None and kecamatan.hari_batas_waktu == 5

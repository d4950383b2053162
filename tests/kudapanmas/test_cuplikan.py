"""Figures frozen at verification: a verified month reads from its snapshot, whatever happens to the
records behind it through a side door, until it is reopened; re-verifying stores a new snapshot and
keeps the old one as history."""

import datetime

import pytest

from desa import cuplikan, ledger
from desa.models import CuplikanAngka, LaporanBulanan
from desa.models.laporan import JenisLaporan, Status
from kependudukan.b3 import rekap_b3, rekap_b3_deret, rekap_b3_tahun
from kependudukan.models import DataAwal, Peristiwa
from kudapanmas.rekap.scope import scope_kecamatan
from laporan_rt.rekap import cakupan_rt, rekap_laporan_rt
from linmas.ringkasan import ringkasan_linmas
from tests.factories.laporan_rt import make_laporan
from tests.factories.linmas import make_anggota, make_kegiatan
from tests.factories.waktu import clock
from tests.factories.wilayah import KODE_DESA_A
from tests.kudapanmas.rekap_contoh import PERIODE, buka, event, isi_kependudukan, rows_of, waktu

pytestmark = pytest.mark.django_db

SEPTEMBER = PERIODE.next()
DIVERIFIKASI = waktu(2025, 9, 4, 9, 30)
DIVERIFIKASI_LAGI = waktu(2025, 9, 10, 11)


def kirim(desa, user, periode=PERIODE, jenis=JenisLaporan.KEPENDUDUKAN, **kwargs):
    with clock(waktu(periode.next().tahun, periode.next().bulan, 2, 9)):
        return ledger.kirim(desa=desa, jenis=jenis, periode=periode, user=user, **kwargs)


def verifikasi(laporan, user, when=DIVERIFIKASI):
    with clock(when):
        return ledger.verifikasi(laporan=laporan, user=user)


def buka_kembali(laporan, user):
    with clock(DIVERIFIKASI_LAGI - datetime.timedelta(hours=1)):
        return ledger.buka_kembali(laporan=laporan, user=user, alasan="Ada kelahiran yang terlewat.")


def side_door(desa):
    """What the app's own forms refuse in a verified month, done straight on the tables."""
    event(desa, "LAHIR", datetime.date(2025, 8, 25), "L", nama="Lewat Pintu Samping")
    Peristiwa.objects.filter(desa=desa, jenis="PINDAH", periode=PERIODE.awal).delete()


def recap_row(kecamatan, periode=PERIODE):
    sheet = buka(scope_kecamatan(kecamatan, dibuat_oleh="Camat", periode=periode))["Kependudukan"]
    return next(row for row in rows_of(sheet, 6) if row[1] == KODE_DESA_A)


@pytest.fixture
def terverifikasi(desa_a, desa_b, kecamatan, operator_a, kasi_trantib):
    isi_kependudukan(desa_a, desa_b)
    laporan = verifikasi(kirim(desa_a, operator_a), kasi_trantib)
    return laporan


def test_verifying_stores_the_b3_row_the_month_shows(terverifikasi, desa_a):
    snapshot = CuplikanAngka.objects.get(laporan=terverifikasi, dicabut_at__isnull=True)
    assert snapshot.dibuat_at == DIVERIFIKASI and snapshot.versi == terverifikasi.versi
    assert snapshot.angka["awal"] == [1, 0, 501, 511]
    assert snapshot.angka["lahir"] == [0, 0, 0, 2] and snapshot.angka["pindah"] == [0, 0, 1, 1]
    assert snapshot.angka["akhir"] == [1, 1, 499, 512] and snapshot.angka["jiwa_akhir"] == 1013


def test_the_recap_of_a_verified_month_is_unchanged_by_a_side_door_then_reopening_shows_the_truth(
    terverifikasi, desa_a, kecamatan, operator_a, kasi_trantib
):
    before = recap_row(kecamatan)
    side_door(desa_a)
    DataAwal.objects.filter(desa=desa_a).update(wni_l=900)
    after = recap_row(kecamatan)
    assert after[3:33] == before[3:33]
    assert after[3:10] == [1, 0, 501, 511, 301, 712, 1013]
    assert "angka dibekukan saat verifikasi" in after[33]

    laporan = buka_kembali(terverifikasi, kasi_trantib)
    reopened = recap_row(kecamatan)
    # awal: 900 WNI L from the changed data awal, +1 LAHIR and no PINDAH this month.
    assert reopened[3:7] == [1, 0, 901, 511]
    assert reopened[10:14] == [0, 0, 1, 2] and reopened[22:26] == [0, 0, 0, 0]
    assert "dibekukan" not in reopened[33]

    laporan = verifikasi(kirim(desa_a, operator_a), kasi_trantib, DIVERIFIKASI_LAGI)
    assert recap_row(kecamatan)[3:33] == reopened[3:33]
    history = cuplikan.riwayat(laporan)
    assert [item.dicabut_at is None for item in history] == [False, True]
    assert history[0].alasan_dicabut.startswith("Dibuka kembali: Ada kelahiran yang terlewat.")
    assert history[0].angka["awal"] == [1, 0, 501, 511] and history[1].angka["awal"] == [1, 0, 901, 511]
    assert history[1].dibuat_at == DIVERIFIKASI_LAGI


def test_the_month_after_a_verified_one_starts_from_its_frozen_akhir(terverifikasi, desa_a):
    side_door(desa_a)
    frozen = rekap_b3([desa_a], PERIODE)[desa_a.pk]
    following = rekap_b3([desa_a], SEPTEMBER)[desa_a.pk]
    assert following.awal == frozen.akhir and following.kk_awal == frozen.kk_akhir
    assert frozen.beku_at == DIVERIFIKASI and following.beku_at is None
    series = rekap_b3_deret([desa_a], PERIODE, SEPTEMBER)[desa_a.pk]
    assert series[PERIODE].akhir == frozen.akhir and series[SEPTEMBER].awal == frozen.akhir
    # The year sums the frozen August with the other months as recorded: July's LAHIR and
    # DATANG and August's two LAHIR; the side door's LAHIR is not in it.
    with clock(waktu(2025, 10, 1, 8)):
        year = rekap_b3_tahun([desa_a], 2025)[desa_a.pk]
    assert year.bulan_beku == 1
    assert year.lahir.wni_p == 2 and year.lahir.wni_l == 1
    assert year.akhir == following.akhir


def test_a_verified_month_without_a_snapshot_is_still_read_from_its_records(desa_a, desa_b):
    """Months verified before snapshots existed have none; they keep being counted as before."""
    isi_kependudukan(desa_a, desa_b)
    LaporanBulanan.objects.create(
        desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=PERIODE, status=Status.DIVERIFIKASI
    )
    side_door(desa_a)
    assert rekap_b3([desa_a], PERIODE)[desa_a.pk].lahir.wni_l == 1


def test_a_snapshot_set_aside_by_hand_is_not_read(terverifikasi, desa_a):
    side_door(desa_a)
    cuplikan.cabut(terverifikasi, "uji")
    assert rekap_b3([desa_a], PERIODE)[desa_a.pk].lahir.wni_l == 1


def test_returning_an_earlier_month_sets_the_later_verified_snapshot_aside(
    desa_a, desa_b, operator_a, kasi_trantib
):
    isi_kependudukan(desa_a, desa_b)
    juli = verifikasi(kirim(desa_a, operator_a, PERIODE.previous()), kasi_trantib)
    agustus = verifikasi(kirim(desa_a, operator_a), kasi_trantib)
    assert cuplikan.berlaku(JenisLaporan.KEPENDUDUKAN, [desa_a.pk]).keys() == {
        (desa_a.pk, PERIODE.previous()),
        (desa_a.pk, PERIODE),
    }
    buka_kembali(juli, kasi_trantib)
    assert cuplikan.berlaku(JenisLaporan.KEPENDUDUKAN, [desa_a.pk]) == {}
    agustus.refresh_from_db()
    assert agustus.status == Status.DIKEMBALIKAN
    assert CuplikanAngka.objects.get(laporan=agustus).alasan_dicabut.startswith("Ikut dikembalikan")


def test_the_linmas_summary_of_a_verified_month_is_frozen(desa_a, operator_a, kasi_trantib):
    anggota = make_anggota(desa_a)
    make_kegiatan(desa_a, PERIODE.awal.replace(day=5), peserta=[anggota])
    laporan = verifikasi(kirim(desa_a, operator_a, jenis=JenisLaporan.LINMAS, keterangan="ok"), kasi_trantib)
    frozen = ringkasan_linmas([desa_a], PERIODE)[desa_a.pk]
    make_kegiatan(desa_a, PERIODE.awal.replace(day=9), peserta=[anggota])
    now = ringkasan_linmas([desa_a], PERIODE)[desa_a.pk]
    assert now.jumlah_kegiatan == frozen.jumlah_kegiatan == 1 and now.beku_at == DIVERIFIKASI
    buka_kembali(laporan, kasi_trantib)
    assert ringkasan_linmas([desa_a], PERIODE)[desa_a.pk].jumlah_kegiatan == 2


def test_the_rt_row_and_coverage_of_a_verified_month_are_frozen(
    desa_a, operator_a, kasi_trantib, monkeypatch
):
    from desa import registry

    monkeypatch.setitem(registry._send_checks, JenisLaporan.LAPORAN_RT, registry.default_check_send)
    rt_1 = make_laporan(desa_a.rt_set.get_or_create(nomor=1, defaults={"rw": "01"})[0], PERIODE)
    laporan = verifikasi(
        kirim(desa_a, operator_a, jenis=JenisLaporan.LAPORAN_RT, keterangan="ok"), kasi_trantib
    )
    make_laporan(desa_a.rt_set.get_or_create(nomor=2, defaults={"rw": "01"})[0], PERIODE)
    assert rt_1.pk
    assert rekap_laporan_rt([desa_a], PERIODE)[desa_a.pk].rt_melapor == 1
    assert cakupan_rt([desa_a], PERIODE)[desa_a.pk].melapor == 1
    buka_kembali(laporan, kasi_trantib)
    assert cakupan_rt([desa_a], PERIODE)[desa_a.pk].melapor == 2


def test_the_ekonomi_summary_of_a_verified_month_is_frozen_and_keeps_the_recap_columns(
    desa_a, operator_a, kasi_trantib
):
    from kependudukan.ekonomi.laporan import rekap_ekonomi
    from tests.factories.ekonomi import make_keluarga, make_penerima, program

    make_keluarga(desa_a, PERIODE.awal.replace(day=3), desil=2)
    make_penerima(desa_a, "PKH", PERIODE)
    laporan = verifikasi(kirim(desa_a, operator_a, jenis=JenisLaporan.EKONOMI), kasi_trantib)
    make_keluarga(desa_a, PERIODE.awal.replace(day=4), desil=9)
    make_penerima(desa_a, "BPNT", PERIODE)
    program("BLT-DD")
    row = rekap_ekonomi([desa_a], PERIODE)[desa_a.pk]
    assert row.beku_at == DIVERIFIKASI
    assert row.jumlah_keluarga == 1 and row.per_desil[1] == 1 and row.per_desil[8] == 0
    aktif = {item.kode: item.aktif for item in row.program}
    assert aktif["PKH"] == 1 and aktif["BPNT"] == 0 and aktif["BLT-DD"] == 0
    buka_kembali(laporan, kasi_trantib)
    row = rekap_ekonomi([desa_a], PERIODE)[desa_a.pk]
    assert row.jumlah_keluarga == 2 and {item.kode: item.aktif for item in row.program}["BPNT"] == 1


def test_the_kabupaten_recap_reads_the_snapshot_too(terverifikasi, desa_a):
    from desa.models import Kabupaten
    from kudapanmas.rekap.scope import scope_kabupaten

    def row():
        scope = scope_kabupaten(Kabupaten.objects.get(pk="63.11"), dibuat_oleh="Kabupaten", periode=PERIODE)
        sheet = buka(scope)["Kependudukan"]
        return next(values for values in rows_of(sheet, 6) if values[1] == KODE_DESA_A)

    before = row()
    side_door(desa_a)
    assert row()[3:33] == before[3:33]


def test_the_command_stores_the_missing_snapshots_of_months_verified_before_them_once(desa_a, desa_b):
    from io import StringIO

    from django.core.management import call_command

    isi_kependudukan(desa_a, desa_b)
    for periode in (PERIODE.previous(), PERIODE):
        LaporanBulanan.objects.create(
            desa=desa_a, jenis=JenisLaporan.KEPENDUDUKAN, periode=periode, status=Status.DIVERIFIKASI
        )
    LaporanBulanan.objects.create(desa=desa_b, jenis=JenisLaporan.KEPENDUDUKAN, periode=PERIODE)
    out = StringIO()
    call_command("simpan_cuplikan", stdout=out)
    assert out.getvalue().strip() == "2 cuplikan angka disimpan."
    stored = cuplikan.berlaku(JenisLaporan.KEPENDUDUKAN, [desa_a.pk, desa_b.pk])
    assert stored.keys() == {(desa_a.pk, PERIODE.previous()), (desa_a.pk, PERIODE)}
    juli, agustus = stored[(desa_a.pk, PERIODE.previous())], stored[(desa_a.pk, PERIODE)]
    assert agustus.angka["awal"] == juli.angka["akhir"]
    side_door(desa_a)
    assert rekap_b3([desa_a], PERIODE)[desa_a.pk].lahir.wni_l == 0
    call_command("simpan_cuplikan", stdout=out)
    assert out.getvalue().strip().endswith("0 cuplikan angka disimpan.")


def test_the_receipt_list_shows_the_history_of_the_frozen_figures(
    client, terverifikasi, desa_a, operator_a, kasi_trantib
):
    from django.urls import reverse

    buka_kembali(terverifikasi, kasi_trantib)
    verifikasi(kirim(desa_a, operator_a), kasi_trantib, DIVERIFIKASI_LAGI)
    client.force_login(operator_a)
    url = reverse("desa:tanda_terima_list", args=[desa_a.pk, JenisLaporan.KEPENDUDUKAN, str(PERIODE)])
    html = client.get(url).content.decode()
    history = html.split('id="riwayat-cuplikan"')[1]
    assert history.count("<li") == 2
    assert "Dicabut" in history and "Dibuka kembali: Ada kelahiran yang terlewat." in history
    assert "Berlaku" in history and "Jiwa akhir 1.013" in history

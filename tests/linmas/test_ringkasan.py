import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from desa.models import Desa
from desa.periode import Periode
from linmas import services
from linmas.foto import foto_siapkan
from linmas.models import Jabatan, Regu
from linmas.ringkasan import kegiatan_bulan, kejadian_bulan, ringkasan_linmas
from tests.factories.linmas import make_anggota, make_kegiatan, make_kejadian, set_program, upload
from tests.factories.waktu import wita

MEI = Periode(2026, 5)


def queries(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context.captured_queries)


class TestRoster:
    def test_members_serving_on_the_last_day_of_the_month_count(self, desa_a):
        make_anggota(desa_a, jabatan=Jabatan.KEPALA_SATUAN, regu="")
        make_anggota(desa_a, jabatan=Jabatan.KOMANDAN_REGU, regu=Regu.PENGAMANAN)
        make_anggota(desa_a, regu=Regu.PENGAMANAN)
        make_anggota(desa_a, regu=Regu.DAPUR_UMUM, tanggal_sk=datetime.date(2026, 6, 1))  # appointed later
        make_anggota(desa_a, aktif=False, tanggal_berhenti=datetime.date(2026, 5, 31))  # left in May
        make_anggota(desa_a, aktif=False, tanggal_berhenti=datetime.date(2026, 6, 1))  # left after May
        ringkasan = ringkasan_linmas([desa_a], MEI)[desa_a.kode]
        assert ringkasan.anggota_per_jabatan == {
            "kepala_satuan": 1,
            "kepala_satuan_tugas": 0,
            "komandan_regu": 1,
            "anggota": 2,
        }
        assert ringkasan.anggota_per_regu["pengamanan"] == 3
        assert ringkasan.anggota_per_regu["dapur_umum"] == 0
        assert ringkasan.jumlah_anggota == 4
        assert ringkasan.kurang_anggota


class TestActivitiesAndIncidents:
    def test_counts_per_kind_participations_and_different_members(self, desa_a, desa_b):
        basri, rusdi, nor = (make_anggota(desa_a, nama=nama) for nama in ("Basri", "Rusdi", "Nor"))
        make_kegiatan(desa_a, MEI.awal, peserta=[basri, rusdi])
        make_kegiatan(desa_a, MEI.akhir, peserta=[basri])
        make_kegiatan(desa_a, MEI.awal, jenis="apel", peserta=[basri, rusdi, nor])
        make_kegiatan(desa_a, MEI.next().awal, peserta=[nor])  # June
        make_kegiatan(desa_b, MEI.awal)
        ringkasan = ringkasan_linmas([desa_a], MEI)[desa_a.kode]
        assert ringkasan.kegiatan_per_jenis["ronda"] == 2
        assert ringkasan.peserta_per_jenis["ronda"] == 3
        assert ringkasan.kegiatan_per_jenis["apel"] == 1
        assert ringkasan.peserta_per_jenis["apel"] == 3
        assert ringkasan.kegiatan_per_jenis["patroli"] == 0
        assert (ringkasan.jumlah_kegiatan, ringkasan.jumlah_peserta, ringkasan.anggota_terlibat) == (3, 6, 3)
        assert ringkasan.baris_kegiatan == [("Ronda/siskamling", 2, 3), ("Apel", 1, 3)]

    def test_incidents_belong_to_their_month_in_wita(self, desa_a):
        make_kejadian(desa_a, wita(MEI.akhir, 23, 30), korban_luka=2)
        make_kejadian(desa_a, wita(MEI.awal, 0, 10), jenis="kecelakaan", korban_meninggal=1)
        make_kejadian(desa_a, wita(MEI.next().awal, 0, 5))
        make_kejadian(desa_a, wita(MEI.awal, 0, 0) - datetime.timedelta(minutes=1))
        ringkasan = ringkasan_linmas([desa_a], MEI)[desa_a.kode]
        assert ringkasan.kejadian_per_jenis["kebakaran"] == 1
        assert ringkasan.kejadian_per_jenis["kecelakaan"] == 1
        assert (ringkasan.jumlah_kejadian, ringkasan.korban_meninggal, ringkasan.korban_luka) == (2, 1, 2)

    def test_an_empty_month_is_kosong(self, desa_a):
        ringkasan = ringkasan_linmas([desa_a], MEI)[desa_a.kode]
        assert ringkasan.kosong and ringkasan.program_terpenuhi is None


class TestProgramme:
    def test_the_programme_is_judged_per_desa(self, desa_a, desa_b, kecamatan):
        set_program(kecamatan, Periode(2026, 1), ronda=2)
        make_kegiatan(desa_a, MEI.awal)
        make_kegiatan(desa_a, MEI.akhir)
        make_kegiatan(desa_b, MEI.awal)
        result = ringkasan_linmas([desa_a, desa_b], MEI)
        assert result[desa_a.kode].program_terpenuhi is True
        assert result[desa_b.kode].program_terpenuhi is False
        assert [syarat.teks for syarat in result[desa_b.kode].syarat_belum_terpenuhi] == [
            "Ronda/siskamling: 1 dari 2 kali"
        ]
        assert result[desa_a.kode].program_mulai == Periode(2026, 1)


class TestFixedQueries:
    def test_the_query_count_does_not_grow_with_the_number_of_desa(
        self, desa_a, desa_b, desa_luar, kecamatan
    ):
        set_program(kecamatan, Periode(2026, 1), ronda=2)
        for desa in (desa_a, desa_b, desa_luar):
            anggota = make_anggota(desa)
            make_kegiatan(desa, MEI.awal, peserta=[anggota])
            make_kejadian(desa, wita(MEI.awal))
        two = [desa_a, desa_b]
        everyone = list(Desa.objects.all())
        assert len(everyone) == 157
        few = queries(lambda: ringkasan_linmas(two, MEI))
        many = queries(lambda: ringkasan_linmas(everyone, MEI))
        assert few == many <= 7
        result = ringkasan_linmas(everyone, MEI)
        assert len(result) == 157 and result[desa_luar.kode].jumlah_kegiatan == 1

    def test_the_activity_rows_take_two_queries(self, desa_a, desa_b):
        anggota = make_anggota(desa_a, nama="Zainal")
        kegiatan = make_kegiatan(desa_a, MEI.awal + datetime.timedelta(days=3), peserta=[anggota])
        services.foto_tambah(kegiatan=kegiatan, foto_baru=[foto_siapkan(upload()), foto_siapkan(upload())])
        make_kegiatan(desa_a, MEI.awal)
        make_kegiatan(desa_b, MEI.awal)

        def read():
            rows = list(kegiatan_bulan([desa_a, desa_b], MEI))
            return [
                (
                    row.desa.nama,
                    row.tanggal.day,
                    row.jumlah_peserta,
                    row.jumlah_foto,
                    [a.nama for a in row.peserta.all()],
                )
                for row in rows
            ]

        assert queries(read) == 2
        assert read() == [
            ("Balang", 1, 0, 0, []),
            ("Balang", 4, 1, 2, ["Zainal"]),
            ("Lok Batung", 1, 0, 0, []),
        ]

    def test_the_incident_rows_take_one_query(self, desa_a):
        make_kejadian(desa_a, wita(MEI.awal))
        assert queries(lambda: [row.desa.nama for row in kejadian_bulan([desa_a], MEI)]) == 1

from django.apps import AppConfig


class LaporanRtConfig(AppConfig):
    name = "laporan_rt"
    verbose_name = "Laporan RT"

    def ready(self):
        from desa.models.laporan import JenisLaporan
        from desa.registry import register_angka, register_monthly_report, register_send_fields
        from laporan_rt.kirim import check_send, send_fields
        from laporan_rt.rekap import angka_bulan

        register_monthly_report(JenisLaporan.LAPORAN_RT, "laporan_rt:laporan_bulanan", check_send=check_send)
        register_send_fields(JenisLaporan.LAPORAN_RT, send_fields)
        register_angka(JenisLaporan.LAPORAN_RT, angka_bulan)

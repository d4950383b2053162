from django.apps import AppConfig


class LinmasConfig(AppConfig):
    name = "linmas"
    verbose_name = "Linmas"

    def ready(self):
        from desa.models.laporan import JenisLaporan
        from desa.registry import register_angka, register_monthly_report, register_send_fields
        from linmas.kirim import SEND_FIELDS, check_send
        from linmas.ringkasan import angka_bulan

        register_monthly_report(JenisLaporan.LINMAS, "linmas:laporan_bulanan", check_send=check_send)
        register_send_fields(JenisLaporan.LINMAS, SEND_FIELDS)
        register_angka(JenisLaporan.LINMAS, angka_bulan)

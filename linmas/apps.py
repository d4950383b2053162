from django.apps import AppConfig


class LinmasConfig(AppConfig):
    name = "linmas"
    verbose_name = "Linmas"

    def ready(self):
        from desa.models.laporan import JenisLaporan
        from desa.registry import register_monthly_report, register_send_fields
        from linmas.kirim import SEND_FIELDS, check_send

        register_monthly_report(JenisLaporan.LINMAS, "linmas:laporan_bulanan", check_send=check_send)
        register_send_fields(JenisLaporan.LINMAS, SEND_FIELDS)

from django.apps import AppConfig


class KependudukanConfig(AppConfig):
    name = "kependudukan"
    verbose_name = "Kependudukan"

    def ready(self):
        from desa.models.laporan import JenisLaporan
        from desa.registry import register_monthly_report

        register_monthly_report(JenisLaporan.KEPENDUDUKAN, "kependudukan:laporan_bulanan")

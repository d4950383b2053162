from django.apps import AppConfig


class LaporanRtConfig(AppConfig):
    name = "laporan_rt"
    verbose_name = "Laporan RT"

from django.apps import AppConfig


class DesaConfig(AppConfig):
    name = "desa"
    verbose_name = "Wilayah, pengguna dan buku laporan"

from django.apps import AppConfig


class KependudukanConfig(AppConfig):
    name = "kependudukan"
    verbose_name = "Kependudukan"

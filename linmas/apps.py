from django.apps import AppConfig


class LinmasConfig(AppConfig):
    name = "linmas"
    verbose_name = "Linmas"

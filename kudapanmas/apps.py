from django.apps import AppConfig


class KudapanmasConfig(AppConfig):
    name = "kudapanmas"
    verbose_name = "KUDAPANMAS"

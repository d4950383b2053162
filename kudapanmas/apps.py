from django.apps import AppConfig


class KudapanmasConfig(AppConfig):
    name = "kudapanmas"
    verbose_name = "KUDAPANMAS"

    def ready(self):
        # The kinds of background task, registered in every process (web and worker) alike.
        import kudapanmas.tugas.rekap  # noqa: F401

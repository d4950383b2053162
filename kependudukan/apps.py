from django.apps import AppConfig


class KependudukanConfig(AppConfig):
    name = "kependudukan"
    verbose_name = "Kependudukan"

    def ready(self):
        from desa.models.laporan import JenisLaporan
        from desa.registry import register_angka, register_monthly_report
        from kependudukan import b3
        from kependudukan.kirim import check_send

        register_monthly_report(
            JenisLaporan.KEPENDUDUKAN, "kependudukan:laporan_bulanan", check_send=check_send, berantai=True
        )
        register_angka(JenisLaporan.KEPENDUDUKAN, b3.angka_bulan)
        from kependudukan.ekonomi import laporan as ekonomi

        register_monthly_report(
            JenisLaporan.EKONOMI, "ekonomi:laporan_bulanan", check_send=ekonomi.check_send, berantai=True
        )
        register_angka(JenisLaporan.EKONOMI, ekonomi.angka_bulan)
        # The background steps of a large import, registered in every process (web and worker).
        import kependudukan.impor.latar  # noqa: F401

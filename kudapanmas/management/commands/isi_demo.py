from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from kudapanmas.demo import akun, ekonomi, kependudukan, laporan_rt, ledger, linmas, sepi

# Content first, the ledger history last: a sent month must already hold its records.
# The quiet kecamatan (sepi) come last: they only have a ledger, for the overviews.
STEPS = [akun.fill, kependudukan.fill, ekonomi.fill, linmas.fill, laporan_rt.fill, ledger.fill, sepi.fill]


class Command(BaseCommand):
    help = (
        "Mengisi data contoh Kecamatan Paringin, serta riwayat laporan yang lebih sepi di Kecamatan "
        "Lampihong dan Banua Lawas (Kabupaten Tabalong). Aman dijalankan dua kali."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanpa-cuplikan",
            dest="cuplikan",
            action="store_false",
            help="Jangan simpan cuplikan angka bulan terverifikasi (lebih cepat, untuk pengujian).",
        )

    def handle(self, *args, **options):
        context = {"rng": akun.new_rng(), "stdout": self.stdout}
        with transaction.atomic():
            for step in STEPS:
                step(context)
            # The demo's history writes the verified states directly; store their frozen figures
            # as a verification does (about 1,400 months, one at a time: tests that need none skip it).
            if options["cuplikan"]:
                call_command("simpan_cuplikan", stdout=self.stdout)
        self.stdout.write(f"Akun demo (kata sandi semuanya: {akun.PASSWORD}):")
        for user in context["accounts"]:
            wilayah = user.rt and f"{user.rt} {user.rt.desa}"
            wilayah = (
                wilayah or user.desa or user.kecamatan or user.kabupaten or user.provinsi or "seluruh sistem"
            )
            self.stdout.write(f"  {user.username:32} {user.get_peran_display():16} {wilayah}")
        self.stdout.write(
            "  (operator desa Lampihong dan Banua Lawas: operator.<desa>.<kecamatan>, "
            "misalnya operator.panaitan.lampihong)"
        )

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from desa.models import Desa, Kabupaten, Kecamatan
from desa.wilayah import WilayahTidakValid, apply_wilayah, parse_wilayah


class Command(BaseCommand):
    help = "Memuat daftar wilayah (kode,nama,jenis) dari berkas CSV. Aman dijalankan berulang."

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas CSV berformat kode,nama,jenis")

    def handle(self, *args, berkas, **options):
        try:
            with open(berkas, encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Berkas {berkas} tidak dapat dibaca: {error}") from None
        try:
            rows = parse_wilayah(text)
            with transaction.atomic():
                created, updated = apply_wilayah(rows, Kabupaten, Kecamatan, Desa)
        except WilayahTidakValid as error:
            raise CommandError(
                "Tidak ada yang disimpan. Perbaiki baris berikut:\n" + "\n".join(error.errors)
            ) from None
        self.stdout.write(f"{created} wilayah baru, {updated} diperbarui.")

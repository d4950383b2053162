import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from desa.models import Desa, Kabupaten, Kecamatan, Provinsi
from desa.wilayah import INDONESIA_CSV, WilayahTidakValid, muat_wilayah, parse_wilayah, pilih

# How many codes the report names before it only counts the rest.
DAFTAR_HILANG = 50


class Command(BaseCommand):
    help = (
        "Memuat daftar wilayah (kode,nama,jenis) dari berkas CSV; tanpa berkas, seluruh Indonesia "
        "(Kepmendagri 300.2.2-2430/2025). Aman dijalankan berulang: nama diperbarui menurut kode, "
        "tidak ada wilayah yang dihapus."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "berkas", nargs="?", default=str(INDONESIA_CSV), help="berkas CSV berformat kode,nama,jenis"
        )
        parser.add_argument(
            "--hanya",
            action="append",
            default=[],
            metavar="KODE",
            help="muat hanya wilayah ini (dengan induknya), misalnya 63 atau 63.11; boleh berulang",
        )

    def handle(self, *args, berkas, hanya, **options):
        started = time.monotonic()
        try:
            with open(berkas, encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Berkas {berkas} tidak dapat dibaca: {error}") from None
        try:
            rows = parse_wilayah(text)
            if hanya:
                rows = pilih(rows, hanya)
                if not rows:
                    raise CommandError(f"Tidak ada wilayah berkode {', '.join(hanya)} di berkas {berkas}.")
            with transaction.atomic():
                hasil = muat_wilayah(rows, Provinsi, Kabupaten, Kecamatan, Desa)
        except WilayahTidakValid as error:
            raise CommandError(
                "Tidak ada yang disimpan. Perbaiki baris berikut:\n" + "\n".join(error.errors)
            ) from None
        self.stdout.write(
            f"{hasil.baru} wilayah baru, {hasil.diubah} diperbarui, {hasil.tetap} tetap "
            f"({time.monotonic() - started:.1f} detik)."
        )
        if hasil.hilang:
            shown = ", ".join(hasil.hilang[:DAFTAR_HILANG])
            more = len(hasil.hilang) - DAFTAR_HILANG
            self.stdout.write(
                f"{len(hasil.hilang)} wilayah tersimpan tidak ada di berkas dan tidak dihapus "
                f"(datanya tetap): {shown}" + (f", dan {more} lagi." if more > 0 else ".")
            )

from django.core.management.base import BaseCommand, CommandError

from desa.models import Kecamatan
from desa.periode import Periode
from kudapanmas.dasbor import default_periode
from kudapanmas.pengingat import kecamatan_aktif, pengingat_for, pengingat_kirim_email


class Command(BaseCommand):
    help = (
        "Mengirim e-mail pengingat kepada operator desa yang laporannya belum dikirim atau "
        "dikembalikan. Dengan --dry-run hanya mencetak pesan WhatsApp dan daftar penerimanya."
    )

    def add_arguments(self, parser):
        parser.add_argument("--periode", help="Bulan laporan, TTTT-BB (bawaan: bulan lalu).")
        parser.add_argument("--kecamatan", help="Kode kecamatan, misalnya 63.11.06 (bawaan: semua).")
        parser.add_argument("--dry-run", action="store_true", help="Cetak saja, jangan kirim e-mail.")

    def handle(self, *args, periode=None, kecamatan=None, dry_run=False, **options):
        try:
            periode = Periode.parse(periode) if periode else default_periode()
        except ValueError as error:
            raise CommandError(str(error)) from error
        for item in self._kecamatan_list(kecamatan):
            pengingat = pengingat_for(item, periode)
            if dry_run:
                self._print(pengingat)
                continue
            sent = pengingat_kirim_email(pengingat)
            self.stdout.write(
                f"{item}: {sent} e-mail pengingat {periode.label} untuk {len(pengingat.desa)} desa/kelurahan."
            )

    def _kecamatan_list(self, kode):
        if kode:
            kecamatan = Kecamatan.objects.filter(pk=kode).first()
            if kecamatan is None:
                raise CommandError(f"Kecamatan dengan kode '{kode}' tidak ada.")
            return [kecamatan]
        return kecamatan_aktif()

    def _print(self, pengingat):
        self.stdout.write(f"=== {pengingat.kecamatan} · {pengingat.periode.label} ===")
        if not pengingat.desa:
            self.stdout.write("Semua desa/kelurahan sudah mengirim laporan periode ini.\n")
            return
        self.stdout.write(pengingat.pesan)
        self.stdout.write("\nPenerima:")
        for item in pengingat.desa:
            if not item.penerima:
                self.stdout.write(f"- {item.desa}: belum ada akun operator aktif")
            for penerima in item.penerima:
                email = penerima.email or "tanpa e-mail"
                whatsapp = f"wa.me/{penerima.nomor_whatsapp}" if penerima.nomor_whatsapp else "tanpa nomor HP"
                self.stdout.write(f"- {item.desa}: {penerima.nama} <{email}> {whatsapp}")
        self.stdout.write("")

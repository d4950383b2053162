"""What both import commands share: arguments, opening the file, reporting findings, exit codes."""

from django.core.management.base import BaseCommand, CommandError

from desa.models import Pengguna
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.kolom import MAKS_UKURAN_BERKAS
from kependudukan.impor.periksa import desa_boleh_for


class ImporCommand(BaseCommand):
    """The browser import's checks and saving, from a shell; subclasses name the import's functions."""

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas .xlsx")
        parser.add_argument(
            "--pengguna",
            help="nama pengguna yang mengimpor: wilayahnya membatasi desa yang boleh diimpor "
            "(tanpa ini: semua desa, dicatat tanpa nama)",
        )
        parser.add_argument("--periksa", action="store_true", help="hanya periksa, jangan simpan")

    def periksa_berkas(self, source, *, desa_boleh):
        raise NotImplementedError

    def simpan_berkas(self, source, *, user, desa_boleh, nama_berkas):
        raise NotImplementedError

    def ringkasan(self, hasil, verb):
        """The closing line: what was (or, with --periksa, would be) saved."""
        raise NotImplementedError

    def check_user(self, user):
        """Raises CommandError when `user` may not run this import."""

    def handle(self, *args, berkas, pengguna=None, periksa=False, **options):
        user = None
        if pengguna:
            user = Pengguna.objects.filter(username=pengguna, is_active=True).first()
            if user is None:
                raise CommandError(f"Pengguna '{pengguna}' tidak ditemukan atau tidak aktif.")
            self.check_user(user)
        try:
            with open(berkas, "rb") as source:
                source.seek(0, 2)
                if source.tell() > MAKS_UKURAN_BERKAS:
                    raise CommandError(f"Berkas lebih besar dari {MAKS_UKURAN_BERKAS // (1024 * 1024)} MB.")
                source.seek(0)
                if periksa:
                    hasil = self.periksa_berkas(source, desa_boleh=desa_boleh_for(user))
                else:
                    hasil = self.simpan_berkas(
                        source, user=user, desa_boleh=desa_boleh_for(user), nama_berkas=str(berkas)
                    )
        except OSError as error:
            raise CommandError(f"Berkas tidak dapat dibuka: {error.strerror or error}.") from None
        except BerkasDitolak as error:
            raise CommandError(str(error)) from None
        for kesalahan in hasil.kesalahan:
            self.stderr.write(str(kesalahan))
        if not hasil.ok:
            raise CommandError(f"{len(hasil.kesalahan)} kesalahan; tidak ada yang disimpan.")
        for peringatan in hasil.peringatan:
            self.stdout.write(f"Peringatan: {peringatan}")
        verb = "akan disimpan" if periksa else "disimpan"
        self.stdout.write(self.style.SUCCESS(self.ringkasan(hasil, verb)))

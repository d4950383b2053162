"""`python manage.py impor_ekonomi FILE.xlsx`: the browser import's checks and saving, from a shell."""

from django.core.management.base import BaseCommand, CommandError

from desa.models import Pengguna
from kependudukan.ekonomi.impor_periksa import periksa_ekonomi
from kependudukan.ekonomi.impor_simpan import impor_ekonomi
from kependudukan.impor.baca import BerkasDitolak
from kependudukan.impor.kolom import MAKS_UKURAN_BERKAS
from kependudukan.impor.periksa import desa_boleh_for


class Command(BaseCommand):
    help = (
        "Mengimpor data keluarga dan penerima bantuan dari berkas Excel (templat impor-ekonomi.xlsx). "
        "Semua atau tidak sama sekali; keluar dengan kode bukan nol bila ada kesalahan."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas .xlsx")
        parser.add_argument(
            "--pengguna",
            help="nama pengguna yang mengimpor: wilayahnya membatasi desa yang boleh diimpor "
            "(tanpa ini: semua desa, dicatat tanpa nama)",
        )
        parser.add_argument("--periksa", action="store_true", help="hanya periksa, jangan simpan")

    def handle(self, *args, berkas, pengguna=None, periksa=False, **options):
        user = None
        if pengguna:
            user = Pengguna.objects.filter(username=pengguna, is_active=True).first()
            if user is None:
                raise CommandError(f"Pengguna '{pengguna}' tidak ditemukan atau tidak aktif.")
            if user.is_read_only:
                raise CommandError(
                    f"Peran {user.get_peran_display()} hanya dapat melihat data, tidak mengimpor."
                )
        try:
            with open(berkas, "rb") as source:
                source.seek(0, 2)
                if source.tell() > MAKS_UKURAN_BERKAS:
                    raise CommandError(f"Berkas lebih besar dari {MAKS_UKURAN_BERKAS // (1024 * 1024)} MB.")
                source.seek(0)
                if periksa:
                    hasil = periksa_ekonomi(source, desa_boleh=desa_boleh_for(user))
                else:
                    hasil = impor_ekonomi(
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
        ringkasan = hasil.ringkasan()
        verb = "akan disimpan" if periksa else "disimpan"
        keluarga, penerima = ringkasan["keluarga"], ringkasan["penerima"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Keluarga: {keluarga['baru']} baru, {keluarga['diubah']} diperbarui {verb}, "
                f"{keluarga['sama']} sudah sama. Penerima bantuan: {penerima['baru']} baru, "
                f"{penerima['diubah']} diperbarui {verb}, {penerima['sama']} sudah sama."
            )
        )

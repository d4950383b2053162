"""`python manage.py impor_ekonomi FILE.xlsx`: the browser import's checks and saving, from a shell."""

from django.core.management.base import CommandError

from kependudukan.ekonomi.impor import periksa, simpan
from kependudukan.impor.perintah import ImporCommand


class Command(ImporCommand):
    help = (
        "Mengimpor data keluarga dan penerima bantuan dari berkas Excel (templat impor-ekonomi.xlsx). "
        "Semua atau tidak sama sekali; keluar dengan kode bukan nol bila ada kesalahan."
    )

    def check_user(self, user):
        if user.is_read_only:
            raise CommandError(f"Peran {user.get_peran_display()} hanya dapat melihat data, tidak mengimpor.")

    def periksa_berkas(self, source, *, desa_boleh):
        return periksa.periksa_berkas(source, desa_boleh=desa_boleh)

    def simpan_berkas(self, source, *, user, desa_boleh, nama_berkas):
        return simpan.simpan_berkas(source, user=user, desa_boleh=desa_boleh, nama_berkas=nama_berkas)

    def ringkasan(self, hasil, verb):
        ringkasan = hasil.ringkasan()
        keluarga, penerima = ringkasan["keluarga"], ringkasan["penerima"]
        return (
            f"Keluarga: {keluarga['baru']} baru, {keluarga['diubah']} diperbarui {verb}, "
            f"{keluarga['sama']} sudah sama. Penerima bantuan: {penerima['baru']} baru, "
            f"{penerima['diubah']} diperbarui {verb}, {penerima['sama']} sudah sama."
        )

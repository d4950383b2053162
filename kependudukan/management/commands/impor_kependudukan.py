"""`python manage.py impor_kependudukan FILE.xlsx`: the browser import's checks and saving, from a shell."""

from kependudukan.impor import periksa, simpan
from kependudukan.impor.perintah import ImporCommand


class Command(ImporCommand):
    help = (
        "Mengimpor data awal dan peristiwa kependudukan dari berkas Excel (templat impor-kependudukan.xlsx). "
        "Semua atau tidak sama sekali; keluar dengan kode bukan nol bila ada kesalahan."
    )

    def periksa_berkas(self, source, *, desa_boleh):
        return periksa.periksa_berkas(source, desa_boleh=desa_boleh)

    def simpan_berkas(self, source, *, user, desa_boleh, nama_berkas):
        return simpan.simpan_berkas(source, user=user, desa_boleh=desa_boleh, nama_berkas=nama_berkas)

    def ringkasan(self, hasil, verb):
        return (
            f"{len(hasil.peristiwa)} peristiwa dan {len(hasil.data_awal_baru)} data awal {verb}; "
            f"{hasil.sudah_ada} peristiwa sudah ada sebelumnya dan dilewati."
        )

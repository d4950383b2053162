from django.urls import path

from linmas.views import anggota, foto, kegiatan, kejadian, laporan, program

app_name = "linmas"

urlpatterns = [
    path("", laporan.index, name="index"),
    path("program/", program.program_index, name="program_index"),
    path("program/<kode:kode>/", program.program_detail, name="program_detail"),
    path("program/<kode:kode>/atur/", program.program_atur, name="program_atur"),
    path("program/<kode:kode>/<periode:periode>/", program.laporan_kecamatan, name="laporan_kecamatan"),
    path("foto/<int:pk>/", foto.foto_lihat, name="foto_lihat"),
    path("foto/<int:pk>/kecil/", foto.foto_kecil, name="foto_kecil"),
    path("foto/<int:pk>/hapus/", foto.foto_hapus, name="foto_hapus"),
    path("<kode:kode>/<periode:periode>/", laporan.laporan_bulanan, name="laporan_bulanan"),
    path("<kode:kode>/anggota/", anggota.anggota_list, name="anggota_list"),
    path("<kode:kode>/anggota/tambah/", anggota.anggota_create, name="anggota_create"),
    path("<kode:kode>/anggota/<int:pk>/ubah/", anggota.anggota_update, name="anggota_update"),
    path("<kode:kode>/kegiatan/tambah/", kegiatan.kegiatan_create, name="kegiatan_create"),
    path("<kode:kode>/kegiatan/<int:pk>/", kegiatan.kegiatan_detail, name="kegiatan_detail"),
    path("<kode:kode>/kegiatan/<int:pk>/ubah/", kegiatan.kegiatan_update, name="kegiatan_update"),
    path("<kode:kode>/kegiatan/<int:pk>/hapus/", kegiatan.kegiatan_hapus, name="kegiatan_hapus"),
    path("<kode:kode>/kejadian/tambah/", kejadian.kejadian_create, name="kejadian_create"),
    path("<kode:kode>/kejadian/<int:pk>/ubah/", kejadian.kejadian_update, name="kejadian_update"),
    path("<kode:kode>/kejadian/<int:pk>/hapus/", kejadian.kejadian_hapus, name="kejadian_hapus"),
]

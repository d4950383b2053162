from django.urls import path

from linmas.views import anggota, foto, kegiatan, kejadian, laporan, program

app_name = "linmas"

urlpatterns = [
    path("", laporan.index, name="index"),
    path("program/", program.program_index, name="program"),
    path("program/<str:kode>/", program.program_detail, name="program_detail"),
    path("program/<str:kode>/atur/", program.program_atur, name="program_atur"),
    path("program/<str:kode>/<periode:periode>/", program.rekap_kecamatan, name="rekap_kecamatan"),
    path("foto/<int:pk>/", foto.foto_lihat, name="foto"),
    path("foto/<int:pk>/kecil/", foto.foto_kecil, name="foto_kecil"),
    path("foto/<int:pk>/hapus/", foto.foto_hapus, name="foto_hapus"),
    path("<str:kode>/<periode:periode>/", laporan.laporan_bulanan, name="laporan_bulanan"),
    path("<str:kode>/anggota/", anggota.anggota_list, name="anggota_list"),
    path("<str:kode>/anggota/tambah/", anggota.anggota_create, name="anggota_create"),
    path("<str:kode>/anggota/<int:pk>/ubah/", anggota.anggota_update, name="anggota_update"),
    path("<str:kode>/kegiatan/tambah/", kegiatan.kegiatan_create, name="kegiatan_create"),
    path("<str:kode>/kegiatan/<int:pk>/", kegiatan.kegiatan_detail, name="kegiatan_detail"),
    path("<str:kode>/kegiatan/<int:pk>/ubah/", kegiatan.kegiatan_update, name="kegiatan_update"),
    path("<str:kode>/kegiatan/<int:pk>/hapus/", kegiatan.kegiatan_hapus, name="kegiatan_hapus"),
    path("<str:kode>/kejadian/tambah/", kejadian.kejadian_create, name="kejadian_create"),
    path("<str:kode>/kejadian/<int:pk>/ubah/", kejadian.kejadian_update, name="kejadian_update"),
    path("<str:kode>/kejadian/<int:pk>/hapus/", kejadian.kejadian_hapus, name="kejadian_hapus"),
]

from django.urls import include, path

from kependudukan import views_data_awal, views_impor, views_laporan, views_peristiwa, views_pindah

app_name = "kependudukan"

urlpatterns = [
    path("", views_laporan.index, name="index"),
    # Fixed words first: a desa code never looks like them.
    path("ekonomi/", include("kependudukan.urls_ekonomi")),
    path("impor/", views_impor.impor_unggah, name="impor"),
    path("impor/templat/", views_impor.impor_templat, name="impor_templat"),
    path("impor/<int:pk>/", views_impor.impor_pratinjau, name="impor_pratinjau"),
    path("impor/<int:pk>/simpan/", views_impor.impor_simpan, name="impor_simpan"),
    path("pindah-belum-cocok/", views_pindah.pindah_belum_cocok, name="pindah_belum_cocok"),
    path("kecamatan/<kode:kode>/<periode:periode>/", views_laporan.rekap_kecamatan, name="kecamatan"),
    path("<kode:kode>/", views_laporan.desa_beranda, name="desa"),
    path("<kode:kode>/data-awal/", views_data_awal.data_awal_form, name="data_awal"),
    path("<kode:kode>/koreksi/tambah/", views_data_awal.koreksi_form, name="koreksi_tambah"),
    path("<kode:kode>/koreksi/<int:pk>/hapus/", views_data_awal.koreksi_hapus, name="koreksi_hapus"),
    path(
        "<kode:kode>/peristiwa/tambah/<slug:jenis>/",
        views_peristiwa.peristiwa_create,
        name="peristiwa_create",
    ),
    path("<kode:kode>/peristiwa/<int:pk>/", views_peristiwa.peristiwa_detail, name="peristiwa_detail"),
    path("<kode:kode>/peristiwa/<int:pk>/ubah/", views_peristiwa.peristiwa_update, name="peristiwa_update"),
    path("<kode:kode>/peristiwa/<int:pk>/hapus/", views_peristiwa.peristiwa_delete, name="peristiwa_delete"),
    path("<kode:kode>/<periode:periode>/", views_laporan.laporan_bulanan, name="laporan_bulanan"),
    path("<kode:kode>/<periode:periode>/cetak/", views_laporan.laporan_cetak, name="laporan_cetak"),
    path("<kode:kode>/<periode:periode>/peristiwa/", views_peristiwa.peristiwa_list, name="peristiwa_list"),
]

from django.urls import include, path

from kependudukan.views import data_awal, impor, laporan, per_bulan, peristiwa, pindah, rujukan_nik

app_name = "kependudukan"

urlpatterns = [
    path("", laporan.index, name="index"),
    # Fixed words first: a desa code never looks like them. /kependudukan/ekonomi/ is the
    # ekonomi namespace, included by the project next to this one.
    path("impor/", impor.impor_unggah, name="impor_unggah"),
    path("impor/templat/", impor.impor_templat, name="impor_templat"),
    path("impor/<int:pk>/", impor.impor_pratinjau, name="impor_pratinjau"),
    path("impor/<int:pk>/simpan/", impor.impor_simpan, name="impor_simpan"),
    path("impor/<int:pk>/ulang/", impor.impor_ulang, name="impor_ulang"),
    path("impor/penduduk/", include("kependudukan.urls_impor_penduduk")),
    path("pindah-belum-cocok/", pindah.pindah_belum_cocok, name="pindah_belum_cocok"),
    path("kecamatan/<kode:kode>/per-bulan/", per_bulan.per_bulan, name="per_bulan"),
    path("kecamatan/<kode:kode>/<periode:periode>/", laporan.laporan_kecamatan, name="laporan_kecamatan"),
    path("<kode:kode>/", laporan.desa_beranda, name="desa_beranda"),
    path("<kode:kode>/data-awal/", data_awal.data_awal_update, name="data_awal_update"),
    path("<kode:kode>/koreksi/tambah/", data_awal.koreksi_create, name="koreksi_create"),
    path("<kode:kode>/koreksi/<int:pk>/hapus/", data_awal.koreksi_delete, name="koreksi_delete"),
    path(
        "<kode:kode>/peristiwa/tambah/<slug:jenis>/",
        peristiwa.peristiwa_create,
        name="peristiwa_create",
    ),
    path("<kode:kode>/rujukan/nik/", rujukan_nik.rujukan_nik, name="rujukan_nik"),
    path("<kode:kode>/peristiwa/<int:pk>/", peristiwa.peristiwa_detail, name="peristiwa_detail"),
    path("<kode:kode>/peristiwa/<int:pk>/ubah/", peristiwa.peristiwa_update, name="peristiwa_update"),
    path("<kode:kode>/peristiwa/<int:pk>/hapus/", peristiwa.peristiwa_delete, name="peristiwa_delete"),
    path("<kode:kode>/<periode:periode>/", laporan.laporan_bulanan, name="laporan_bulanan"),
    path("<kode:kode>/<periode:periode>/cetak/", laporan.laporan_cetak, name="laporan_cetak"),
    path("<kode:kode>/<periode:periode>/peristiwa/", peristiwa.peristiwa_list, name="peristiwa_list"),
]

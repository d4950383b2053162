"""Pages of households' economic status and aid recipients, under /kependudukan/ekonomi/.

Included into the `kependudukan` namespace (no namespace of its own): names start with their noun.
"""

from django.urls import path

from kependudukan import views_ekonomi, views_ekonomi_impor, views_ekonomi_laporan, views_ekonomi_penerima

urlpatterns = [
    path("", views_ekonomi.ekonomi_index, name="ekonomi_index"),
    path("program/", views_ekonomi_laporan.program_list, name="program_list"),
    path("impor/", views_ekonomi_impor.impor_ekonomi_unggah, name="impor_ekonomi"),
    path("impor/templat/", views_ekonomi_impor.impor_ekonomi_templat, name="impor_ekonomi_templat"),
    path("impor/<int:pk>/", views_ekonomi_impor.impor_ekonomi_pratinjau, name="impor_ekonomi_pratinjau"),
    path("impor/<int:pk>/simpan/", views_ekonomi_impor.impor_ekonomi_simpan, name="impor_ekonomi_simpan"),
    path(
        "kecamatan/<kode:kode>/<periode:periode>/",
        views_ekonomi_laporan.ekonomi_kecamatan,
        name="ekonomi_kecamatan",
    ),
    path("<kode:kode>/", views_ekonomi.ekonomi_desa, name="ekonomi_desa"),
    path("<kode:kode>/keluarga/tambah/", views_ekonomi.keluarga_create, name="keluarga_create"),
    path("<kode:kode>/keluarga/<int:pk>/", views_ekonomi.keluarga_detail, name="keluarga_detail"),
    path("<kode:kode>/keluarga/<int:pk>/ubah/", views_ekonomi.keluarga_update, name="keluarga_update"),
    path("<kode:kode>/penerima/", views_ekonomi_penerima.penerima_list, name="penerima_list"),
    path("<kode:kode>/penerima/tambah/", views_ekonomi_penerima.penerima_create, name="penerima_create"),
    path("<kode:kode>/penerima/<int:pk>/", views_ekonomi_penerima.penerima_detail, name="penerima_detail"),
    path(
        "<kode:kode>/penerima/<int:pk>/ubah/", views_ekonomi_penerima.penerima_update, name="penerima_update"
    ),
    path(
        "<kode:kode>/penerima/<int:pk>/hentikan/",
        views_ekonomi_penerima.penerima_hentikan_view,
        name="penerima_hentikan",
    ),
    path(
        "<kode:kode>/penerima/<int:pk>/tetap/",
        views_ekonomi_penerima.penerima_pertahankan_view,
        name="penerima_pertahankan",
    ),
    path("<kode:kode>/<periode:periode>/", views_ekonomi_laporan.laporan_ekonomi, name="laporan_ekonomi"),
]

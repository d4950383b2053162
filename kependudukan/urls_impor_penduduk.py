"""/kependudukan/impor/penduduk/: the SIAK/BIP/OpenSID import, named as every import's steps are
(kependudukan.impor.jenis.JenisImpor), in its own namespace inside kependudukan; OpenSID's event
log beside it."""

from django.urls import include, path

from kependudukan.views import impor_penduduk

app_name = "impor_penduduk"

urlpatterns = [
    path("", impor_penduduk.impor_unggah, name="impor_unggah"),
    path("<int:pk>/", impor_penduduk.impor_pratinjau, name="impor_pratinjau"),
    path("<int:pk>/simpan/", impor_penduduk.impor_simpan, name="impor_simpan"),
    path("<int:pk>/ulang/", impor_penduduk.impor_ulang, name="impor_ulang"),
    path("<int:pk>/data-awal/", impor_penduduk.impor_data_awal, name="impor_data_awal"),
    path("peristiwa-opensid/", include("kependudukan.urls_impor_peristiwa_opensid")),
]

"""/kependudukan/impor/penduduk/peristiwa-opensid/: OpenSID's event log, named as every import's
steps are (kependudukan.impor.jenis.JenisImpor)."""

from django.urls import path

from kependudukan.views import impor_peristiwa_opensid

app_name = "peristiwa_opensid"

urlpatterns = [
    path("", impor_peristiwa_opensid.impor_unggah, name="impor_unggah"),
    path("<int:pk>/", impor_peristiwa_opensid.impor_pratinjau, name="impor_pratinjau"),
    path("<int:pk>/simpan/", impor_peristiwa_opensid.impor_simpan, name="impor_simpan"),
    path("<int:pk>/ulang/", impor_peristiwa_opensid.impor_ulang, name="impor_ulang"),
]

"""Pages of households' economic status and aid recipients, under /kependudukan/ekonomi/."""

from django.urls import include, path

from kependudukan.ekonomi.views import impor, impor_luar, keluarga, laporan, penerima

app_name = "ekonomi"


def _impor_luar(kind):
    """The four steps of an outside import, named as kependudukan.impor.jenis.JenisImpor expects."""
    return [
        path("", getattr(impor_luar, f"{kind}_unggah"), name="impor_unggah"),
        path("<int:pk>/", getattr(impor_luar, f"{kind}_pratinjau"), name="impor_pratinjau"),
        path("<int:pk>/simpan/", getattr(impor_luar, f"{kind}_simpan"), name="impor_simpan"),
        path("<int:pk>/ulang/", getattr(impor_luar, f"{kind}_ulang"), name="impor_ulang"),
    ]


urlpatterns = [
    path("", keluarga.index, name="index"),
    path("program/", laporan.program_list, name="program_list"),
    path("impor/", impor.impor_unggah, name="impor_unggah"),
    path("impor/templat/", impor.impor_templat, name="impor_templat"),
    path("impor/<int:pk>/", impor.impor_pratinjau, name="impor_pratinjau"),
    path("impor/<int:pk>/simpan/", impor.impor_simpan, name="impor_simpan"),
    path("impor/<int:pk>/ulang/", impor.impor_ulang, name="impor_ulang"),
    path("impor/bantuan-opensid/", include((_impor_luar("bantuan"), "impor_bantuan"))),
    path("impor/desil-siks-ng/", include((_impor_luar("desil"), "impor_desil"))),
    path("kecamatan/<kode:kode>/<periode:periode>/", laporan.laporan_kecamatan, name="laporan_kecamatan"),
    path("<kode:kode>/", keluarga.keluarga_list, name="keluarga_list"),
    path("<kode:kode>/keluarga/tambah/", keluarga.keluarga_create, name="keluarga_create"),
    path("<kode:kode>/keluarga/<int:pk>/", keluarga.keluarga_detail, name="keluarga_detail"),
    path("<kode:kode>/keluarga/<int:pk>/ubah/", keluarga.keluarga_update, name="keluarga_update"),
    path("<kode:kode>/penerima/", penerima.penerima_list, name="penerima_list"),
    path("<kode:kode>/penerima/tambah/", penerima.penerima_create, name="penerima_create"),
    path("<kode:kode>/penerima/<int:pk>/", penerima.penerima_detail, name="penerima_detail"),
    path("<kode:kode>/penerima/<int:pk>/ubah/", penerima.penerima_update, name="penerima_update"),
    path("<kode:kode>/penerima/<int:pk>/hentikan/", penerima.penerima_hentikan, name="penerima_hentikan"),
    path("<kode:kode>/penerima/<int:pk>/tetap/", penerima.penerima_pertahankan, name="penerima_pertahankan"),
    path("<kode:kode>/<periode:periode>/", laporan.laporan_bulanan, name="laporan_bulanan"),
]

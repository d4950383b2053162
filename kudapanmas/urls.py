from django.contrib import admin
from django.urls import include, path, register_converter

from desa.converters import KodeWilayahConverter
from desa.periode import PeriodeConverter

# Every URL parameter that names a wilayah or a month goes through one of these (404 otherwise).
register_converter(KodeWilayahConverter, "kode")
register_converter(PeriodeConverter, "periode")

from kudapanmas import views, views_dasbor, views_pengingat, views_pengumuman, views_rekap  # noqa: E402

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("panduan/", views.panduan, name="panduan"),
    path("dasbor/", views_dasbor.dasbor_saya, name="dasbor"),
    path(
        "kecamatan/<kode:kode>/dasbor/<periode:periode>/",
        views_dasbor.dasbor_kecamatan,
        name="dasbor_kecamatan",
    ),
    path(
        "kabupaten/<kode:kode>/dasbor/<periode:periode>/",
        views_dasbor.dasbor_kabupaten,
        name="dasbor_kabupaten",
    ),
    path("antrean/", views_dasbor.antrean_saya, name="antrean"),
    path("kecamatan/<kode:kode>/antrean/", views_dasbor.antrean_kecamatan, name="antrean_kecamatan"),
    path(
        "kecamatan/<kode:kode>/antrean/verifikasi/",
        views_dasbor.antrean_verifikasi,
        name="antrean_verifikasi",
    ),
    path("rapor/", views_dasbor.rapor_saya, name="rapor"),
    path(
        "kecamatan/<kode:kode>/rapor/<periode:periode>/",
        views_dasbor.rapor_kecamatan,
        name="rapor_kecamatan",
    ),
    path(
        "kecamatan/<kode:kode>/rekap/<periode:periode>/",
        views_rekap.rekap_kecamatan,
        name="rekap_kecamatan",
    ),
    path(
        "kecamatan/<kode:kode>/rekap/tahun/<int:tahun>/",
        views_rekap.rekap_kecamatan_tahun,
        name="rekap_kecamatan_tahun",
    ),
    path(
        "kabupaten/<kode:kode>/rekap/<periode:periode>/",
        views_rekap.rekap_kabupaten,
        name="rekap_kabupaten",
    ),
    path(
        "kabupaten/<kode:kode>/rekap/tahun/<int:tahun>/",
        views_rekap.rekap_kabupaten_tahun,
        name="rekap_kabupaten_tahun",
    ),
    path("pengingat/", views_pengingat.pengingat_saya, name="pengingat"),
    path(
        "kecamatan/<kode:kode>/pengingat/<periode:periode>/",
        views_pengingat.pengingat_kecamatan,
        name="pengingat_kecamatan",
    ),
    path("pengumuman/", views_pengumuman.pengumuman_saya, name="pengumuman_saya"),
    path("kecamatan/<kode:kode>/pengumuman/", views_pengumuman.pengumuman, name="pengumuman"),
    path("pengumuman/<int:pk>/hapus/", views_pengumuman.pengumuman_hapus, name="pengumuman_hapus"),
    path("pengumuman/<int:pk>/lampiran/", views_pengumuman.pengumuman_lampiran, name="pengumuman_lampiran"),
    path("akun/", include("kudapanmas.auth_urls")),
    path("desa/", include("desa.urls")),
    path("kependudukan/ekonomi/", include("kependudukan.ekonomi.urls")),
    path("kependudukan/", include("kependudukan.urls")),
    path("linmas/", include("linmas.urls")),
    path("laporan-rt/", include("laporan_rt.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "kudapanmas.views.error_403"
handler404 = "kudapanmas.views.error_404"
handler500 = "kudapanmas.views.error_500"

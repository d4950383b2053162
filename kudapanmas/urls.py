from django.contrib import admin
from django.urls import include, path, register_converter

from desa.converters import KodeWilayahConverter
from desa.periode import PeriodeConverter

# Every URL parameter that names a wilayah or a month goes through one of these (404 otherwise).
register_converter(KodeWilayahConverter, "kode")
register_converter(PeriodeConverter, "periode")

from desa.views import tanda_terima as desa_tanda_terima  # noqa: E402
from kudapanmas.views import beranda, dasbor, luring, pengingat, pengumuman, rekap, tugas  # noqa: E402

# The kudapanmas pages have their own namespace like every app's ("kudapanmas:beranda"); the
# sign-in pages stay unnamespaced because django.contrib.auth reverses them by their plain names.
app_name = "kudapanmas"
halaman = [
    path("", beranda.beranda, name="beranda"),
    path("panduan/", beranda.panduan, name="panduan"),
    path("dasbor/", dasbor.dasbor_saya, name="dasbor_saya"),
    path(
        "kecamatan/<kode:kode>/dasbor/<periode:periode>/",
        dasbor.dasbor_kecamatan,
        name="dasbor_kecamatan",
    ),
    path(
        "kabupaten/<kode:kode>/dasbor/<periode:periode>/",
        dasbor.dasbor_kabupaten,
        name="dasbor_kabupaten",
    ),
    path(
        "provinsi/<kode:kode>/dasbor/<periode:periode>/",
        dasbor.dasbor_provinsi,
        name="dasbor_provinsi",
    ),
    path("antrean/", dasbor.antrean_saya, name="antrean_saya"),
    path("kecamatan/<kode:kode>/antrean/", dasbor.antrean_kecamatan, name="antrean_kecamatan"),
    path(
        "kecamatan/<kode:kode>/antrean/verifikasi/",
        dasbor.antrean_verifikasi,
        name="antrean_verifikasi",
    ),
    path("rapor/", dasbor.rapor_saya, name="rapor_saya"),
    path(
        "kecamatan/<kode:kode>/rapor/<periode:periode>/",
        dasbor.rapor_kecamatan,
        name="rapor_kecamatan",
    ),
    path(
        "kecamatan/<kode:kode>/rekap/<periode:periode>/",
        rekap.rekap_kecamatan,
        name="rekap_kecamatan",
    ),
    path(
        "kecamatan/<kode:kode>/rekap/tahun/<int:tahun>/",
        rekap.rekap_kecamatan_tahun,
        name="rekap_kecamatan_tahun",
    ),
    path(
        "kabupaten/<kode:kode>/rekap/<periode:periode>/",
        rekap.rekap_kabupaten,
        name="rekap_kabupaten",
    ),
    path(
        "kabupaten/<kode:kode>/rekap/tahun/<int:tahun>/",
        rekap.rekap_kabupaten_tahun,
        name="rekap_kabupaten_tahun",
    ),
    path(
        "provinsi/<kode:kode>/rekap/<periode:periode>/",
        rekap.rekap_provinsi,
        name="rekap_provinsi",
    ),
    path(
        "provinsi/<kode:kode>/rekap/tahun/<int:tahun>/",
        rekap.rekap_provinsi_tahun,
        name="rekap_provinsi_tahun",
    ),
    path("luring/", luring.luring_antrean, name="luring"),
    path("luring/sesi/", luring.luring_sesi, name="luring_sesi"),
    path("tugas/<uuid:pk>/", tugas.tugas_detail, name="tugas_detail"),
    path("tugas/<uuid:pk>/unduh/", tugas.tugas_unduh, name="tugas_unduh"),
    path("tugas/<uuid:pk>/ulang/", tugas.tugas_ulang, name="tugas_ulang"),
    path("pengingat/", pengingat.pengingat_saya, name="pengingat_saya"),
    path(
        "kecamatan/<kode:kode>/pengingat/<periode:periode>/",
        pengingat.pengingat_kecamatan,
        name="pengingat_kecamatan",
    ),
    path("pengumuman/", pengumuman.pengumuman_saya, name="pengumuman_saya"),
    path("kecamatan/<kode:kode>/pengumuman/", pengumuman.pengumuman, name="pengumuman"),
    path("pengumuman/<int:pk>/hapus/", pengumuman.pengumuman_hapus, name="pengumuman_hapus"),
    path("pengumuman/<int:pk>/lampiran/", pengumuman.pengumuman_lampiran, name="pengumuman_lampiran"),
]

urlpatterns = [
    path("sw.js", luring.service_worker, name="service_worker"),
    path("", include((halaman, app_name))),
    path("akun/", include("kudapanmas.auth_urls")),
    path("desa/", include("desa.urls")),
    path("kependudukan/ekonomi/", include("kependudukan.ekonomi.urls")),
    path("kependudukan/", include("kependudukan.urls")),
    path("linmas/", include("linmas.urls")),
    path("laporan-rt/", include("laporan_rt.urls")),
    # The public check of a receipt's code: no account, linked from the receipt's QR.
    path("cek/", desa_tanda_terima.cek, name="cek"),
    path("cek/<path:kode>/", desa_tanda_terima.cek_kode, name="cek_kode"),
    path("admin/", admin.site.urls),
]

handler403 = "kudapanmas.views.galat.error_403"
handler404 = "kudapanmas.views.galat.error_404"
handler500 = "kudapanmas.views.galat.error_500"

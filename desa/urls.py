from django.urls import path

from desa import views, views_kecamatan, views_laporan, views_operator

app_name = "desa"

urlpatterns = [
    path("saya/", views.desa_saya, name="saya"),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/kirim/",
        views_laporan.laporan_kirim,
        name="laporan_kirim",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/kembalikan/",
        views_laporan.laporan_kembalikan,
        name="laporan_kembalikan",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/buka-kembali/",
        views_laporan.laporan_buka_kembali,
        name="laporan_buka_kembali",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/perpanjang/",
        views_laporan.laporan_perpanjang,
        name="laporan_perpanjang",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/komentar/",
        views_laporan.laporan_komentar,
        name="laporan_komentar",
    ),
    path("<kode:kode>/", views.desa_detail, name="detail"),
    path("<kode:kode>/rt/tambah/", views.rt_create, name="rt_create"),
    path("<kode:kode>/rt/<int:pk>/ubah/", views.rt_update, name="rt_update"),
    path("kecamatan/operator/", views_operator.operator_list, name="operator_list"),
    path(
        "kecamatan/pengaturan/",
        views_kecamatan.kecamatan_pengaturan_saya,
        name="kecamatan_pengaturan_saya",
    ),
    path(
        "kecamatan/<kode:kode>/pengaturan/",
        views_kecamatan.kecamatan_pengaturan,
        name="kecamatan_pengaturan",
    ),
    path("kecamatan/operator/tambah/", views_operator.operator_create, name="operator_create"),
    path("kecamatan/operator/<int:pk>/ubah/", views_operator.operator_update, name="operator_update"),
    path(
        "kecamatan/operator/<int:pk>/aktif/",
        views_operator.operator_toggle_active,
        name="operator_toggle_active",
    ),
    path(
        "kecamatan/operator/<int:pk>/sandi/",
        views_operator.operator_reset_password,
        name="operator_reset_password",
    ),
]

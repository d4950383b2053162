from django.urls import path

from laporan_rt import views, views_akun, views_isi

app_name = "laporan_rt"

urlpatterns = [
    path("", views.saya, name="saya"),
    path("rt-saya/", views.beranda_rt, name="beranda_rt"),
    path("<kode:kode>/<periode:periode>/", views.laporan_bulanan, name="laporan_bulanan"),
    path("<kode:kode>/<periode:periode>/rt/<int:nomor>/", views_isi.laporan_rt_detail, name="detail"),
    path("<kode:kode>/<periode:periode>/rt/<int:nomor>/isi/", views_isi.laporan_rt_isi, name="isi"),
    path("<kode:kode>/akun-rt/", views_akun.akun_rt_list, name="akun_rt_list"),
    path("<kode:kode>/akun-rt/tambah/", views_akun.akun_rt_create, name="akun_rt_create"),
    path(
        "<kode:kode>/akun-rt/<int:pk>/aktif/", views_akun.akun_rt_toggle_active, name="akun_rt_toggle_active"
    ),
    path(
        "<kode:kode>/akun-rt/<int:pk>/sandi/",
        views_akun.akun_rt_reset_password,
        name="akun_rt_reset_password",
    ),
]

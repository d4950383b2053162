from django.shortcuts import redirect
from django.urls import path

from laporan_rt.views import isi, laporan

app_name = "laporan_rt"


def _moved_to(pattern_name):
    """The Ketua RT accounts moved to desa; a 308 keeps the method, so an old page's POST still arrives."""

    def view(request, **kwargs):
        return redirect(pattern_name, permanent=True, preserve_request=True, **kwargs)

    return view


urlpatterns = [
    path("", laporan.saya, name="saya"),
    path("rt-saya/", laporan.beranda_rt, name="beranda_rt"),
    path("<kode:kode>/<periode:periode>/", laporan.laporan_bulanan, name="laporan_bulanan"),
    path("<kode:kode>/<periode:periode>/rt/<int:nomor>/", isi.detail, name="detail"),
    path("<kode:kode>/<periode:periode>/rt/<int:nomor>/isi/", isi.isi, name="isi"),
    path("<kode:kode>/akun-rt/", _moved_to("desa:akun_rt_list")),
    path("<kode:kode>/akun-rt/tambah/", _moved_to("desa:akun_rt_create")),
    path("<kode:kode>/akun-rt/<int:pk>/aktif/", _moved_to("desa:akun_rt_toggle_active")),
    path("<kode:kode>/akun-rt/<int:pk>/sandi/", _moved_to("desa:akun_rt_reset_password")),
]

from django.urls import path

from desa.views import akun, kecamatan, laporan, tanda_terima, wilayah

app_name = "desa"

urlpatterns = [
    path("saya/", wilayah.saya, name="saya"),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/kirim/",
        laporan.laporan_kirim,
        name="laporan_kirim",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/kembalikan/",
        laporan.laporan_kembalikan,
        name="laporan_kembalikan",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/buka-kembali/",
        laporan.laporan_buka_kembali,
        name="laporan_buka_kembali",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/perpanjang/",
        laporan.laporan_perpanjang,
        name="laporan_perpanjang",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/komentar/",
        laporan.laporan_komentar,
        name="laporan_komentar",
    ),
    path(
        "<kode:kode>/laporan/<slug:jenis>/<periode:periode>/tanda-terima/",
        tanda_terima.tanda_terima_list,
        name="tanda_terima_list",
    ),
    path("tanda-terima/<int:pk>/", tanda_terima.tanda_terima_detail, name="tanda_terima_detail"),
    path("tanda-terima/<int:pk>/cetak/", tanda_terima.tanda_terima_cetak, name="tanda_terima_cetak"),
    path("<kode:kode>/", wilayah.detail, name="detail"),
    path("<kode:kode>/rt/tambah/", wilayah.rt_create, name="rt_create"),
    path("<kode:kode>/rt/<int:pk>/ubah/", wilayah.rt_update, name="rt_update"),
    path("<kode:kode>/akun-rt/", akun.akun_rt_list, name="akun_rt_list"),
    path("<kode:kode>/akun-rt/tambah/", akun.akun_rt_create, name="akun_rt_create"),
    path("<kode:kode>/akun-rt/<int:pk>/aktif/", akun.akun_rt_toggle_active, name="akun_rt_toggle_active"),
    path("<kode:kode>/akun-rt/<int:pk>/sandi/", akun.akun_rt_reset_password, name="akun_rt_reset_password"),
    path("kecamatan/operator/", akun.operator_list, name="operator_list"),
    path(
        "kecamatan/pengaturan/",
        kecamatan.kecamatan_pengaturan_saya,
        name="kecamatan_pengaturan_saya",
    ),
    path(
        "kecamatan/<kode:kode>/pengaturan/",
        kecamatan.kecamatan_pengaturan,
        name="kecamatan_pengaturan",
    ),
    path("kecamatan/operator/tambah/", akun.operator_create, name="operator_create"),
    path("kecamatan/operator/<int:pk>/ubah/", akun.operator_update, name="operator_update"),
    path(
        "kecamatan/operator/<int:pk>/aktif/",
        akun.operator_toggle_active,
        name="operator_toggle_active",
    ),
    path(
        "kecamatan/operator/<int:pk>/sandi/",
        akun.operator_reset_password,
        name="operator_reset_password",
    ),
]

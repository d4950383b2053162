from django.contrib import admin
from django.urls import include, path, register_converter

from desa.periode import PeriodeConverter

register_converter(PeriodeConverter, "periode")

from kudapanmas import views  # noqa: E402

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("panduan/", views.panduan, name="panduan"),
    path("akun/", include("kudapanmas.auth_urls")),
    path("desa/", include("desa.urls")),
    path("kependudukan/", include("kependudukan.urls")),
    path("linmas/", include("linmas.urls")),
    path("laporan-rt/", include("laporan_rt.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "kudapanmas.views.error_403"
handler404 = "kudapanmas.views.error_404"
handler500 = "kudapanmas.views.error_500"

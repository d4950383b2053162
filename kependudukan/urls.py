from django.urls import path

from kependudukan import views

app_name = "kependudukan"

urlpatterns = [
    path("<str:kode>/<periode:periode>/", views.laporan_bulanan, name="laporan_bulanan"),
]

app_name = "laporan_rt"

urlpatterns: list = []

app_name = "kependudukan"

urlpatterns: list = []

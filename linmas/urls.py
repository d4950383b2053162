app_name = "linmas"

urlpatterns: list = []

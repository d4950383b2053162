"""Django's own authentication views with our templates, in Bahasa Indonesia."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from desa.forms.akun import LoginForm
from kudapanmas.sandi import ResetSandiForm

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("ganti-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "ganti-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "lupa-sandi/",
        auth_views.PasswordResetView.as_view(
            form_class=ResetSandiForm,
            email_template_name="registration/email_reset_sandi.txt",
            subject_template_name="registration/subjek_reset_sandi.txt",
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "atur-sandi/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "atur-sandi/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

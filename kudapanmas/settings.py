"""Settings for KUDAPANMAS, read from the environment (see README "Konfigurasi")."""

from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from kudapanmas.env import env_bool, env_int, env_list, env_networks, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("KUDAPANMAS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)
# Secure cookies, HSTS and the HTTPS redirect; off only for a local plain-HTTP run.
HTTPS = env_bool("DJANGO_HTTPS", True)


def _secret_key():
    key = env_str("DJANGO_SECRET_KEY")
    if key:
        return key
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set and var/secret_key does not exist (`make run` creates one)."
    )


SECRET_KEY = _secret_key()
# Rotation: the old keys, comma-separated; sessions and printed receipts signed with them stay valid.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "desa",
    "kependudukan",
    "linmas",
    "laporan_rt",
    "kudapanmas",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kudapanmas.middleware.SecurityHeadersMiddleware",
    "kudapanmas.unggahan.UnggahanUtuhMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kudapanmas.urls"
WSGI_APPLICATION = "kudapanmas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kudapanmas.context_processors.navigation",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kudapanmas.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work during a write; IMMEDIATE takes the write lock at BEGIN,
    # so concurrent submissions wait (busy timeout) instead of failing as "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "desa.Pengguna"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "kudapanmas:beranda"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind the reverse proxy every request comes from 127.0.0.1: the client is read from the
# forwarded header, only when the direct peer is one of these proxies (kudapanmas.proksi).
KUDAPANMAS_TRUSTED_PROXIES = env_networks("KUDAPANMAS_TRUSTED_PROXIES", ["127.0.0.1"])
KUDAPANMAS_FORWARDED_HEADER = env_str("KUDAPANMAS_FORWARDED_HEADER", "X-Forwarded-For")
AXES_CLIENT_IP_CALLABLE = "kudapanmas.proksi.alamat_klien"
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # numbers are formatted explicitly with |angka

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded files (Linmas photos, attachments) are private: served only through views
# that check the user's scope, never under a public URL.
MEDIA_ROOT = Path(env_str("KUDAPANMAS_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media-tidak-publik/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024

# Background tasks (desa.latar): Django's tasks interface with its database backend, so
# the queue is the app's own database (SQLite or PostgreSQL) and needs no other server. Workers:
# `manage.py jalankan_pekerja`, as many as wanted, on this machine or others sharing PostgreSQL.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TUGAS_ROOT = Path(env_str("KUDAPANMAS_TUGAS_ROOT", str(VAR_DIR / "tugas")))  # private, like MEDIA_ROOT
TUGAS_SEWA_DETIK = env_int("KUDAPANMAS_TUGAS_SEWA_DETIK", 30)  # a silent worker's task is retried after this
TUGAS_DETAK_DETIK = 1  # how often a running task renews its lease and writes its progress
TUGAS_SIMPAN_JAM = env_int("KUDAPANMAS_TUGAS_SIMPAN_JAM", 24)  # finished files are removed after this
# The workers send the scheduled reminders (kudapanmas.pengingat_jadwal); off on a copy of the
# data that must not write to the villages (a training or staging server).
PENGINGAT_OTOMATIS = env_bool("KUDAPANMAS_PENGINGAT_OTOMATIS", True)
# An import workbook of more rows than this is checked and saved by a worker, not in the request.
IMPOR_LATAR_BARIS = env_int("KUDAPANMAS_IMPOR_LATAR_BARIS", 2_000)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

_email_url = env_str("EMAIL_URL")
if _email_url:
    vars().update(dj_email_url.parse(_email_url))
elif env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "KUDAPANMAS <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Used to build absolute links in e-mails and WhatsApp messages.
SITE_URL = env_str("KUDAPANMAS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"penolakan_satu_baris": {"()": "kudapanmas.logfilter.PenolakanSatuBaris"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["penolakan_satu_baris"]}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

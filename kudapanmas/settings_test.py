"""Fast, deterministic settings for the test suite."""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_HTTPS", "false")

from kudapanmas.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = VAR_DIR / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The worker a test runs would send the reminders due on the real date; the tests that check
# reminders call the schedule with their own clock.
PENGINGAT_OTOMATIS = False
MEDIA_ROOT = Path(os.environ.get("KUDAPANMAS_MEDIA_ROOT") or VAR_DIR / "test-media")  # noqa: F405
# One folder per test process; a worker process started by a test is told the same folder.
TUGAS_ROOT = Path(os.environ.get("KUDAPANMAS_TUGAS_ROOT") or VAR_DIR / f"test-tugas-{os.getpid()}")  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The race tests run real threads, each with its own connection. An in-memory test database
    # is shared-cache, where a second writer fails at once ("table is locked") instead of waiting
    # for the first as it does on the real, file-backed database: test on a file too.
    # One file per process, so that two test runs side by side never share (and delete) one.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-kudapanmas-{os.getpid()}.sqlite3")}  # noqa: F405

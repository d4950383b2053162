import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from kudapanmas.env import env_bool, env_int, env_list


@pytest.mark.parametrize(
    "raw,expected", [("1", True), ("true", True), ("Yes", True), ("off", False), ("0", False)]
)
def test_env_bool_reads_the_usual_words(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is expected


def test_env_bool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='ture' is not a boolean"):
        env_bool("X_FLAG")


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("X_FLAG", raising=False)
    assert env_bool("X_FLAG", default=True) is True


def test_env_int_refuses_text(monkeypatch):
    monkeypatch.setenv("X_NUMBER", "lima")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("X_NUMBER", 5)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.id, b.id ,")
    assert env_list("X_HOSTS") == ["a.id", "b.id"]


def _run_check(env_extra, *args):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "kudapanmas.settings",
        "DJANGO_SECRET_KEY": "k" * 60 + "-production-like-secret-key",
        "DJANGO_ALLOWED_HOSTS": "kudapanmas.paringin.go.id",
        "KUDAPANMAS_VAR_DIR": "/tmp/kudapanmas-settings-test",
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args], capture_output=True, text=True, env=env
    )


def test_a_bad_debug_value_stops_start_up():
    result = _run_check({"DJANGO_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a boolean" in result.stderr


def test_deploy_check_is_clean_with_production_values():
    result = _run_check({}, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_defaults_are_safe(settings):
    from kudapanmas import settings as production

    assert production.DEBUG is False
    assert production.TIME_ZONE == "Asia/Makassar"
    assert production.LANGUAGE_CODE == "id"
    assert production.USE_TZ is True


def test_sqlite_is_configured_for_concurrent_writers():
    code = (
        "from kudapanmas import settings as s; o = s.DATABASES['default']['OPTIONS'];"
        "print(o['transaction_mode'], o['timeout'], o['init_command'])"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SECRET_KEY": "x", "KUDAPANMAS_VAR_DIR": "/tmp/kdp-sqlite"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("IMMEDIATE 20 PRAGMA journal_mode=WAL")

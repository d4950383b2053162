#!/usr/bin/env bash
# `make run`: the web server and one background worker (recaps), stopped together by Ctrl+C.
# Arguments go to gunicorn.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python manage.py jalankan_pekerja --no-reload --no-startup-delay &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
.venv/bin/gunicorn "$@"

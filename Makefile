# KUDAPANMAS: `make run` serves the app with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= kudapanmas.settings
# Links in e-mails and WhatsApp texts point where `make run` serves, unless set otherwise.
export KUDAPANMAS_SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test test-postgres lint bench clean chromium

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: $(VENV)/.runtime var/secret_key
	@new_db=$$(test -f var/kudapanmas.sqlite3 || test -n "$$DATABASE_URL" || echo yes); \
	DJANGO_HTTPS=false $(PY) manage.py migrate --noinput && \
	if [ "$$new_db" = yes ]; then DJANGO_HTTPS=false $(PY) manage.py isi_demo; fi && \
	DJANGO_HTTPS=false $(PY) manage.py collectstatic --noinput -v0 && \
	echo "KUDAPANMAS berjalan di http://$(HOST):$(PORT)/ (Ctrl+C untuk berhenti)" && \
	DJANGO_HTTPS=false scripts/serve.sh -c kudapanmas/gunicorn.conf.py --bind $(HOST):$(PORT) kudapanmas.wsgi

chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core; \
	  else echo "Chromium tidak ada: pasang paket 'chromium' (sudo apt-get install chromium)"; exit 1; fi; }
	@# The recap workbook is checked as it prints: LibreOffice renders it, pdftoppm makes the images.
	@command -v soffice >/dev/null && command -v pdftoppm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libreoffice-calc-nogui poppler-utils; \
	  else echo "LibreOffice/pdftoppm tidak ada: pasang 'libreoffice-calc-nogui' dan 'poppler-utils'"; exit 1; fi; }

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.dev chromium lint
	DJANGO_SETTINGS_MODULE=kudapanmas.settings_test $(PY) -m pytest -n 2 --dist loadgroup -q

test-postgres: $(VENV)/.dev chromium
	scripts/with-postgres.sh env DJANGO_SETTINGS_MODULE=kudapanmas.settings_test $(PY) -m pytest -n 2 --dist loadgroup -q

bench: $(VENV)/.dev
	for script in bench/[!_]*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf staticfiles tests/screenshots .pytest_cache

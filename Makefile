# Haven: `make run` and `make test` are all a newcomer needs (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test lint format serve moderator bench migrate demo setup setup-dev clean browsers lock screenshots crisis-report worker scheduler messages

# requirements*.txt are lock files (exact versions and hashes) made from pyproject.toml by
# `make lock`; installs take exactly what they list.
$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# Compiled translations (.mo) are built here from the committed .po files, never committed.
# Needs gettext's msgfmt (Debian: apt-get install gettext).
messages: $(VENV)/.runtime
	$(PY) manage.py compilemessages --ignore=.venv -v0

# Re-make the lock files after editing pyproject.toml (keeps every pin it can).
lock: setup-dev
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --quiet -o requirements.txt
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet -o requirements-dev.txt

setup: $(VENV)/.runtime messages
setup-dev: $(VENV)/.dev messages

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "  Haven is starting at http://127.0.0.1:8000"
	@echo "  To moderate, create an account in another terminal:  make moderator DISPLAY_NAME=\"Dana\""
	@echo "  (or: .venv/bin/python manage.py createsuperuser)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

# make moderator DISPLAY_NAME="Dana": the name readers see on the replies (asked for if not given).
moderator: migrate
	$(PY) manage.py create_moderator $(if $(DISPLAY_NAME),--display-name "$(DISPLAY_NAME)")

serve: migrate
	DEBUG=false $(PY) manage.py collectstatic --noinput -v0
	DEBUG=false $(VENV)/bin/gunicorn config.wsgi --config deploy/gunicorn.conf.py --bind 127.0.0.1:8000

# Production runs background tasks here (TASKS_BACKEND=database); `make run` needs neither.
worker: migrate
	$(PY) manage.py db_worker

# Enqueues the recurring jobs (email retries, digest, retention purges). Run exactly one.
scheduler: migrate
	$(PY) manage.py run_scheduler

test: setup-dev
	$(PY) -m pytest

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: setup-dev
	$(PY) -m bench

screenshots: setup-dev
	$(PY) -m tools.screenshots

# Crisis detection against the labelled splits (dev, and the held-back test split when present).
crisis-report: setup
	$(PY) -m support.detection.report

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .cache

# Haven: a multi-stage image. Build: install the locked dependencies, compile translations and
# collect static files. Run: a non-root user, gunicorn on :8000, nothing else.
#   docker build -t haven .
#   docker compose up      (see compose.yaml: two app containers, a worker, PostgreSQL, Redis, nginx)
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN python -m venv /venv && /venv/bin/pip install --no-cache-dir --require-hashes -r requirements.txt
COPY . .
# Static files are collected (hashed names, compressed) and translations compiled at build
# time, so every container built from one commit serves the same files.
RUN DEBUG=false /venv/bin/python manage.py compilemessages --ignore=.venv -v0 \
    && DEBUG=false /venv/bin/python manage.py collectstatic --noinput -v0 \
    && rm -rf .git tests bench .ci

FROM python:3.11-slim-bookworm
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 DJANGO_ENV=production
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin haven \
    && mkdir -p /app/media && chown haven /app/media
COPY --from=build /venv /venv
COPY --from=build /app /app
WORKDIR /app
USER haven
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
CMD ["gunicorn", "config.wsgi", "--config", "deploy/gunicorn.conf.py", "--bind", "0.0.0.0:8000"]

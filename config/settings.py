"""Haven settings, read from the environment (django-environ).

Defaults suit a laptop: SQLite, local-memory cache, console email, DEBUG on. Set
``DJANGO_ENV=production`` and the settings refuse to start without a real SECRET_KEY and
ALLOWED_HOSTS, and switch on secure cookies, HSTS and SSL redirects.
"""

import ipaddress
from email.utils import parseaddr
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from config.observability import init_sentry, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
ENVIRONMENT = env.str("DJANGO_ENV", default="development")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env.str("SECRET_KEY", default="" if PRODUCTION else "dev-only-insecure-key-change-me")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("dev-only")):
    raise ImproperlyConfigured("DJANGO_ENV=production needs SECRET_KEY (50+ random characters).")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ENV=production needs ALLOWED_HOSTS (comma-separated).")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated):
# see README "Behind a reverse proxy" and comments.identity.client_ip.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
try:
    [ipaddress.ip_network(entry, strict=False) for entry in TRUSTED_PROXIES]
except ValueError as exc:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {exc}") from exc

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # Lowest first: each app imports only the ones above it (README "Where things live").
    "pagecache",
    "blog",
    "support",
    "comments",
    "moderation",
    "privacy",
    "transfer",
    "ops",
]

MIDDLEWARE = [
    "config.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above sessions and CSRF, so it sees every cookie they set (README "HTTP caching").
    "pagecache.middleware.PrivateResponsesMiddleware",
    "comments.middleware.SessionMiddleware",  # Django's, calm when the database is away
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.headers.SteadyCSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "comments.middleware.RequestLimitsMiddleware",
    "comments.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "blog.context_processors.site",
                "support.context_processors.support",
                "moderation.context_processors.moderation",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Reuse each worker's connection: opening one (and, on SQLite, setting WAL) costs more than
# a cached page.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_PREFIX", default="haven"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    # Reading must survive a Redis outage: the cache degrades to "no cache".
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False  # the rate limiter warns once per process
else:
    CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://haven")}
    if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        # Stored pages are 10-100 KB: room for a site's pages within a worker's memory.
        CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 1000)
# The version counters that key every cached page and tree (pagecache.versions) must be one
# set for all worker processes, or a change made in one worker leaves the others stale. Redis
# is shared; without it they are small files on this machine, which every worker reads. With
# Redis each worker keeps the counters it read and Redis announces every change to them
# (pagecache.redis_counters): their own key prefix, so only their changes are announced.
VERSION_MIRROR = env.bool("VERSION_MIRROR", default=True)
CACHES["versions"] = (
    {
        **CACHES["default"],
        "BACKEND": "pagecache.redis_counters.RedisCounters",
        "KEY_PREFIX": f"{CACHES['default']['KEY_PREFIX']}-versions",
    }
    if REDIS_URL
    else {
        "BACKEND": "pagecache.counters.CounterFiles",  # FileBasedCache, lighter to read
        "LOCATION": env.str("VERSION_CACHE_DIR", default=str(BASE_DIR / ".cache" / "versions")),
        "KEY_PREFIX": env.str("CACHE_PREFIX", default="haven"),
        "OPTIONS": {"MAX_ENTRIES": 100_000},  # one per post: never cull a live version
    }
)

# Sessions live in the database, so log-out, a password change and "log out everywhere" end
# them for good (a copied signed cookie stayed valid). Not cached_db even with Redis: a
# deletion missed while Redis blinks would leave the cached copy alive.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "moderation:queue"
LOGOUT_REDIRECT_URL = "blog:home"

# Log-in throttling (django-axes) counts in the database, which every process and app server
# shares, with or without Redis: a Redis outage can neither break log-in nor lift the lock-out.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
# Locked per address *and* user name together, so a stranger elsewhere cannot lock a moderator
# out; and per address alone, so one address cannot try password after password on every name.
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address"]
AXES_CLIENT_IP_CALLABLE = "comments.identity.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# One language for the whole site, chosen by whoever runs it (LANGUAGE_CODE=es): no
# LocaleMiddleware, so every reader of an address gets the same stored page (blog.pages).
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of {', '.join(dict(LANGUAGES))}.")
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

SERIALIZATION_MODULES = {"exactjson": "ops.serializer"}  # backups keep times to the microsecond
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# `make run` serves uploads itself; production leaves /media/ to nginx (deploy/nginx).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
# Uploaded images (blog.images): refused above these, before a pixel is decoded. nginx lets
# 10 MB through to /admin/ (deploy/nginx).
IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000
IMAGE_MAX_SIDE = 12_000
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# `make run` (DEBUG): WhiteNoise serves the files straight from static/ and the apps, and sees
# an edit without a restart, so the development site looks exactly as `make serve` does.
# Production serves what collectstatic gathered into STATIC_ROOT.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=DEBUG)
WHITENOISE_AUTOREFRESH = env.bool("WHITENOISE_AUTOREFRESH", default=DEBUG)
FAVICON_PATH = BASE_DIR / "static" / "favicon.ico"  # also served at /favicon.ico

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Haven <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A stuck SMTP server must not hold a worker (or anything else) forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# Background tasks (django-tasks). "immediate" runs a task in the process that enqueues it, so
# `make run` needs nothing more; "database" stores it for `manage.py db_worker` (`make worker`).
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database" if PRODUCTION else "immediate")
if TASKS_BACKEND not in ("immediate", "database"):
    raise ImproperlyConfigured("TASKS_BACKEND must be 'immediate' or 'database'.")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["default"],
    }
}
# /readyz: not ready when more tasks wait than this, or an urgent alert is unsent this long.
READY_MAX_BACKLOG = env.int("READY_MAX_BACKLOG", default=500)
READY_MAX_ALERT_AGE = env.int("READY_MAX_ALERT_AGE", default=120)  # seconds

# Strict Content-Security-Policy: nothing from another host, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "comments.views.csrf_failure"
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024  # every body, any content type (RequestLimitsMiddleware)
# Staff in the admin only (later: moderators' image uploads).
ADMIN_UPLOAD_MAX_BYTES = env.int("ADMIN_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

# Operators: plain or JSON log lines with a request id; error mail to ADMINS ("Name <email>",
# comma-separated); Sentry when SENTRY_DSN is set. Reports never carry a reader's words,
# email or address (config/observability.py).
ADMINS = [parseaddr(admin) for admin in env.list("ADMINS", default=[])]
LOGGING = logging_config(
    log_format=env.str("LOG_FORMAT", default="plain"),
    level=env.str("LOG_LEVEL", default="WARNING"),
    admins=ADMINS,
)
DEFAULT_EXCEPTION_REPORTER_FILTER = "config.observability.PrivateExceptionReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "config.observability.PrivateExceptionReporter"
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    init_sentry(SENTRY_DSN, environment=ENVIRONMENT, release=env.str("HAVEN_RELEASE", default=None))

# Comments: see README "Settings".
COMMENTS_MODERATION = env.str("COMMENTS_MODERATION", default="all")  # all | first_time | none
COMMENTS_MIN_SECONDS = env.int("COMMENTS_MIN_SECONDS", default=3)
COMMENTS_FORM_MAX_AGE = env.int("COMMENTS_FORM_MAX_AGE", default=2 * 24 * 3600)
COMMENTS_MAX_DEPTH = env.int("COMMENTS_MAX_DEPTH", default=3)
COMMENTS_RATE = env.str("COMMENTS_RATE", default="5/10m")
COMMENTS_REPORT_RATE = env.str("COMMENTS_REPORT_RATE", default="10/1h")  # reports per reader
COMMENTS_MAX_LINKS = env.int("COMMENTS_MAX_LINKS", default=2)
# About 50 comments a page in threads of 2-3: long enough to read on, short on a phone.
COMMENTS_THREADS_PER_PAGE = env.int("COMMENTS_THREADS_PER_PAGE", default=20)
COMMENTS_TREE_CACHE = env.bool("COMMENTS_TREE_CACHE", default=True)
# Reader pages stored whole for readers with no session (pagecache.pages); off only to debug.
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
# How long a browser or shared cache may keep a page every anonymous reader sees before asking
# again (then a 304 when nothing changed); pages that may be one person's own are never kept.
HTTP_CACHE_SECONDS = env.int("HTTP_CACHE_SECONDS", default=60)
HTTP_PRIVATE_PATHS = ["/admin/", "/moderation/", "/accounts/", "/privacy/"]
COMMENTS_EDIT_MINUTES = env.int("COMMENTS_EDIT_MINUTES", default=15)
COMMENTS_PURGE_DAYS = env.int("COMMENTS_PURGE_DAYS", default=30)
# Imported comments older than this count as answered: they never flood "Unanswered".
COMMENTS_IMPORT_ANSWERED_DAYS = env.int("COMMENTS_IMPORT_ANSWERED_DAYS", default=30)
COMMENTS_IP_RETENTION_DAYS = env.int("COMMENTS_IP_RETENTION_DAYS", default=30)
COMMENTS_EMAIL_RETENTION_DAYS = env.int("COMMENTS_EMAIL_RETENTION_DAYS", default=0)  # 0 = keep
COMMENTS_MODERATOR_EMAILS = env.str("COMMENTS_MODERATOR_EMAILS", default="immediate")  # or digest
CRISIS_RESOURCE_STALE_DAYS = 180
# The crisis classifier that can only raise a level (docs/crisis.md), off by default: the shipped
# model is support/detection/data/crisis_classifier.npz; a missing file runs without it.
CRISIS_CLASSIFIER_PATH = env.str("CRISIS_CLASSIFIER_PATH", default="")

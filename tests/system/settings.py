"""Settings for the gunicorn processes the system tests start: production settings, plus

* the reliability middleware (comments/middleware.py), until config/settings.py lists it;
* django-redis not logging every operation that fails while Redis is down (thousands of
  lines a minute): the rate limiter logs the outage once per process instead;
* unhashed static files: there is no collectstatic in a test run, and the manifest storage
  refuses to render ``{% static %}`` without its manifest.
"""

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE, STORAGES

RELIABILITY_MIDDLEWARE = [
    "comments.middleware.RequestLimitsMiddleware",
    "comments.middleware.DatabaseUnavailableMiddleware",
]
MIDDLEWARE = MIDDLEWARE + [path for path in RELIABILITY_MIDDLEWARE if path not in MIDDLEWARE]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False

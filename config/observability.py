"""What operators see: request ids, JSON log lines, and error reports without readers' words.

A reader's comment, email address and IP address must never leave the site in an error report:
not in the error mail to ADMINS, not in a Sentry event. Logs carry a request id so one
request's lines can be found together (nginx passes its $request_id as X-Request-ID).
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

request_id_var = contextvars.ContextVar("request_id", default="-")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
SCRUBBED = "[scrubbed]"
_EMAIL = re.compile(r"[^\s@<>\"'(),;:]+@[^\s@<>\"'(),;:]+\.[A-Za-z]{2,}")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f:]{0,4}(?![\w:])")
# Request headers that say nothing about who the reader is.
_SAFE_HEADERS = {"accept", "accept-language", "content-length", "content-type", "host"}


class RequestIdMiddleware:
    """Give each request an id (the proxy's, when well formed) for its logs and its response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request.id
        return response


class RequestIdFilter(logging.Filter):
    """Stamp every log record with the id of the request it was written in ("-" outside one)."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line, for log collectors (LOG_FORMAT=json)."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(*, log_format, level, admins):
    """The LOGGING setting: console lines (plain or JSON) and, with ADMINS, error mail."""
    handlers = {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if log_format == "json" else "plain",
        }
    }
    if admins:
        handlers["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "include_html": False,  # the HTML report lists settings and locals; text is enough
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "config.observability.RequestIdFilter"}},
        "formatters": {
            "plain": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {"()": "config.observability.JsonFormatter"},
        },
        "handlers": handlers,
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.request": {
                "handlers": ["console", *(["mail_admins"] if admins else [])],
                "level": "ERROR",
                "propagate": False,
            }
        },
    }


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports (mail to ADMINS, the DEBUG page) without form data, locals or addresses."""

    hidden_meta = (
        "REMOTE_ADDR",
        "HTTP_X_FORWARDED_FOR",
        "HTTP_X_REAL_IP",
        "HTTP_COOKIE",
        "QUERY_STRING",
        "RAW_URI",
        "REQUEST_URI",
    )

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        return {
            key: self.cleansed_substitute if key in self.hidden_meta else value
            for key, value in meta.items()
        }

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


class PrivateExceptionReporter(ExceptionReporter):
    """The error report's text without the query string or the exception's detail lines."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if data.get("exception_value"):
            data["exception_value"] = str(data["exception_value"]).splitlines()[0][:200]
        if self.request is not None:
            data["request_GET_items"] = [(k, SCRUBBED) for k in self.request.GET]
            data["request_COOKIES_items"] = [(k, SCRUBBED) for k in self.request.COOKIES]
            data["request_insecure_uri"] = self.request.path
        return data


def scrub_text(text):
    """Replace email and IP addresses in a string."""
    return _IPV6.sub(SCRUBBED, _IPV4.sub(SCRUBBED, _EMAIL.sub(SCRUBBED, text)))


def _scrub(value):
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items() if key != "vars"}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def scrub_sentry_event(event, hint=None):
    """Sentry's before_send: drop what can hold a reader's words or identity, scrub the rest.

    Gone: the request body, cookies, environment and identifying headers, the user, frames'
    local variables, SQL breadcrumbs (their parameters are comment text) and every line of an
    exception message after the first (database errors repeat the offending row there).
    """
    request = event.get("request") or {}
    for key in ("data", "cookies", "env"):
        request.pop(key, None)
    if "headers" in request:
        request["headers"] = {
            name: value
            for name, value in request["headers"].items()
            if name.lower() in _SAFE_HEADERS
        }
    if request.get("query_string"):
        request["query_string"] = SCRUBBED
    event.pop("user", None)
    breadcrumbs = event.get("breadcrumbs") or {}
    if isinstance(breadcrumbs, dict) and "values" in breadcrumbs:
        breadcrumbs["values"] = [
            crumb for crumb in breadcrumbs["values"] if crumb.get("category") != "query"
        ]
    for exception in (event.get("exception") or {}).get("values", []):
        if exception.get("value"):
            exception["value"] = exception["value"].splitlines()[0][:200]
    return _scrub(event)


def init_sentry(dsn, *, environment, release, transport=None):
    """Report errors to Sentry when SENTRY_DSN is set, scrubbed by scrub_sentry_event."""
    import sentry_sdk  # only when a DSN is configured: the site runs without Sentry
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],  # SQL parameters are off by default
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_sentry_event,
        before_send_transaction=scrub_sentry_event,
        traces_sample_rate=0.0,
        transport=transport,
    )

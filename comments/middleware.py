"""Calm answers when a request is too big or the database is away.

A reader's words must never be lost: if PostgreSQL is restarting when a comment is sent, the
writer gets a 503 page with their text in a form they can send again, not an error trace.
Oversized posts are refused before any view reads them (413), and a form with more fields
than any of ours is refused with a plain explanation (400). A session that cannot be saved
because the database went away after the view did its work does not turn that work into an
error page.
"""

import io
import logging

from django.conf import settings
from django.contrib.sessions import middleware as sessions
from django.contrib.sessions.exceptions import SessionInterrupted
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.handlers.wsgi import LimitedStream
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
RESENT_FIELDS = ("name", "email", "url", "parent", "security", "content_note", "notify", "remember")
_outage = {"logged": False}


def problem_page(request, status, *, title, message, kept=None):
    """A standalone page (no context processors: they need the database we may not have)."""
    context = {"title": title, "message": message, "status": status, **(kept or {})}
    if kept and kept.get("resend_to"):
        context["csrf_token"] = get_token(request)
    response = HttpResponse(render_to_string("503.html", context), status=status)
    response["Cache-Control"] = "no-store"
    return response


def _content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _chunked(request):
    return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()


def body_limit(request):
    """Bytes a request may send: ADMIN_UPLOAD_MAX_BYTES for staff in the admin, else the cap."""
    if request.path.startswith(reverse("admin:index")):
        user = getattr(request, "user", None)
        if user is not None and user.is_staff:
            return settings.ADMIN_UPLOAD_MAX_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class RequestLimitsMiddleware:
    """413 for any body over the cap, before it is read; 400 for too many fields.

    Whatever the content type: multipart file data counts too (Django's own limit skips it).
    A chunked body has no Content-Length, so at most cap + 1 bytes of it are read to know.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = self.refusal(request)
        if refusal is not None:
            return refusal
        return self.get_response(request)

    def refusal(self, request):
        if request.method in ("GET", "HEAD") and not request.META.get("CONTENT_LENGTH"):
            if not _chunked(request):
                return None  # no body: nothing to limit (most requests: readers' pages)
        limit = body_limit(request)
        if limit is not None:
            if _content_length(request) > limit:
                return self.too_big(request)
            if _chunked(request) and not request.META.get("CONTENT_LENGTH"):
                data = request.environ["wsgi.input"].read(limit + 1)
                if len(data) > limit:
                    return self.too_big(request)
                request._stream = LimitedStream(io.BytesIO(data), len(data))
                request.META["CONTENT_LENGTH"] = str(len(data))
        if request.method != "POST":
            return None
        try:
            request.POST  # noqa: B018 -- parse here (CSRF would next), answering limits kindly
        except RequestDataTooBig:
            return self.too_big(request)
        except TooManyFieldsSent:
            return problem_page(
                request,
                400,
                title=gettext("This form could not be read"),
                message=gettext(
                    "It sent far more fields than any form on this site has, so nothing "
                    "was saved. Please go back, reload the page and try again."
                ),
            )
        return None

    @staticmethod
    def too_big(request):
        return problem_page(
            request,
            413,
            title=gettext("That was too much to send at once"),
            message=gettext(
                "Nothing was saved: a comment can be up to 10,000 characters. If you "
                "were writing one, go back: this browser keeps a draft of it. You can shorten "
                "it or send it in two parts."
            ),
        )


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into a calm 503, handing back any comment text.

    Logged once per outage and process, not once per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _outage["logged"] and response.status_code < 500:
            _outage["logged"] = False
            log.warning("database reachable again")
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if not _outage["logged"]:
            _outage["logged"] = True
            log.warning("database unavailable, answering 503: %s", exception)
        kept = _kept_text(request)
        if kept:
            message = gettext(
                "The site is restarting part of itself; it usually takes under a minute. "
                "Your words are below: nothing you wrote has been lost."
            )
        else:
            message = gettext(
                "The site is restarting part of itself; it usually takes under a minute. "
                "Please try again shortly."
            )
        response = problem_page(
            request,
            503,
            title=gettext("We can't save or show this right now"),
            message=message,
            kept=kept,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def _kept_text(request):
    """The writer's text, and for a comment the fields to send it again as it was."""
    if request.method != "POST":
        return {}
    try:
        body = request.POST.get("body", "")
    except Exception:  # unreadable body: nothing to hand back
        return {}
    if not body:
        return {}
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name != "comments:post":
        return {"kept_text": body}
    fields = {name: request.POST.get(name, "") for name in RESENT_FIELDS}
    return {"kept_text": body, "resend_to": request.path, "resend_fields": fields}


class SessionMiddleware(sessions.SessionMiddleware):
    """Django's, except when the database goes away between the view and the session save.

    The view has already done its work then (a comment may be stored), so the answer it gave
    stands, without the session cookie: Django's own answer would be a 400 ("session
    interrupted") or a 500 for a comment that was in fact saved. A session deleted by a
    concurrent logout, with the database up, is still refused as Django refuses it.
    """

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except (SessionInterrupted, OperationalError, InterfaceError) as exc:
            if not _database_gone(exc):
                raise
            log.warning("session not saved, database unavailable; the answer stands: %s", exc)
            return response


def _database_gone(exc):
    """Was ``exc`` caused, however deep in its chain, by a lost database connection?"""
    while exc is not None:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False

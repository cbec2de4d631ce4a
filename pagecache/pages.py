"""Reader pages rendered once and served from the cache to every reader the site knows nothing of.

Most readers arrive with no session, no saved name and no message waiting: for the same address
and support region they all see the same page, but for the comment form's signed timestamp,
the CSRF token (left empty unless the reader already holds its cookie, so the page sets none)
and, on a post, the comments. Such a page is rendered with markers in those places, stored as
its parts, and joined with fresh values on each request; the caller supplies those values (on
a post, its comments). Each answer carries validators made from the entry (http.py), so a
reader whose copy is current gets a 304. A reader with any other cookie or query gets a full
render.

Nothing can go stale: every key holds the versions of what the page was built from, and each
change bumps one (the apps that own the content bump CONTENT_VERSION and LISTS_VERSION; an app
whose data changes every page, like the reader's support region, registers with ``vary_on``;
a new release changes BUILD_ID). This module knows nothing of the apps that use it.
"""

import datetime
import hashlib
import os
import re
import time
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from .http import Validators, mark_shared, not_modified
from .versions import SITE_SETTINGS_VERSION, CacheVersion, current_versions, versioned

CONTENT_VERSION = CacheVersion("blog:content-version")
LISTS_VERSION = CacheVersion("blog:lists-version")
PAGE_TTL = 3600
MARK = "\x00haven:{}\x00"  # forms refuse NUL, so only these markers hold one
CSRF_MARK = MARK.format("csrf")
SECURITY_MARK = MARK.format("security")
COMMENTS_MARK = MARK.format("comments")
_SPLIT = re.compile("(\x00haven:[a-z]+\x00)")
_CSRF_MARK_BYTES = CSRF_MARK.encode()


BUILD_SUFFIXES = (".py", ".html", ".css", ".js", ".json", ".po")
# Not part of what a server runs (and bench/results changes with every benchmark).
BUILD_SKIP = {"tests", "bench", "node_modules", "__pycache__", "media", "staticfiles"}


def code_files(root):
    """The project's code, templates and static files under ``root``, by relative path."""
    root = Path(root)
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in BUILD_SKIP and not d.startswith("."))
        for name in files:
            if name.endswith(BUILD_SUFFIXES):
                path = Path(folder, name)
                found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


def build_id(root=None, release=None):
    """Names the release running: a deploy never serves pages of the one before.

    ``HAVEN_RELEASE`` when set (e.g. a git tag or commit); else a hash of the contents of the
    code, templates and static files, in order of their relative paths, so every server built
    from the same code, wherever it sits on disk, shares the stored pages.
    """
    release = os.environ.get("HAVEN_RELEASE", "") if release is None else release
    if release:
        return hashlib.blake2b(release.encode(), digest_size=8).hexdigest()
    digest = hashlib.blake2b(digest_size=8)
    for relative, path in code_files(root or settings.BASE_DIR):
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


BUILD_ID = build_id()


# What else makes pages differ, registered by the apps that own it: a cookie a shared page may
# carry, the versions it depends on, and a function (request, their numbers) -> a key part.
_variations = []


def vary_on(*, versions, part, cookie=None):
    """Register what else every stored page depends on (e.g. the reader's support region)."""
    _variations.append((cookie, tuple(versions), part))


def shared_cookies():
    """Cookies that leave a reader's page the one every reader sees: CSRF and ``vary_on`` ones."""
    return _shared_cookies(settings.CSRF_COOKIE_NAME, len(_variations))


@lru_cache(maxsize=4)
def _shared_cookies(csrf_cookie, _registered):
    return frozenset({csrf_cookie, *(cookie for cookie, _v, _p in _variations if cookie)})


def is_shared(request, params=()):
    """True when this request's page is the one every anonymous reader of the address sees.

    Only the CSRF cookie and cookies registered with ``vary_on`` are allowed (any other means a
    session, a saved name or a message), and only the query parameters ``params`` (e.g. ``cpage``).
    """
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and (not request.COOKIES or request.COOKIES.keys() <= shared_cookies())
        and (not request.META.get("QUERY_STRING") or request.GET.keys() <= set(params))
    )


def page_key(request, *parts, versions=(), also=(), varied=True):
    """(key of this address's page for the current versions and variations, [also's values]).

    Every version is read in one cache round trip: the page's own, and ``also`` (versions the
    caller needs next, e.g. the post's comment tree), which are returned, not put in the key.
    ``varied=False``: the page is the same for every reader (a feed), whatever ``vary_on`` says.
    """
    variations = _variations if varied else []
    registered = [version for _c, vs, _p in variations for version in vs]
    own = [CONTENT_VERSION, SITE_SETTINGS_VERSION, *registered, *versions]
    numbers = current_versions([*own, *also])
    keyed, extra = numbers[: len(own)], numbers[len(own) :]
    if 0 in numbers:  # the cache is down: never store under a version that may repeat
        return None, extra
    year = _this_year()  # the footer's copyright line
    varied_parts, start = [], 2
    for _cookie, vs, part in variations:
        varied_parts.append(part(request, keyed[start : start + len(vs)]))
        start += len(vs)
    # The language too: it is the site's (settings), but a restart in another one must not
    # serve pages stored in the first.
    language = get_language()
    key = ":".join(
        map(str, ("page", BUILD_ID, language, request.path, *parts, *varied_parts, year, *keyed))
    )
    return key, extra


_year = {"zone": None, "year": 0, "until": 0.0}


def _this_year():
    """The local year, worked out again only once it may have ended (a clock, not a calendar)."""
    zone, now = timezone.get_current_timezone(), time.time()
    if zone is not _year["zone"] or not now < _year["until"]:
        year = timezone.localdate().year
        new_year = datetime.datetime(year + 1, 1, 1, tzinfo=zone)
        _year.update(zone=zone, year=year, until=new_year.timestamp())
    return _year["year"]


def store(key, response, **extra):
    """Keep a rendered 200 page as parts split at the markers; return the entry.

    The entry also holds a digest of its text and when it was made: the page's HTTP
    validators (http.Validators) start from them.
    """
    text = response.content.decode()
    entry = {
        # Kept encoded: turning 90 KB of text with one curly quote into UTF-8 cost more than
        # the rest of a stored page's request.
        "parts": [part.encode() for part in _SPLIT.split(text)],
        "digest": hashlib.blake2b(text.encode(), digest_size=12).hexdigest(),
        "stored_at": time.time(),
        "content_type": response.get("Content-Type"),
        **extra,
    }
    if key is not None and response.status_code == 200:
        versioned.set(key, entry, PAGE_TTL)
    return entry


def fetch(key, *also):
    """(the stored page entry or None, {key: value} of ``also`` found), in one round trip.

    An entry past its ``valid_until`` is a miss.
    """
    found = versioned.get_many([key, *also] if key is not None else list(also))
    entry = found.pop(key, None)
    if entry is not None and entry.get("valid_until") and timezone.now() >= entry["valid_until"]:
        entry = None
    return entry, found


@lru_cache(maxsize=128)
def _encoded(value):
    """A marker's value as UTF-8, encoded once per process: the same kept comment block (one
    object, its hash cached) comes back on every request until its tree changes."""
    return value.encode()


def _holds_csrf_cookie(request):
    return settings.CSRF_COOKIE_NAME in request.COOKIES


def validators(request, entry, parts=(), times=()):
    """The stored page's ETag and Last-Modified, with ``parts``/``times`` filled in per request.

    A reader who holds a CSRF cookie gets their token in the page, so their copy is keyed by
    it too (and is private: see middleware.PrivateResponsesMiddleware).
    """
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return Validators(
        [entry["digest"], *parts, hashlib.blake2b(csrf.encode()).hexdigest() if csrf else ""],
        [entry["stored_at"], *times],
    )


def respond(request, entry, checked=None, **values):
    """The stored page with ``values`` in place of the markers, and its HTTP caching headers.

    The CSRF token is filled in only for a reader who already holds the cookie: a page that
    set one could not be kept by a shared cache. Everyone else's form gets its token when they
    start writing (comments.js asks /comments/csrf/), or from the page a refused POST hands
    back. ``checked``: the validators the caller already compared (http.not_modified).
    """
    parts = entry["parts"]  # text, marker, text, ... as bytes: markers sit at the odd places
    fill = {MARK.format(name).encode(): _encoded(value) for name, value in values.items()}
    if _CSRF_MARK_BYTES in parts[1::2]:
        fill[_CSRF_MARK_BYTES] = get_token(request).encode() if _holds_csrf_cookie(request) else b""
    parts = [fill.get(part, b"") if i % 2 else part for i, part in enumerate(parts)]
    response = HttpResponse(b"".join(parts), content_type=entry.get("content_type"))
    return mark_shared(response, checked or validators(request, entry))


def serve(request, key, build, *, vary=("Cookie", "Accept-Language"), valid_until=None):
    """A whole response stored under ``key`` (no markers), with conditional GET: e.g. a feed.

    ``build()`` makes the response on a miss; ``valid_until()`` says when it must be made anew.
    """
    entry, _ = fetch(key)
    if entry is None:
        response = build()
        if response.status_code != 200:
            return response
        entry = store(key, response, valid_until=valid_until() if valid_until else None)
    checked = validators(request, entry)
    answer = not_modified(request, checked, vary)
    if answer is not None:
        return answer
    response = HttpResponse(b"".join(entry["parts"]), content_type=entry["content_type"])
    return mark_shared(response, checked, vary=vary)

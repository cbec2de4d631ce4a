"""HTTP caching for reader pages: validators, 304 answers and who may keep a copy.

A stored page (pages.py) is the same for every reader the site knows nothing of, so a browser
may revalidate it (ETag, Last-Modified: a 304 costs one read of the version counters) and a
shared cache may keep it for ``HTTP_CACHE_SECONDS``. Anything that may be one person's own (a
POST answer, a page that sets a cookie, a page read with a session, the staff and privacy
pages) is ``private, no-store``: PrivateResponsesMiddleware decides that in one place.
"""

import hashlib
from functools import lru_cache

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

PRIVATE = "private, no-store"
SAFE_METHODS = ("GET", "HEAD")


class Validators:
    """A page's ETag and Last-Modified, made from what it was built from.

    ``parts``: anything whose change changes the page (the stored entry's digest, a comment
    tree's version...). ``times``: Unix times of those changes; the newest is Last-Modified.
    """

    __slots__ = ("etag", "last_modified")

    def __init__(self, parts, times):
        self.etag = _etag(tuple(parts))
        self.last_modified = int(max(times)) if times else None


@lru_cache(maxsize=256)
def _etag(parts):
    """Hashed once per process and set of parts: a busy page's parts stay the same for a while."""
    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(str(part).encode() + b"\0")
    return quote_etag(digest.hexdigest())


# The request headers get_conditional_response() reads: without any, it has nothing to answer.
_CONDITIONS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def not_modified(request, validators, vary=("Cookie", "Accept-Language")):
    """A 304 when the reader's copy is current (If-None-Match, else If-Modified-Since)."""
    if request.method not in SAFE_METHODS:
        return None
    if not any(name in request.META for name in _CONDITIONS):
        return None  # a first visit, or a client that keeps no copies
    answer = get_conditional_response(
        request, etag=validators.etag, last_modified=validators.last_modified
    )
    if answer is not None:
        mark_shared(answer, validators, vary)
    return answer


def mark_shared(response, validators, vary=("Cookie", "Accept-Language")):
    """Headers of a page any reader may be served: validators, a short public lifetime, Vary.

    ``vary``: the request headers that change the page (a session or region cookie, and the
    Accept-Language the support region is guessed from).
    """
    response["ETag"] = validators.etag
    if validators.last_modified is not None:
        response["Last-Modified"] = _http_date(validators.last_modified)
    response["Cache-Control"] = f"public, max-age={settings.HTTP_CACHE_SECONDS}"
    if vary and "Vary" in response:
        patch_vary_headers(response, vary)
    elif vary:
        response["Vary"] = ", ".join(vary)
    return response


@lru_cache(maxsize=64)
def _http_date(seconds):
    return http_date(seconds)


def time_of(version):
    """A version counter's value (pagecache.versions: the clock in ns at its bump) in seconds."""
    return version / 1e9 if version else 0

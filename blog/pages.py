"""Reader pages rendered once and served from the cache to every reader the site knows nothing of.

Most readers arrive with no session, no saved name and no message waiting: for the same address
and support region they all see the same page, but for two values made per request (the CSRF
token, and the comment form's signed timestamp) and, on a post, the comments. Such a page is
rendered with markers in those places, stored as its parts, and joined with fresh values on
each request; the comments come from comments.tree (cached by their own version, or read anew
when COMMENTS_TREE_CACHE is off). A reader with any other cookie or query gets a full render.

Nothing can go stale: every key holds the versions of what the page was built from, and each
change bumps one (blog.signals for posts, categories, tags, authors and site settings;
comments.tree.recount for the comment counts on lists; crisis resources; a new deploy).
"""

import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from .cache_versions import CacheVersion, current_versions, versioned

CONTENT_VERSION = CacheVersion("blog:content-version")
LISTS_VERSION = CacheVersion("blog:lists-version")
PAGE_TTL = 3600
MARK = "\x00haven:{}\x00"  # forms refuse NUL, so only these markers hold one
CSRF_MARK = MARK.format("csrf")
SECURITY_MARK = MARK.format("security")
COMMENTS_MARK = MARK.format("comments")
_SPLIT = re.compile("(\x00haven:[a-z]+\x00)")


def _build_id():
    """Names the code and templates running: a deploy never serves pages of the one before."""
    digest = hashlib.blake2b(digest_size=8)
    root = Path(settings.BASE_DIR)
    for folder in ("templates", "blog", "comments", "config", "static"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".html", ".py", ".css", ".js", ".json"):
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


BUILD_ID = _build_id()


def is_shared(request, params=()):
    """True when this request's page is the one every anonymous reader of the address sees.

    Only the CSRF and region cookies are allowed (any other means a session, a saved name or
    a message), and only the query parameters ``params`` (e.g. ``cpage``).
    """
    from comments.resources import REGION_COOKIE

    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME, REGION_COOKIE}
        and set(request.GET) <= set(params)
    )


def page_key(request, *parts, versions=(), also=()):
    """(key of this address's page for this region and the current versions, [also's values]).

    Every version is read in one cache round trip: the page's own, and ``also`` (versions the
    caller needs next, e.g. the post's comment tree), which are returned, not put in the key.
    """
    from comments.resources import RESOURCES_VERSION, region_for_request

    from .models import SITE_SETTINGS_VERSION

    own = [CONTENT_VERSION, RESOURCES_VERSION, SITE_SETTINGS_VERSION, *versions]
    numbers = current_versions([*own, *also])
    keyed, extra = numbers[: len(own)], numbers[len(own) :]
    if 0 in numbers:  # the cache is down: never store under a version that may repeat
        return None, extra
    year = timezone.localdate().year  # the footer's copyright line
    region = region_for_request(request, versions=keyed[1:3])
    key = ":".join(map(str, ("page", BUILD_ID, request.path, *parts, region, year, *keyed)))
    return key, extra


def store(key, response, **extra):
    """Keep a rendered 200 page as parts split at the markers; return the entry."""
    entry = {"parts": _SPLIT.split(response.content.decode()), **extra}
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


def respond(request, entry, **values):
    """The stored page with this request's CSRF token and ``values`` in place of the markers."""
    parts = entry["parts"]  # text, marker, text, ...: markers sit at the odd places
    fill = {MARK.format(name): value for name, value in values.items()}
    if CSRF_MARK in parts[1::2]:
        fill[CSRF_MARK] = get_token(request)
    parts = [fill.get(part, "") if i % 2 else part for i, part in enumerate(parts)]
    return HttpResponse("".join(parts))

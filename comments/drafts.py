"""Handing a writer's text back after a failed CSRF check, only to that writer's own browser.

A cross-site page can POST anything to the comment endpoint; if the CSRF-failure page filled
the form with it, a reader could be made to post someone else's words. So the text comes back
only when the POST came from a page of this site (Origin, or Referer when a browser sends no
Origin) and carries this browser's draft token: comments.js sets a random value both in the
form's ``draft`` field and in a SameSite=Strict cookie scoped to /comments/, which no other
site can read or set and which is never sent with a cross-site request. The cookie lives two
days at most (DRAFT_MAX_AGE in the script).

Without JavaScript there is no draft token, and a page kept by a cache carries no CSRF token
either (pagecache.pages.respond), so the first comment from it always fails the check. The
browser itself then vouches for the POST: ``Sec-Fetch-Site: same-origin`` is a header no page
can set or forge, sent by current browsers with every request, JavaScript or not.
"""

from urllib.parse import urlsplit

from django.core.exceptions import DisallowedHost
from django.utils.crypto import constant_time_compare

DRAFT_COOKIE = "haven_draft"
DRAFT_FIELD = "draft"
MIN_TOKEN_LENGTH = 32


def _same_origin(request):
    try:
        own = (request.scheme, request.get_host())
    except DisallowedHost:
        return False
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return (parts.scheme, parts.netloc) == own


def is_own_draft(request):
    """Did this browser, on a page of this site, send this POST?"""
    if not _same_origin(request):
        return False
    if request.headers.get("Sec-Fetch-Site") == "same-origin":
        return True
    cookie = request.COOKIES.get(DRAFT_COOKIE, "")
    sent = request.POST.get(DRAFT_FIELD, "")
    return len(cookie) >= MIN_TOKEN_LENGTH and constant_time_compare(cookie, sent)

"""Who wrote what, without keeping who they are.

IP addresses are kept only as keyed hashes (HMAC with the site's secret), and a browser is
recognised by a random token in its signed session cookie, also stored hashed.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

SESSION_TOKEN = "writer_token"
SESSION_OWN = "own_comments"


def keyed_hash(value, purpose):
    if not value:
        return ""
    key = f"{settings.SECRET_KEY}:{purpose}".encode()
    return hmac.new(key, str(value).encode(), hashlib.sha256).hexdigest()


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def ip_hash(request):
    return keyed_hash(client_ip(request), "ip")


def browser_token(request):
    """This browser's random token: the one in its session, or a new one not yet kept.

    A new token is kept (keep_browser_token) only once a comment is stored, so a refused
    submission (rate limit, duplicate) writes nothing, not even a session.
    """
    return request.session.get(SESSION_TOKEN) or secrets.token_hex(16)


def keep_browser_token(request, token):
    if request.session.get(SESSION_TOKEN) != token:
        request.session[SESSION_TOKEN] = token


def browser_hash(request, create=False, token=None):
    """A stable hash for this browser, from a random token kept in its session."""
    token = token or request.session.get(SESSION_TOKEN)
    if token is None and create:
        token = request.session[SESSION_TOKEN] = secrets.token_hex(16)
    return keyed_hash(token, "browser")


def remember_own_comment(request, comment):
    own = dict(request.session.get(SESSION_OWN, {}))
    own[str(comment.pk)] = int(comment.created_at.timestamp())
    # Keep the cookie small: the newest 20 are plenty for "awaiting moderation" and edits.
    request.session[SESSION_OWN] = dict(sorted(own.items(), key=lambda kv: kv[1])[-20:])


def own_comment_ids(request):
    return [int(pk) for pk in request.session.get(SESSION_OWN, {})]


def own_comment_time(request, pk):
    return request.session.get(SESSION_OWN, {}).get(str(pk))

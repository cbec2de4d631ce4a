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


def browser_hash(request, create=False):
    """A stable hash for this browser, from a random token kept in its session."""
    token = request.session.get(SESSION_TOKEN)
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

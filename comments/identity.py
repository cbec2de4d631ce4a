"""Who wrote what, without keeping who they are.

IP addresses are kept only as keyed hashes (HMAC with the site's secret), and a browser is
recognised by a random token in its signed session cookie, also stored hashed.
"""

import hashlib
import hmac
import ipaddress
import secrets
from functools import lru_cache

from django.conf import settings

SESSION_TOKEN = "writer_token"
SESSION_OWN = "own_comments"


def keyed_hash(value, purpose):
    if not value:
        return ""
    key = f"{settings.SECRET_KEY}:{purpose}".encode()
    return hmac.new(key, str(value).encode(), hashlib.sha256).hexdigest()


@lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _address(text):
    """An IP address from a header value, or None for anything else ("unknown", garbage)."""
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def client_ip(request):
    """The reader's address: the peer, or behind TRUSTED_PROXIES the nearest untrusted hop.

    X-Forwarded-For is read right to left (each proxy appends the address it saw), skipping
    only proxies we trust; a header sent by an untrusted peer is ignored, so nobody can choose
    the address their comments, limits and log-in attempts count against.
    """
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return ""
    trusted = _networks(tuple(settings.TRUSTED_PROXIES))

    def is_trusted(address):
        return any(address in network for network in trusted)

    if not is_trusted(peer):
        return str(peer)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = peer
    for hop in reversed(forwarded.split(",")[:64]):
        address = _address(hop)
        if address is None:  # a hop we cannot read: stop at the last one we could trust
            break
        client = address
        if not is_trusted(address):
            break
    return str(client)


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

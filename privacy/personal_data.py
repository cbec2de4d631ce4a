"""A commenter's data: what we hold under their email, its erasure, and how long we keep it.

Erasure goes through ``comments.transitions.erase`` for every comment, so each one leaves a
ModerationEvent and a removed placeholder that keeps the replies of others in their thread.
Links sent by email are signed, expire after a day, and carry nothing but the address.
"""

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from blog.models import Post
from comments import notifications, ratelimit, transitions, tree
from comments.models import Comment, ModerationEvent, OutgoingEmail, Report, Subscription
from comments.views import comments_key
from pagecache.versions import versioned

TOKEN_SALT = "haven.privacy.request"
TOKEN_MAX_AGE = 24 * 3600
ERASED_NOTE = "(text erased at the writer's request)"


def normalise_email(email):
    return (email or "").strip().lower()


def make_token(email):
    """A signed, day-long link token for ``email`` (the double opt-in)."""
    return signing.dumps({"email": normalise_email(email)}, salt=TOKEN_SALT, compress=True)


def read_token(token):
    """The email a token was made for, or None when it is forged, altered or expired."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    email = data.get("email") if isinstance(data, dict) else None
    return email or None


def comments_of(email):
    email = normalise_email(email)
    if not email:
        return Comment.objects.none()
    return Comment.objects.filter(author_email__iexact=email)


def subscriptions_of(email):
    return Subscription.objects.filter(email__iexact=normalise_email(email) or "-")


def emails_to(email):
    """Messages in the outbox addressed to ``email`` (the JSON list is matched exactly)."""
    email = normalise_email(email)
    if not email:
        return []
    candidates = OutgoingEmail.objects.filter(to__icontains=email)
    return [m for m in candidates if email in {normalise_email(t) for t in m.to}]


def has_data(email):
    return comments_of(email).exists() or subscriptions_of(email).exists()


def export_data(email):
    """Everything stored under ``email``, as JSON-serialisable data for its owner."""
    comments = comments_of(email).select_related("post").order_by("created_at", "pk")
    return {
        "email": normalise_email(email),
        "exported_at": timezone.now().isoformat(),
        "site": settings.SITE_URL,
        "about": gettext(
            "Every comment stored under this email address, with what we keep about it. "
            "IP addresses are never stored: only a keyed hash of one, for 30 days, against spam."
        ),
        "comments": [_comment_data(c) for c in comments],
        "subscriptions": [
            {
                "comment_id": s.comment_id,
                "created_at": _iso(s.created_at),
                "confirmed_at": _iso(s.confirmed_at),
                "unsubscribed_at": _iso(s.unsubscribed_at),
            }
            for s in subscriptions_of(email).order_by("created_at")
        ],
        "emails_sent": [
            {
                "kind": m.kind,
                "subject": m.subject,
                "created_at": _iso(m.created_at),
                "sent_at": _iso(m.sent_at),
            }
            for m in emails_to(email)
        ],
    }


def _comment_data(comment):
    return {
        "id": comment.pk,
        "post_title": comment.post.title,
        "post_url": settings.SITE_URL + comment.post.get_absolute_url(),
        "in_reply_to": comment.parent_id,
        "name": comment.author_name,
        "email": comment.author_email,
        "website": comment.author_url,
        "text": comment.body,
        "edit_waiting_for_review": comment.pending_body,
        "status": comment.status,
        "created_at": _iso(comment.created_at),
        "updated_at": _iso(comment.updated_at),
        "content_note": comment.content_note,
        "region": comment.region,
        "ip_address_hash": comment.ip_hash,
        "browser_hash": comment.browser_hash,
        "support_level": comment.crisis_level,
        "reply_emails_requested": comment.notify_replies,
    }


def _iso(value):
    return value.isoformat() if value else None


def erase_comments(email, *, actor=None, actor_label="privacy request"):
    """Erase every comment under ``email``: text, name, email, links; returns how many.

    Each goes through ``transitions.erase`` (event, placeholder, cache bump). Then every other
    copy goes: notes of the comment's events and reports, reply subscriptions, outbox messages
    to the address or quoting the text (moderator alerts, reply notices), and the cached
    comment pages built before the erasure.
    """
    with transaction.atomic():
        comments = list(comments_of(email).order_by("pk"))
        trees = {c.post_id: tree.tree_version(c.post_id) for c in comments}
        for comment in comments:
            transitions.erase(comment, actor=actor, actor_label=actor_label)
        forget_copies(comments, email)
        subscriptions_of(email).delete()
    transaction.on_commit(lambda: forget_cached_trees(trees))
    return len(comments)


def forget_copies(comments, email=""):
    """Delete or blank every stored copy of these comments' words and writer (as read before
    erasure): event and report notes, subscriptions and outbox messages."""
    pks = [c.pk for c in comments]
    ModerationEvent.objects.filter(comment_ref__in=pks).exclude(note="").exclude(
        action="erase"
    ).update(note=ERASED_NOTE)
    Report.objects.filter(comment_id__in=pks).exclude(note="").update(note=ERASED_NOTE)
    Subscription.objects.filter(comment_id__in=pks).delete()
    quoted = set()
    for comment in comments:
        for text in (notifications.excerpt(comment.body), comment.body.strip()):
            if len(text) >= 8:
                quoted |= set(
                    OutgoingEmail.objects.filter(body__contains=text).values_list("pk", flat=True)
                )
    addressed = [m.pk for m in emails_to(email)] if email else []
    OutgoingEmail.objects.filter(pk__in=quoted | set(addressed)).delete()


def forget_cached_trees(versions):
    """Delete the cached comment pages of ``{post_id: tree version before the erasure}``.

    A newer version already keys every page, but the old entries would sit in the cache with
    the erased words until they expire.
    """
    keys = []
    for post_id, version in versions.items():
        threads = Post.objects.filter(pk=post_id).values_list("comment_thread_count", flat=True)
        pages = max(1, -(-(threads.first() or 0) // settings.COMMENTS_THREADS_PER_PAGE)) + 1
        keys += [
            comments_key(post_id, version, page, is_open)
            for page in range(1, pages + 1)
            for is_open in (True, False)
        ]
    caches["default"].delete_many(keys)
    with versioned.lock:
        for key in keys:
            versioned.local.pop(key, None)


def purge_personal_data(now=None):
    """Apply the retention settings; safe to run as often as you like. Returns counts.

    IP hashes go after ``COMMENTS_IP_RETENTION_DAYS``; commenters' emails (and their reply
    subscriptions) after ``COMMENTS_EMAIL_RETENTION_DAYS`` when that is set (0 keeps them).
    """
    now = now or timezone.now()
    ip_limit = now - timezone.timedelta(days=settings.COMMENTS_IP_RETENTION_DAYS)
    counts = {
        "comment_ip_hashes": Comment.objects.filter(created_at__lt=ip_limit)
        .exclude(ip_hash="")
        .update(ip_hash=""),
        "report_ip_hashes": Report.objects.filter(created_at__lt=ip_limit)
        .exclude(ip_hash="")
        .update(ip_hash=""),
        "emails": 0,
        "subscriptions": 0,
        "rate_counters": ratelimit.purge_expired(now),
        # Sent mail holds addresses and excerpts: kept no longer than the IP hashes.
        "sent_emails": OutgoingEmail.objects.filter(sent_at__lt=ip_limit).delete()[0],
    }
    if settings.COMMENTS_EMAIL_RETENTION_DAYS > 0:
        email_limit = now - timezone.timedelta(days=settings.COMMENTS_EMAIL_RETENTION_DAYS)
        old = Comment.objects.filter(created_at__lt=email_limit)
        addresses = set(old.exclude(author_email="").values_list("author_email", flat=True))
        OutgoingEmail.objects.filter(
            pk__in=[m.pk for address in addresses for m in emails_to(address)]
        ).delete()
        counts["subscriptions"] = Subscription.objects.filter(comment__in=old).delete()[0]
        counts["emails"] = old.exclude(author_email="").update(author_email="")
    return counts

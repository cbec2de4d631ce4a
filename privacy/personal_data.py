"""A commenter's data: what we hold under their email, its erasure, and how long we keep it.

Erasure goes through ``comments.transitions.erase`` for every comment, so each one leaves a
ModerationEvent and a removed placeholder that keeps the replies of others in their thread.
Links sent by email are signed, expire after a day, and carry nothing but the address.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from comments import transitions
from comments.models import Comment, ModerationEvent, OutgoingEmail, Report, Subscription

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

    Each goes through ``transitions.erase`` (event, placeholder, cache bump). Earlier edit
    events keep a comment's original text in their note, so those notes go too; reply
    subscriptions and outbox messages addressed to the email are deleted.
    """
    with transaction.atomic():
        erased = 0
        for comment in comments_of(email).order_by("pk"):
            transitions.erase(comment, actor=actor, actor_label=actor_label)
            ModerationEvent.objects.filter(
                comment=comment, action=ModerationEvent.Action.EDIT
            ).update(note=ERASED_NOTE)
            erased += 1
        subscriptions_of(email).delete()
        OutgoingEmail.objects.filter(pk__in=[m.pk for m in emails_to(email)]).delete()
    return erased


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
    }
    if settings.COMMENTS_EMAIL_RETENTION_DAYS > 0:
        email_limit = now - timezone.timedelta(days=settings.COMMENTS_EMAIL_RETENTION_DAYS)
        old = Comment.objects.filter(created_at__lt=email_limit)
        counts["subscriptions"] = Subscription.objects.filter(comment__in=old).delete()[0]
        counts["emails"] = old.exclude(author_email="").update(author_email="")
    return counts

"""Email, through an outbox so that an SMTP outage loses nothing.

Every message is stored first, then sent; a failed send stays unsent and
``manage.py send_pending_notifications`` retries it. A message is marked sent in the same
statement that claims it, so two senders never send it twice. Subjects never name a post's
topic: an inbox can be read over someone's shoulder.
"""

import logging
from collections import Counter
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Comment, OutgoingEmail, Subscription

log = logging.getLogger(__name__)
EXCERPT_WORDS = 25


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def excerpt(text):
    return Truncator(" ".join(text.split())).words(EXCERPT_WORDS)


def queue_email(*, kind, to, subject, body, headers=None, send_now=True, topic="", not_before=None):
    """Store a message in the outbox and, after the transaction commits, try to send it.

    Robust: if that try fails (the database gone a moment after the commit), the message
    waits in the outbox for send_pending_notifications; the writer's request still succeeds.
    ``topic`` names what the message is about, for coalescing; ``not_before`` holds it back.
    """
    message = OutgoingEmail.objects.create(
        kind=kind,
        to=list(to),
        subject=subject,
        body=body,
        headers=headers or {},
        topic=topic,
        not_before=not_before,
    )
    if send_now:
        transaction.on_commit(lambda: deliver(message.pk), robust=True)
    return message


class Delivery(StrEnum):
    """What deliver() did. SKIPPED is no failure: another run had claimed the message."""

    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


def due():
    """Messages that may go now: not held back for later (see alert_worried)."""
    return Q(not_before=None) | Q(not_before__lte=timezone.now())


def deliver(pk):
    """Send one stored message at most once; on failure leave it for a retry."""
    claimed = OutgoingEmail.objects.filter(due(), pk=pk, sent_at=None).update(
        sent_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return Delivery.SKIPPED
    message = OutgoingEmail.objects.get(pk=pk)
    try:
        EmailMessage(
            subject=message.subject, body=message.body, to=message.to, headers=message.headers
        ).send()
    except Exception as exc:  # SMTP down, refused, timed out: keep it for later.
        log.warning("email %s not sent: %s", pk, exc)
        OutgoingEmail.objects.filter(pk=pk).update(sent_at=None, last_error=str(exc)[:500])
        return Delivery.FAILED
    return Delivery.SENT


def send_pending(limit=500):
    """Retry every unsent message, oldest first. Returns (sent, failed, skipped).

    A message another run claims between our listing and our claim is skipped, not failed.
    """
    pks = (
        OutgoingEmail.objects.filter(due(), sent_at=None)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    outcomes = Counter(deliver(pk) for pk in pks)
    return outcomes[Delivery.SENT], outcomes[Delivery.FAILED], outcomes[Delivery.SKIPPED]


def moderator_addresses():
    users = get_user_model().objects.filter(
        Q(groups__permissions__codename="moderate_comment")
        | Q(user_permissions__codename="moderate_comment")
        | Q(is_superuser=True),
        is_active=True,
    )
    return sorted({u.email for u in users.distinct() if u.email})


def queue_link(comment):
    return absolute(reverse("moderation:queue") + f"?focus={comment.pk}#item-{comment.pk}")


def notify_moderators(comment, *, proposed_edit=None):
    """A held comment: crisis ones at once and marked so; others now or in the digest.

    ``proposed_edit``: the text of a writer's held edit of an approved comment, alerted the
    same way as a new comment with those words.
    """
    to = moderator_addresses()
    if not to:
        return None
    urgent = comment.crisis_rank >= 2
    if not urgent and settings.COMMENTS_MODERATOR_EMAILS == "digest":
        return None
    subject = "[Urgent: crisis flag] A comment needs you now" if urgent else "A comment is waiting"
    body = (
        f"{comment.author_name} wrote (excerpt): {excerpt(comment.body)}\n\n"
        f"Open it in the queue: {queue_link(comment)}\n"
    )
    if proposed_edit is not None:
        body = _(
            "%(name)s edited their approved comment. Readers still see the approved text; the "
            "edit waits for you (excerpt): %(excerpt)s\n\nOpen it in the queue: %(link)s\n"
        ) % {
            "name": comment.author_name,
            "excerpt": excerpt(proposed_edit),
            "link": queue_link(comment),
        }
    if urgent:
        body = (
            f"This comment reads as {comment.crisis_level}. The writer was shown support "
            f"resources straight away; they may need a reply soon.\n\n{body}"
        )
    return queue_email(kind="moderation", to=to, subject=subject, body=body)


WORRIED_EVERY = timedelta(hours=1)


def _worried_message(comment, readers):
    subject = _("[Urgent: readers are worried] A comment needs you now")
    count = ngettext(
        "%(count)d reader has said they are worried about the person who wrote this comment.",
        "%(count)d readers have said they are worried about the person who wrote this comment.",
        readers,
    ) % {"count": readers}
    body = _(
        "%(count)s They may need a reply soon.\n\n"
        "%(name)s wrote (excerpt): %(excerpt)s\n\nOpen it in the queue: %(link)s\n"
    ) % {
        "count": count,
        "name": comment.author_name,
        "excerpt": excerpt(comment.body),
        "link": queue_link(comment),
    }
    return str(subject), body


def alert_worried(comment):
    """Readers' "worried about this person" reports: one email per comment per hour.

    The first report emails at once. Later ones in the hour update the count of a message not
    sent yet, or queue one held back until the hour is up, which later reports update in turn;
    send_pending_notifications sends it then. Call with the comment's row locked.
    """
    from .reports import worried_readers

    to = moderator_addresses()
    if not to:
        return None
    subject, body = _worried_message(comment, worried_readers(comment))
    topic = f"worried:{comment.pk}"
    latest = OutgoingEmail.objects.filter(topic=topic).order_by("-pk").first()
    if latest is not None and latest.sent_at is None:
        updated = OutgoingEmail.objects.filter(pk=latest.pk, sent_at=None).update(
            subject=subject, body=body, to=to
        )
        if updated:  # not claimed by a sender meanwhile
            return latest
        latest.refresh_from_db()
    if latest is not None and latest.sent_at > timezone.now() - WORRIED_EVERY:
        return queue_email(
            kind="moderation", to=to, subject=subject, body=body, topic=topic,
            send_now=False, not_before=latest.sent_at + WORRIED_EVERY,
        )  # fmt: skip
    return queue_email(kind="moderation", to=to, subject=subject, body=body, topic=topic)


def send_digest():
    """One email listing every comment waiting for review (for the digest setting).

    Queued unsent: the caller delivers it, so it can report what actually happened.
    """
    waiting = list(Comment.objects.pending().order_by("created_at")[:200])
    to = moderator_addresses()
    if not waiting or not to:
        return None
    lines = [f"- {c.author_name}: {excerpt(c.body)}\n  {queue_link(c)}" for c in waiting]
    body = f"{len(waiting)} comment(s) are waiting for review.\n\n" + "\n".join(lines) + "\n"
    return queue_email(
        kind="digest",
        to=to,
        subject=f"{len(waiting)} comment(s) waiting",
        body=body,
        send_now=False,
    )


def request_subscription(comment):
    """Double opt-in: the first email only asks the writer to confirm."""
    import secrets

    subscription = Subscription.objects.create(
        comment=comment, email=comment.author_email, token=secrets.token_urlsafe(32)
    )
    link = absolute(reverse("comments:confirm_subscription", args=[subscription.token]))
    body = (
        "You asked to be told when someone replies to your comment.\n\n"
        f"Confirm with this link: {link}\n\n"
        "If this wasn't you, ignore this email and nothing more will be sent.\n"
    )
    queue_email(
        kind="confirm",
        to=[comment.author_email],
        subject="Please confirm reply notifications",
        body=body,
    )
    return subscription


def notify_reply_approved(reply):
    """Tell the parent comment's confirmed subscribers that a reply is visible."""
    if reply.parent_id is None:
        return 0
    subscriptions = Subscription.objects.filter(
        comment_id=reply.parent_id, confirmed_at__isnull=False, unsubscribed_at=None
    ).exclude(email__iexact=reply.author_email or "-")
    count = 0
    for subscription in subscriptions:
        unsubscribe = absolute(reverse("comments:unsubscribe", args=[subscription.token]))
        body = (
            f"{reply.author_name} replied to your comment:\n\n{excerpt(reply.body)}\n\n"
            f"Read it: {absolute(reply.get_absolute_url())}\n\n"
            f"Stop these emails with one click: {unsubscribe}\n"
        )
        queue_email(
            kind="reply",
            to=[subscription.email],
            subject="Someone replied to your comment",
            body=body,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        count += 1
    return count

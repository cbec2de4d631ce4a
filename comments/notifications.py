"""Email, through an outbox so that an SMTP outage loses nothing.

Every message is stored first, then handed to a background task (comments.tasks) that sends
it; a failed send stays unsent, the task retries it with backoff, and
``manage.py send_pending_notifications`` (or the scheduler every few minutes) retries it
too. A message is marked sent in the same statement that claims it, so two senders never
send it twice. Subjects never name a post's topic: an inbox can be read over someone's
shoulder. Moderators' mail is moderation.mail.
"""

import logging
import secrets
from collections import Counter
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext

from . import tasks  # a circle of modules, not of names: each uses the other at call time
from .models import OutgoingEmail, Subscription

log = logging.getLogger(__name__)
EXCERPT_WORDS = 25


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def excerpt(text):
    return Truncator(" ".join(text.split())).words(EXCERPT_WORDS)


def queue_email(
    *, kind, to, subject, body, headers=None, send_now=True, urgent=False, topic="", not_before=None
):
    """Store a message in the outbox and, after the transaction commits, enqueue its sending.

    The request never talks to SMTP (unless TASKS_BACKEND=immediate, for `make run`). Robust:
    if the enqueue fails, the message waits in the outbox for the scheduler's retry or
    send_pending_notifications; the writer's request still succeeds.
    ``topic`` names what the message is about, for coalescing; ``not_before`` holds it back
    (the scheduler's retry sends it once due). ``urgent`` marks a crisis alert.
    """
    message = OutgoingEmail.objects.create(
        kind=kind,
        to=list(to),
        subject=subject,
        body=body,
        headers=headers or {},
        urgent=urgent,
        topic=topic,
        not_before=not_before,
    )
    if send_now:
        transaction.on_commit(lambda: tasks.enqueue_delivery(message), robust=True)
    return message


class Delivery(StrEnum):
    """What deliver() did. SKIPPED is no failure: another run had claimed the message."""

    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


def due():
    """Messages that may go now: not held back for later (see moderation.mail.alert_worried)."""
    return Q(not_before=None) | Q(not_before__lte=timezone.now())


def deliver(pk):
    """Send one stored message at most once; on failure leave it for a retry.

    The row is read before it is claimed, so between the claim and the send only the send
    can fail (and that failure unclaims it): a database error never leaves a message marked
    sent that was not.
    """
    sendable = OutgoingEmail.objects.filter(due(), pk=pk, sent_at=None)
    message = sendable.first()
    if message is None:
        return Delivery.SKIPPED
    claimed = sendable.update(sent_at=timezone.now(), attempts=F("attempts") + 1)
    if not claimed:
        return Delivery.SKIPPED
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


def request_subscription(comment):
    """Double opt-in: the first email only asks the writer to confirm."""
    subscription = Subscription.objects.create(
        comment=comment, email=comment.author_email, token=secrets.token_urlsafe(32)
    )
    link = absolute(reverse("comments:confirm_subscription", args=[subscription.token]))
    body = gettext(
        "You asked to be told when someone replies to your comment.\n\n"
        "Confirm with this link: %(link)s\n\n"
        "If this wasn't you, ignore this email and nothing more will be sent.\n"
    ) % {"link": link}
    queue_email(
        kind="confirm",
        to=[comment.author_email],
        subject=gettext("Please confirm reply notifications"),
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
        body = gettext(
            "%(name)s replied to your comment:\n\n%(excerpt)s\n\n"
            "Read it: %(link)s\n\n"
            "Stop these emails with one click: %(unsubscribe)s\n"
        ) % {
            "name": reply.author_name,
            "excerpt": excerpt(reply.body),
            "link": absolute(reply.get_absolute_url()),
            "unsubscribe": unsubscribe,
        }
        queue_email(
            kind="reply",
            to=[subscription.email],
            subject=gettext("Someone replied to your comment"),
            body=body,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        count += 1
    return count

"""Moderators' mail: an alert for a comment that needs them, or one digest of what waits.

Sent through the comments' outbox (comments.notifications), so an SMTP outage loses nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from comments.models import Comment
from comments.notifications import absolute, excerpt, queue_email
from support.levels import CrisisLevel, rank


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


def notify_moderators(comment):
    """A held comment: crisis ones at once and marked so; others now or in the digest."""
    to = moderator_addresses()
    if not to:
        return None
    urgent = comment.crisis_rank >= rank(CrisisLevel.CRISIS)
    if not urgent and settings.COMMENTS_MODERATOR_EMAILS == "digest":
        return None
    subject = "[Urgent: crisis flag] A comment needs you now" if urgent else "A comment is waiting"
    body = (
        f"{comment.author_name} wrote (excerpt): {excerpt(comment.body)}\n\n"
        f"Open it in the queue: {queue_link(comment)}\n"
    )
    if urgent:
        body = (
            f"This comment reads as {comment.crisis_level}. The writer was shown support "
            f"resources straight away; they may need a reply soon.\n\n{body}"
        )
    return queue_email(kind="moderation", to=to, subject=subject, body=body)


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

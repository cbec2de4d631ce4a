"""Moderators' mail: an alert for a comment that needs them, or one digest of what waits.

Sent through the comments' outbox (comments.notifications), so an SMTP outage loses nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext

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
    if urgent:
        subject = gettext("[Urgent: crisis flag] A comment needs you now")
    else:
        subject = gettext("A comment is waiting")
    body = gettext("%(name)s wrote (excerpt): %(excerpt)s\n\nOpen it in the queue: %(link)s\n") % {
        "name": comment.author_name,
        "excerpt": excerpt(comment.body),
        "link": queue_link(comment),
    }
    if urgent:
        body = gettext(
            "This comment reads as %(level)s. The writer was shown support "
            "resources straight away; they may need a reply soon.\n\n%(body)s"
        ) % {"level": comment.get_crisis_level_display().lower(), "body": body}
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
    count = len(waiting)
    heading = ngettext(
        "%(count)s comment is waiting for review.",
        "%(count)s comments are waiting for review.",
        count,
    ) % {"count": count}
    body = heading + "\n\n" + "\n".join(lines) + "\n"
    return queue_email(
        kind="digest",
        to=to,
        subject=ngettext("%(count)s comment waiting", "%(count)s comments waiting", count)
        % {"count": count},
        body=body,
        send_now=False,
    )

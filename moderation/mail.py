"""Moderators' mail: an alert for a comment that needs them, or one digest of what waits.

Sent through the comments' outbox (comments.notifications), so an SMTP outage loses nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comments.models import Comment, OutgoingEmail
from comments.notifications import absolute, excerpt, queue_email
from comments.reports import worried_readers
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


def notify_moderators(comment, *, proposed_edit=None):
    """A held comment: crisis ones at once and marked so; others now or in the digest.

    ``proposed_edit``: the text of a writer's held edit of an approved comment, alerted the
    same way as a new comment with those words.
    """
    to = moderator_addresses()
    if not to:
        return None
    urgent = comment.crisis_rank >= rank(CrisisLevel.CRISIS)
    if not urgent and settings.COMMENTS_MODERATOR_EMAILS == "digest":
        return None
    if urgent:
        subject = _("[Urgent: crisis flag] A comment needs you now")
    else:
        subject = _("A comment is waiting")
    body = _("%(name)s wrote (excerpt): %(excerpt)s\n\nOpen it in the queue: %(link)s\n") % {
        "name": comment.author_name,
        "excerpt": excerpt(comment.body),
        "link": queue_link(comment),
    }
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
        body = _(
            "This comment reads as %(level)s. The writer was shown support "
            "resources straight away; they may need a reply soon.\n\n%(body)s"
        ) % {"level": comment.get_crisis_level_display().lower(), "body": body}
    return queue_email(kind="moderation", to=to, subject=subject, body=body, urgent=urgent)


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

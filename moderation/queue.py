"""What the moderation queue reads, and the one thing it writes itself: a moderator's reply.

Every read is a queryset that costs the same whatever the queue's length: one aggregate for all
the tab counts, one page of items with their post, parent and "returning writer" flag computed in
SQL, one query for the open reports of that page. State changes are not here: they go through
``comments.moderator_actions``.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import get_language_info, gettext, gettext_lazy, pgettext_lazy

from comments import moderator_actions, notifications, transitions
from comments.models import (
    Comment,
    ModerationEvent,
    Report,
    Subscription,
    needs_review_condition,
    staff_reply_exists,
    unanswered_condition,
)
from comments.policy import CRISIS_FLAG
from comments.threads import build_comment
from support.levels import CrisisLevel

from .labels import flag_label
from .models import display_name

Status = Comment.Status
PER_PAGE = 50


@dataclass(frozen=True)
class Tab:
    slug: str
    label: str
    empty: str


TABS = (
    Tab("review", gettext_lazy("Needs review"), gettext_lazy("Nothing is waiting for review.")),
    Tab(
        "unanswered",
        gettext_lazy("Unanswered"),
        gettext_lazy("Every approved comment has a reply from you, or needs none."),
    ),
    Tab(
        "approved",
        pgettext_lazy("queue tab", "Approved"),
        gettext_lazy("No approved comments match."),
    ),
    Tab("spam", pgettext_lazy("queue tab", "Spam"), gettext_lazy("No spam.")),
    Tab("removed", pgettext_lazy("queue tab", "Removed"), gettext_lazy("No removed comments.")),
)
TAB_SLUGS = {tab.slug for tab in TABS}


# The conditions behind each tab, shared by the lists and the one-query counts.
TAB_CONDITIONS = {
    "review": needs_review_condition(),
    "unanswered": unanswered_condition(),
    "approved": Q(status=Status.APPROVED),
    "spam": Q(status=Status.SPAM),
    "removed": Q(status=Status.REMOVED),
}


def tab_queryset(tab):
    """The comments of one tab, in the order a moderator should take them."""
    comments = Comment.objects.all()
    if tab == "review":
        return comments.needs_review()
    if tab == "unanswered":
        return comments.unanswered().order_by("created_at", "pk")
    return comments.filter(TAB_CONDITIONS[tab]).order_by("-created_at", "-pk")


def search(comments, query):
    """Name, email or text containing ``query`` (case-insensitive)."""
    query = (query or "").strip()
    if not query:
        return comments
    return comments.filter(
        Q(author_name__icontains=query)
        | Q(author_email__icontains=query)
        | Q(body__icontains=query)
        | Q(pending_body__icontains=query)
    )


def filtered(comments, *, query="", post_id=None):
    """Apply the queue's search box and post filter."""
    comments = search(comments, query)
    if post_id:
        comments = comments.filter(post_id=post_id)
    return comments


def tab_counts(*, query="", post_id=None):
    """Every tab's count, under the same search and post filter, in one query."""
    base = filtered(Comment.objects.all(), query=query, post_id=post_id)
    return base.aggregate(
        **{slug: Count("pk", filter=condition) for slug, condition in TAB_CONDITIONS.items()}
    )


def header_counts():
    """The count the site header shows moderators (one query)."""
    return {"needs_review": Comment.objects.filter(TAB_CONDITIONS["review"]).count()}


def with_writer_history(comments):
    """Annotate ``returning``: the same email or browser token has an approved comment before.

    The email counts only once confirmed, as in policy.is_returning_writer. Done in SQL so a
    page of 50 costs nothing extra; blank emails and tokens never match.
    """
    earlier = Comment.objects.approved().exclude(pk=OuterRef("pk"))
    confirmed = Subscription.objects.filter(
        email__iexact=OuterRef(OuterRef("author_email")), confirmed_at__isnull=False
    )
    by_email = (
        earlier.exclude(author_email="")
        .filter(author_email__iexact=OuterRef("author_email"))
        .filter(Exists(confirmed))
    )
    by_browser = earlier.exclude(browser_hash="").filter(browser_hash=OuterRef("browser_hash"))
    return comments.annotate(returning_by_email=Exists(by_email)).annotate(
        returning_by_browser=Exists(by_browser)
    )


def queue_items(comments):
    """Everything a queue item shows, joined or prefetched: no query per item."""
    open_reports = Report.objects.filter(resolved_at=None).order_by("created_at")
    return with_writer_history(
        comments.select_related("post", "parent")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_report_list"))
        .annotate(answered=staff_reply_exists())
    )


def waiting_time(since, now=None):
    """'3 days', '5 hours': how long a comment has waited since ``since``, to the largest unit."""
    now = now or timezone.now()
    if (now - since).total_seconds() < 60:  # not by comparing words: they are translated
        return gettext("under a minute")
    return timesince(since, now, depth=1).replace("\xa0", " ")


def language_name(code):
    """A comment's language in the moderator's language ("Italian"), or its code if unknown."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code or gettext("unknown")


def shown_flags(item):
    """The stored flags worth a chip: "crisis language: <level>" is left out while the crisis
    banner above says the comment's level (a moderator's "Not a crisis" hides the banner, and the
    chip then shows again as the record of why it was held)."""
    flags = item.flags or []
    if item.crisis_level and item.crisis_level != CrisisLevel.NONE:
        return [flag for flag in flags if not flag.startswith(CRISIS_FLAG)]
    return flags


def decorate(items, now=None):
    """Per-item values computed in Python from what was already loaded."""
    now = now or timezone.now()
    for item in items:
        # Waiting (for review, or on a report) counts from when it reached this site; otherwise
        # the age shown is the comment's own.
        item.is_waiting = item.status == Status.PENDING or bool(item.open_reports)
        item.waiting = waiting_time(item.waiting_since if item.is_waiting else item.created_at, now)
        item.flag_labels = [flag_label(flag) for flag in shown_flags(item)]
        item.pending_flag_labels = [flag_label(flag) for flag in item.pending_flags or []]
        item.returning = item.returning_by_email or item.returning_by_browser
        item.actions = [
            name
            for name in moderator_actions.TRANSITIONS
            if moderator_actions.action_applies(item, name)
        ]
        item.can_reply = item.status in (Status.PENDING, Status.APPROVED)
        item.edit_actions = list(moderator_actions.EDIT_DECISIONS) if item.pending_body else []
        item.language_name = language_name(item.crisis_language)
    return items


def activity(*, actor_id=None):
    """The audit log, newest first, optionally for one moderator."""
    events = ModerationEvent.objects.select_related("actor", "comment__post")
    if actor_id:
        events = events.filter(actor_id=actor_id)
    return events


def event_actors():
    """Users who appear in the audit log, for the activity page's filter (one query)."""
    from django.contrib.auth import get_user_model

    actors = ModerationEvent.objects.exclude(actor=None).values("actor_id")
    return get_user_model().objects.filter(pk__in=actors).order_by("username")


def staff_author_name(user):
    """The one place a staff reply's signature comes from: the moderator's display name."""
    return display_name(user)


def reply_as_staff(parent, *, user, body):
    """Post a moderator's reply, approved at once, without the reader-side rate limits.

    It enters through ``record_submission`` like every comment, and the parent's subscribers
    are told once the transaction commits.
    """
    with transaction.atomic():
        reply = build_comment(
            post_id=parent.post_id,
            parent=parent,
            author_name=staff_author_name(user)[:50],
            author_email=user.email or "",
            user=user,
            is_staff_reply=True,
            body=body,
            status=Status.APPROVED,
            flags=["staff"],
        )
        reply.save()
        transitions.record_submission(reply, actor=user, note="staff reply from the queue")
        transaction.on_commit(lambda: notifications.notify_reply_approved(reply), robust=True)
    return reply


def approve_and_reply(comment, *, user, body):
    """Approve ``comment`` (if it is not already) and answer it, all or nothing."""
    with transaction.atomic():
        if comment.status != Status.APPROVED:
            comment = moderator_actions.approve(comment, actor=user, note="approved with a reply")
        reply = reply_as_staff(comment, user=user, body=body)
    return comment, reply

"""What a moderator can do to a comment: approve, spam, remove, restore, judge a held edit, say
"not a crisis", set a content note, mark "no reply needed", dismiss a report.

The queue, its bulk actions and the admin all call these; each goes through
``transitions.transition``, so it leaves an event and retires any page it changes.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from support.detection import assess
from support.levels import CrisisLevel

from .models import Comment, ModerationEvent, Report
from .notifications import notify_reply_approved
from .transitions import transition

Status = Comment.Status
Action = ModerationEvent.Action


class NotAllowed(Exception):
    """A transition the rules forbid; the message says what to do instead."""


UNEDITED_IMMINENT = _(
    "This comment describes a plan, a method or a goodbye, so it is never published as "
    "written. Edit out any method detail first (or mark it as not a crisis), then approve it."
)


WRITER_DELETED = _(
    "Its writer deleted this comment, so it cannot be published again. It stays in the "
    "Removed tab for the audit log."
)


class WriterDeleted(NotAllowed):
    """Its writer deleted the comment: final for publication, whoever asks."""

    def __init__(self):
        super().__init__(WRITER_DELETED)


PUBLISHING = (Action.APPROVE, Action.RESTORE)


def _writer_deletion_forbids(comment, action):
    """A writer's deletion is final: no moderator publishes the comment again."""
    return comment.deleted_by_writer and action in PUBLISHING


NO_PENDING_EDIT = _("No edit of this comment is waiting for review.")
UNEDITED_IMMINENT_EDIT = _(
    "This edit describes a plan, a method or a goodbye, so it is never published as written. "
    "Reject it (readers keep the approved text), or mark it as not a crisis first."
)


def _check_publishable(comment):
    """Method detail harms other readers, so imminent comments need an edit first."""
    if comment.crisis_level != CrisisLevel.IMMINENT:
        return
    edited = ModerationEvent.objects.filter(
        comment=comment, action=Action.EDIT, actor__isnull=False
    ).exists()
    if not edited:
        raise NotAllowed(UNEDITED_IMMINENT)


def _set_status(comment, to_status, *, action, actor=None, actor_label="", note=""):
    """Move ``comment`` to ``to_status`` under a row lock; return the fresh row."""
    with transition(comment, action, actor=actor, actor_label=actor_label, bump=True) as change:
        locked = change.comment
        if _writer_deletion_forbids(locked, action):
            raise WriterDeleted
        if to_status == Status.APPROVED:
            _check_publishable(locked)
        if action == Action.APPROVE and locked.open_reports:
            locked.open_reports = 0
            locked.reports.filter(resolved_at=None).update(resolved_at=timezone.now())
        change.update(status=to_status, open_reports=locked.open_reports)
        change.note = note
    if action == Action.APPROVE and change.from_status != Status.APPROVED:
        transaction.on_commit(lambda: notify_reply_approved(locked), robust=True)
    return locked


def approve(comment, *, actor=None, actor_label="", note=""):
    return _set_status(
        comment,
        Status.APPROVED,
        action=Action.APPROVE,
        actor=actor,
        actor_label=actor_label,
        note=note,
    )


def mark_spam(comment, *, actor=None, actor_label="", note=""):
    return _set_status(
        comment, Status.SPAM, action=Action.SPAM, actor=actor, actor_label=actor_label, note=note
    )


def remove(comment, *, actor=None, actor_label="", note=""):
    return _set_status(
        comment,
        Status.REMOVED,
        action=Action.REMOVE,
        actor=actor,
        actor_label=actor_label,
        note=note,
    )


def restore(comment, *, actor=None, actor_label="", note=""):
    """Undo spam or remove: back to the state it had before, or to review if unknown.

    Never for a comment its writer deleted: that is no moderator's to undo (NotAllowed).
    """
    previous = (
        ModerationEvent.objects.filter(comment=comment, to_status=comment.status)
        .exclude(from_status="")
        .values_list("from_status", flat=True)
        .first()
    )
    target = previous if previous in (Status.APPROVED, Status.PENDING) else Status.PENDING
    return _set_status(
        comment, target, action=Action.RESTORE, actor=actor, actor_label=actor_label, note=note
    )


def approve_edit(comment, *, actor=None, actor_label="", note=""):
    """Publish the writer's held edit; the text it replaces stays in the audit log.

    ``save()`` renders body_html and retires the cached tree.
    """
    with transition(comment, Action.EDIT_APPROVED, actor=actor, actor_label=actor_label) as change:
        locked = change.comment
        if not locked.pending_body:
            raise NotAllowed(NO_PENDING_EDIT)
        if locked.deleted_by_writer:
            raise WriterDeleted
        proposed_level = assess(locked.pending_body).level
        if CrisisLevel.IMMINENT == proposed_level == locked.crisis_level:
            raise NotAllowed(UNEDITED_IMMINENT_EDIT)  # CRISIS.md, as for a new comment
        original = locked.body
        locked.body = locked.pending_body
        locked.pending_body, locked.pending_body_html, locked.pending_flags = "", "", []
        locked.save()
        change.note = f"{note}\nText it replaced:\n{original}".strip()
    return change.comment


def reject_edit(comment, *, actor=None, actor_label="", note=""):
    """Drop the writer's held edit: readers keep the approved text; the audit log keeps both."""
    with transition(comment, Action.EDIT_REJECTED, actor=actor, actor_label=actor_label) as change:
        proposed = change.comment.pending_body
        if not proposed:
            raise NotAllowed(NO_PENDING_EDIT)
        change.update(pending_body="", pending_body_html="", pending_flags=[])
        change.note = f"{note}\nRejected text:\n{proposed}".strip()
    return change.comment


EDIT_DECISIONS = {"approve_edit": approve_edit, "reject_edit": reject_edit}


def clear_crisis_flag(comment, *, actor=None, note=""):
    """A moderator says "not a crisis": sort normally, keep the evidence for tuning the lexicon."""
    with transition(comment, Action.NOT_CRISIS, actor=actor) as change:
        locked = change.comment
        evidence = f"was {locked.crisis_level}: {', '.join(locked.crisis_matches)}"
        locked.crisis_level = CrisisLevel.NONE
        locked.save()
        change.note = f"{note}\nFalse positive, {evidence}".strip()
    return change.comment


def set_content_note(comment, *, note, actor=None, actor_label=""):
    """Add, change or take away the note readers see first (the comment stays collapsed behind it).

    ``save()`` re-renders and retires the cached tree: the public page changes at once.
    """
    with transition(comment, Action.CONTENT_NOTE, actor=actor, actor_label=actor_label) as change:
        before = change.comment.content_note
        if note == before:
            return change.skip()
        change.comment.content_note = note
        change.comment.save()
        change.note = f"Content note: {before or '(none)'} -> {note or '(none)'}"
    return change.comment


def mark_no_reply_needed(comment, *, actor=None, actor_label="", note=""):
    """An approved reader comment that needs no answer leaves "Unanswered"; nothing public moves."""
    with transition(comment, Action.NO_REPLY, actor=actor, actor_label=actor_label) as change:
        if change.comment.no_reply_needed:
            return change.skip()
        change.update(no_reply_needed=True)
        change.note = note
    return change.comment


def dismiss_report(report, *, actor=None, actor_label="", note=""):
    """A reader's report needs no action: resolve it and leave the comment as it is (public).

    The comment's open-report count drops by one; at zero it leaves "Needs review". A report
    that is already resolved changes nothing and returns None. No bump: the public page never
    shows reports, so it has not changed.
    """
    action = Action.DISMISS_REPORT
    with transition(report.comment, action, actor=actor, actor_label=actor_label) as change:
        locked = change.comment
        resolved = Report.objects.filter(pk=report.pk, comment=locked, resolved_at=None).update(
            resolved_at=timezone.now()
        )
        if not resolved:
            change.skip()
            return None
        change.update(open_reports=locked.reports.filter(resolved_at=None).count())
        reason = report.get_reason_display()
        summary = (
            f"Report dismissed ({reason}: {report.note})"
            if report.note
            else (f"Report dismissed ({reason})")
        )
        change.note = f"{summary}\n{note}".strip()
    return change.comment


def action_applies(comment, action):
    """Is ``action`` worth offering (queue buttons, admin): allowed, and it changes something."""
    return not _writer_deletion_forbids(comment, action) and action_changes_state(comment, action)


def action_changes_state(comment, action):
    """Would ``action`` change anything? Approving a reported comment dismisses its reports.

    Whether the rules allow it is the action's own check: it raises NotAllowed with the reason.
    """
    if action == Action.NO_REPLY:  # only a reader's approved comment still waiting for an answer
        return (
            comment.status == Status.APPROVED
            and not comment.is_staff_reply
            and not comment.no_reply_needed
            and not getattr(comment, "answered", False)
        )
    if action == Action.APPROVE:
        return comment.status != Status.APPROVED or comment.open_reports > 0
    if action == Action.RESTORE:
        return comment.status in (Status.SPAM, Status.REMOVED)
    return comment.status != {Action.SPAM: Status.SPAM, Action.REMOVE: Status.REMOVED}[action]


TRANSITIONS = {
    Action.APPROVE: approve,
    Action.SPAM: mark_spam,
    Action.REMOVE: remove,
    Action.RESTORE: restore,
    Action.NO_REPLY: mark_no_reply_needed,
}

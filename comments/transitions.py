"""One function per change of a comment's state.

The queue, bulk actions, the admin, imports, privacy erasure and the writer's own delete all call
these. Each locks the row, changes it, writes a ModerationEvent and retires the post's cached
tree (``_bump`` after an update(); Comment.save() does it for the changes that save the row),
so no path can change a comment without a trace or leave a stale page behind.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from support.detection import assess
from support.levels import CrisisLevel, rank

from .models import Comment, ModerationEvent, Report, comments_changed
from .notifications import notify_reply_approved
from .rendering import render_comment_body

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


def _record(comment, *, action, actor=None, actor_label="", from_status="", note=""):
    return ModerationEvent.objects.create(
        comment=comment,
        comment_ref=comment.pk,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label or (actor.get_username() if actor is not None else ""),
        action=action,
        from_status=from_status,
        to_status=comment.status,
        note=note,
    )


def _bump(post_id):
    """Recount and retire the cached tree and feeds, now and after commit (see tree_changed)."""
    comments_changed(post_id)


def _locked(comment):
    return Comment.objects.select_for_update().get(pk=comment.pk)


def _set_status(comment, to_status, *, action, actor=None, actor_label="", note=""):
    """Move ``comment`` to ``to_status`` under a row lock; return the fresh row."""
    with transaction.atomic():
        locked = _locked(comment)
        from_status = locked.status
        if locked.deleted_by_writer and to_status in (Status.APPROVED, Status.PENDING):
            raise NotAllowed(WRITER_DELETED)  # a writer's deletion is final for publication
        if to_status == Status.APPROVED:
            _check_publishable(locked)
        locked.status = to_status
        if action == Action.APPROVE and locked.open_reports:
            locked.open_reports = 0
            locked.reports.filter(resolved_at=None).update(resolved_at=timezone.now())
        Comment.objects.filter(pk=locked.pk).update(
            status=to_status, open_reports=locked.open_reports, updated_at=timezone.now()
        )
        _record(
            locked,
            action=action,
            actor=actor,
            actor_label=actor_label,
            from_status=from_status,
            note=note,
        )
        _bump(locked.post_id)
    if action == Action.APPROVE and from_status != Status.APPROVED:
        transaction.on_commit(lambda: notify_reply_approved(locked), robust=True)
    return locked


def record_submission(comment, *, actor=None, actor_label="writer", note=""):
    """The first event of every comment: how it entered and in which state."""
    _record(comment, action=Action.SUBMIT, actor=actor, actor_label=actor_label, note=note)


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


def delete_by_writer(comment):
    """The writer takes their comment back: removed for good, no moderator can publish it."""
    with transaction.atomic():
        locked = _locked(comment)
        from_status = locked.status
        Comment.objects.filter(pk=locked.pk).update(
            status=Status.REMOVED, deleted_by_writer=True, updated_at=timezone.now()
        )
        locked.status, locked.deleted_by_writer = Status.REMOVED, True
        _record(
            locked,
            action=Action.REMOVE,
            actor_label="writer",
            from_status=from_status,
            note="deleted by its writer",
        )
        _bump(locked.post_id)
    return locked


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


def edit(comment, *, body, actor=None, actor_label="", note="", supersede_proposal=False):
    """Change the text; the original stays in the audit log.

    ``supersede_proposal``: a writer's edit the rules let through replaces any edit of theirs
    still waiting for review.
    """
    with transaction.atomic():
        locked = _locked(comment)
        original = locked.body
        if supersede_proposal and locked.pending_body:
            locked.pending_body, locked.pending_body_html, locked.pending_flags = "", "", []
            if body == original:
                locked.save()
                return locked
        if body == original:
            return locked
        locked.body = body
        locked.save()
        _record(
            locked,
            action=Action.EDIT,
            actor=actor,
            actor_label=actor_label,
            from_status=locked.status,
            note=f"{note}\nOriginal text:\n{original}".strip(),
        )
    return locked


def _raise_crisis(comment, assessment):
    """Keep the higher of the comment's crisis level and ``assessment``'s (for the queue order).

    The language is the newest text's; worry about someone else, once seen, stays for the
    moderator to read.
    """
    if assessment is None:
        return
    comment.crisis_language = assessment.language
    comment.crisis_assessed = assessment.assessed
    comment.crisis_about_other = comment.crisis_about_other or assessment.about_other
    if rank(assessment.level) <= comment.crisis_rank:
        return
    comment.crisis_level = assessment.level
    comment.crisis_categories = list(assessment.categories)
    comment.crisis_matches = list(assessment.matches)


def _crisis_fields(comment):
    names = ["level", "rank", "categories", "matches", "language", "assessed", "about_other"]
    return {f"crisis_{name}": getattr(comment, f"crisis_{name}") for name in names}


def raise_crisis_flag(comment, assessment):
    """A pending comment's new text reads as worse: flag it so (no event: the edit has one).

    Its language and any worry about someone else are recorded whatever the level.
    """
    with transaction.atomic():
        locked = _locked(comment)
        _raise_crisis(locked, assessment)
        locked.crisis_rank = rank(locked.crisis_level)
        if assessment is not None:
            Comment.objects.filter(pk=locked.pk).update(**_crisis_fields(locked))
    return locked


def propose_edit(comment, *, body, flags, assessment=None, actor_label="writer"):
    """A writer's edit the rules hold: kept aside, readers still see the approved text.

    The comment goes to Needs review with both versions; a later proposal replaces this one.
    """
    with transaction.atomic():
        locked = _locked(comment)
        locked.pending_body = body
        locked.pending_body_html = render_comment_body(body)
        locked.pending_flags = list(flags)
        _raise_crisis(locked, assessment)
        locked.crisis_rank = rank(locked.crisis_level)
        Comment.objects.filter(pk=locked.pk).update(
            pending_body=locked.pending_body,
            pending_body_html=locked.pending_body_html,
            pending_flags=locked.pending_flags,
            **_crisis_fields(locked),
            updated_at=timezone.now(),
        )  # no _bump: nothing a reader sees has changed
        _record(
            locked,
            action=Action.EDIT_PROPOSED,
            actor_label=actor_label,
            from_status=locked.status,
            note="; ".join(flags) + f"\nProposed text:\n{body}",
        )
    return locked


def approve_edit(comment, *, actor=None, actor_label="", note=""):
    """Publish the writer's held edit; the text it replaces stays in the audit log."""
    with transaction.atomic():
        locked = _locked(comment)
        if not locked.pending_body:
            raise NotAllowed(NO_PENDING_EDIT)
        if locked.deleted_by_writer:
            raise NotAllowed(WRITER_DELETED)
        proposed_level = assess(locked.pending_body).level
        if CrisisLevel.IMMINENT == proposed_level == locked.crisis_level:
            raise NotAllowed(UNEDITED_IMMINENT_EDIT)  # CRISIS.md, as for a new comment
        original = locked.body
        locked.body = locked.pending_body
        locked.pending_body, locked.pending_body_html, locked.pending_flags = "", "", []
        locked.save()  # renders body_html and retires the cached tree
        _record(
            locked,
            action=Action.EDIT_APPROVED,
            actor=actor,
            actor_label=actor_label,
            from_status=locked.status,
            note=f"{note}\nText it replaced:\n{original}".strip(),
        )
    return locked


def reject_edit(comment, *, actor=None, actor_label="", note=""):
    """Drop the writer's held edit: readers keep the approved text; the audit log keeps both."""
    with transaction.atomic():
        locked = _locked(comment)
        if not locked.pending_body:
            raise NotAllowed(NO_PENDING_EDIT)
        proposed = locked.pending_body
        Comment.objects.filter(pk=locked.pk).update(
            pending_body="", pending_body_html="", pending_flags=[], updated_at=timezone.now()
        )
        locked.pending_body, locked.pending_body_html, locked.pending_flags = "", "", []
        _record(
            locked,
            action=Action.EDIT_REJECTED,
            actor=actor,
            actor_label=actor_label,
            from_status=locked.status,
            note=f"{note}\nRejected text:\n{proposed}".strip(),
        )
    return locked


EDIT_DECISIONS = {"approve_edit": approve_edit, "reject_edit": reject_edit}


def clear_crisis_flag(comment, *, actor=None, note=""):
    """A moderator says "not a crisis": sort normally, keep the evidence for tuning the lexicon."""
    with transaction.atomic():
        locked = _locked(comment)
        evidence = f"was {locked.crisis_level}: {', '.join(locked.crisis_matches)}"
        locked.crisis_level = CrisisLevel.NONE
        locked.save()
        _record(
            locked,
            action=Action.NOT_CRISIS,
            actor=actor,
            from_status=locked.status,
            note=f"{note}\nFalse positive, {evidence}".strip(),
        )
    return locked


def set_content_note(comment, *, note, actor=None, actor_label=""):
    """Add, change or take away the note readers see first (the comment stays collapsed behind it).

    ``save()`` re-renders and retires the cached tree: the public page changes at once.
    """
    with transaction.atomic():
        locked = _locked(comment)
        before = locked.content_note
        if note == before:
            return locked
        locked.content_note = note
        locked.save()
        _record(
            locked,
            action=Action.CONTENT_NOTE,
            actor=actor,
            actor_label=actor_label,
            from_status=locked.status,
            note=f"Content note: {before or '(none)'} -> {note or '(none)'}",
        )
    return locked


def mark_no_reply_needed(comment, *, actor=None, actor_label="", note=""):
    """An approved reader comment that needs no answer leaves "Unanswered"; nothing public moves."""
    with transaction.atomic():
        locked = _locked(comment)
        if locked.no_reply_needed:
            return locked
        locked.no_reply_needed = True
        Comment.objects.filter(pk=locked.pk).update(no_reply_needed=True, updated_at=timezone.now())
        _record(
            locked,
            action=Action.NO_REPLY,
            actor=actor,
            actor_label=actor_label,
            from_status=locked.status,
            note=note,
        )
    return locked


def dismiss_report(report, *, actor=None, actor_label="", note=""):
    """A reader's report needs no action: resolve it and leave the comment as it is (public).

    The comment's open-report count drops by one; at zero it leaves "Needs review". A report
    that is already resolved changes nothing and returns None.
    """
    with transaction.atomic():
        locked = _locked(report.comment)
        resolved = Report.objects.filter(pk=report.pk, comment=locked, resolved_at=None).update(
            resolved_at=timezone.now()
        )
        if not resolved:
            return None
        locked.open_reports = locked.reports.filter(resolved_at=None).count()
        Comment.objects.filter(pk=locked.pk).update(
            open_reports=locked.open_reports, updated_at=timezone.now()
        )
        reason = report.get_reason_display()
        summary = (
            f"Report dismissed ({reason}: {report.note})"
            if report.note
            else (f"Report dismissed ({reason})")
        )
        _record(
            locked,
            action=Action.DISMISS_REPORT,
            actor=actor,
            actor_label=actor_label,
            from_status=locked.status,
            note=f"{summary}\n{note}".strip(),
        )  # no _bump: the public page never shows reports, so it has not changed
    return locked


def erase(comment, *, actor=None, actor_label="privacy request", note=""):
    """Erase a comment's words and identity for good (privacy request).

    The row stays only as a removed placeholder so replies keep their thread.
    """
    with transaction.atomic():
        locked = _locked(comment)
        from_status = locked.status
        locked.body = ""
        locked.pending_body, locked.pending_body_html, locked.pending_flags = "", "", []
        locked.author_name = "(erased)"
        locked.author_email = ""
        locked.author_url = ""
        locked.ip_hash = ""
        locked.browser_hash = ""
        locked.crisis_matches = []
        locked.status = Status.REMOVED
        locked.save()
        locked.subscriptions.all().delete()
        _record(
            locked,
            action=Action.ERASE,
            actor=actor,
            actor_label=actor_label,
            from_status=from_status,
            note=note,
        )
    return locked


def action_applies(comment, action):
    """Would ``action`` change anything? Approving a reported comment dismisses its reports."""
    if comment.deleted_by_writer and action in (Action.APPROVE, Action.RESTORE):
        return False  # a writer's deletion is final: nothing to offer
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

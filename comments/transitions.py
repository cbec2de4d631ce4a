"""One function per change of a comment's state.

The queue, bulk actions, the admin, imports, privacy erasure and the writer's own delete all call
these. Each locks the row, changes it, writes a ModerationEvent and retires the post's cached
tree (``_bump`` after an update(); Comment.save() does it for the changes that save the row),
so no path can change a comment without a trace or leave a stale page behind.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from support.levels import CrisisLevel

from .models import Comment, ModerationEvent
from .notifications import notify_reply_approved
from .tree import tree_changed_now_and_on_commit

Status = Comment.Status
Action = ModerationEvent.Action


class NotAllowed(Exception):
    """A transition the rules forbid; the message says what to do instead."""


UNEDITED_IMMINENT = gettext_lazy(
    "This comment describes a plan, a method or a goodbye, so it is never published as "
    "written. Edit out any method detail first (or mark it as not a crisis), then approve it."
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
    """Recount and retire the cached tree, now and after commit (see tree_changed)."""
    tree_changed_now_and_on_commit(post_id)


def _locked(comment):
    return Comment.objects.select_for_update().get(pk=comment.pk)


def _set_status(comment, to_status, *, action, actor=None, actor_label="", note=""):
    """Move ``comment`` to ``to_status`` under a row lock; return the fresh row."""
    with transaction.atomic():
        locked = _locked(comment)
        from_status = locked.status
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


def restore(comment, *, actor=None, actor_label="", note=""):
    """Undo spam or remove: back to the state it had before, or to review if unknown."""
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


def edit(comment, *, body, actor=None, actor_label="", note=""):
    """Change the text; the original stays in the audit log."""
    with transaction.atomic():
        locked = _locked(comment)
        original = locked.body
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


def erase(comment, *, actor=None, actor_label="privacy request", note=""):
    """Erase a comment's words and identity for good (privacy request).

    The row stays only as a removed placeholder so replies keep their thread.
    """
    with transaction.atomic():
        locked = _locked(comment)
        from_status = locked.status
        locked.body = ""
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
}

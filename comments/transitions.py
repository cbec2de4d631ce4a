"""One shape for every change of a comment's state (``transition``), and the writer's own changes.

The shape: lock the row, let the change check and set what is its own, write a ModerationEvent,
retire the post's cached tree when readers' pages change (``bump=True`` after an update();
Comment.save() does it for the changes that save the row). So no path can change a comment
without a trace or leave a stale page behind.

Here: the first event of a comment, the writer's edit (published, or held by the policy), the
writer's delete, and privacy erasure. A moderator's actions are in ``moderator_actions``.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from support.levels import rank

from .models import Comment, ModerationEvent, comments_changed
from .rendering import render_comment_body

Status = Comment.Status
Action = ModerationEvent.Action


class Change:
    """The locked row inside ``transition``, with what its event will say."""

    def __init__(self, comment):
        self.comment = comment
        self.from_status = comment.status
        self.note = ""
        self.skipped = False

    def update(self, **fields):
        """Set ``fields`` on the locked row and write them (and updated_at) in one UPDATE."""
        for name, value in fields.items():
            setattr(self.comment, name, value)
        Comment.objects.filter(pk=self.comment.pk).update(**fields, updated_at=timezone.now())

    def skip(self):
        """Nothing changed: no event, no retired page. Returns the locked row."""
        self.skipped = True
        return self.comment


@contextmanager
def transition(comment, action, *, actor=None, actor_label="", bump=False):
    """Lock ``comment`` for the block; then record ``action`` and, if ``bump``, retire the page.

    The block sets ``change.note``, calls ``change.skip()`` when there is nothing to do, or raises
    NotAllowed, which rolls everything back.
    """
    with transaction.atomic():
        change = Change(_locked(comment))
        yield change
        if change.skipped:
            return
        _record(
            change.comment,
            action=action,
            actor=actor,
            actor_label=actor_label,
            from_status=change.from_status,
            note=change.note,
        )
        if bump:
            comments_changed(change.comment.post_id)  # recount, retire the tree and the feeds


def _locked(comment):
    return Comment.objects.select_for_update().get(pk=comment.pk)


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


def record_submission(comment, *, actor=None, actor_label="writer", note=""):
    """The first event of every comment: how it entered and in which state."""
    _record(comment, action=Action.SUBMIT, actor=actor, actor_label=actor_label, note=note)


def delete_by_writer(comment):
    """The writer takes their comment back: removed for good, no moderator can publish it."""
    with transition(comment, Action.REMOVE, actor_label="writer", bump=True) as change:
        change.update(status=Status.REMOVED, deleted_by_writer=True)
        change.note = "deleted by its writer"
    return change.comment


def edit(comment, *, body, actor=None, actor_label="", note="", supersede_proposal=False):
    """Change the text; the original stays in the audit log.

    ``supersede_proposal``: a writer's edit the rules let through replaces any edit of theirs
    still waiting for review.
    """
    with transition(comment, Action.EDIT, actor=actor, actor_label=actor_label) as change:
        locked, original = change.comment, change.comment.body
        if supersede_proposal and locked.pending_body:
            locked.pending_body, locked.pending_body_html, locked.pending_flags = "", "", []
            if body == original:
                locked.save()
                return change.skip()
        if body == original:
            return change.skip()
        locked.body = body
        locked.save()
        change.note = f"{note}\nOriginal text:\n{original}".strip()
    return change.comment


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
    No bump: nothing a reader sees has changed.
    """
    with transition(comment, Action.EDIT_PROPOSED, actor_label=actor_label) as change:
        locked = change.comment
        _raise_crisis(locked, assessment)
        locked.crisis_rank = rank(locked.crisis_level)
        change.update(
            pending_body=body,
            pending_body_html=render_comment_body(body),
            pending_flags=list(flags),
            **_crisis_fields(locked),
        )
        change.note = "; ".join(flags) + f"\nProposed text:\n{body}"
    return change.comment


def erase(comment, *, actor=None, actor_label="privacy request", note=""):
    """Erase a comment's words and identity for good (privacy request).

    The row stays only as a removed placeholder so replies keep their thread.
    """
    with transition(comment, Action.ERASE, actor=actor, actor_label=actor_label) as change:
        locked = change.comment
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
        change.note = note
    return change.comment

"""Where a comment sits in its thread: how deep replies go, and the one way to build a comment.

Every path that creates a comment (the form, a moderator's reply, the demo content) builds it
with ``build_comment``; imports, which insert in bulk, place replies with ``reply_attaches_to``.
"""

from django.conf import settings

from .models import Comment


def max_depth():
    """How deep replies nest (COMMENTS_MAX_DEPTH): a thread's top comment is depth 1."""
    return settings.COMMENTS_MAX_DEPTH


def takes_nested_replies(comment):
    """Does a reply to ``comment`` nest under it? At the maximum depth it goes beside it."""
    return comment.depth < max_depth()


def reply_attaches_to(parent, parent_of=lambda comment: comment.parent):
    """The comment a reply to ``parent`` really attaches to.

    Replies to a comment at the maximum depth attach to its parent (as WordPress does).
    ``parent_of`` reads a comment's parent (imports keep their own lightweight nodes).
    """
    while parent is not None and not takes_nested_replies(parent) and parent.depth > 1:
        parent = parent_of(parent)
    return parent


def build_comment(*, parent=None, **fields):
    """A new, unsaved Comment: linked into its thread where the depth rule puts it."""
    parent = reply_attaches_to(parent)
    if parent is not None:
        fields.update(parent=parent, root_id=parent.root_id or parent.pk, depth=parent.depth + 1)
    return Comment(**fields)

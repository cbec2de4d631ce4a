"""The counts stored on each post (comments.tree.recount) follow every change, by every path."""

from pathlib import Path

import pytest

from blog.models import Post
from comments import moderator_actions
from comments.models import Comment
from comments.tree import recount
from privacy.personal_data import erase_comments
from transfer.importers.wxr import import_wxr

from .factories import CommentFactory

pytestmark = pytest.mark.django_db
WXR = Path(__file__).resolve().parent / "fixtures" / "wxr" / "wxr-1.2-https.xml"


def _counts(post):
    post.refresh_from_db()
    return post.comment_count, post.comment_thread_count


def _live(post):
    counts = Comment.objects.filter(post=post).public_counts()
    return counts["count"], counts["threads"]


def test_counts_follow_posting_and_every_moderation_step(post):
    top = CommentFactory(post=post, status=Comment.Status.PENDING)
    assert _counts(post) == (0, 0)
    moderator_actions.approve(top)
    reply = CommentFactory(parent=top)
    assert _counts(post) == (2, 1)
    moderator_actions.mark_spam(reply)
    assert _counts(post) == (1, 1)
    moderator_actions.approve(reply)
    assert _counts(post) == (2, 1)
    moderator_actions.remove(top)  # the thread stays listed: its approved reply shows
    assert _counts(post) == (1, 1)
    moderator_actions.remove(reply)
    assert _counts(post) == (0, 0)


def test_counts_follow_deletes_and_privacy_erasure(post):
    kept = CommentFactory(post=post)
    CommentFactory(post=post, author_email="ann@example.org")
    erased_with_reply = CommentFactory(post=post, author_email="ann@example.org")
    CommentFactory(parent=erased_with_reply)
    assert _counts(post) == (4, 3)
    erase_comments("ann@example.org")  # her two go; the reply keeps its thread listed
    assert _counts(post) == (2, 2)
    kept.delete()
    assert _counts(post) == (1, 1)


def test_an_import_counts_each_post_it_fills():
    import_wxr(WXR)
    posts = list(Post.objects.all())
    assert any(post.comment_count for post in posts)
    for post in posts:
        assert (post.comment_count, post.comment_thread_count) == _live(post)


def test_recount_repairs_a_count_changed_behind_its_back(post):
    CommentFactory(post=post)
    Post.objects.filter(pk=post.pk).update(comment_count=40, comment_thread_count=7)
    recount(post.pk)
    assert _counts(post) == (1, 1)


@pytest.mark.django_db(transaction=True)
def test_a_saved_comment_is_never_an_error_when_the_recount_after_commit_fails(
    client, send_comment, settings, monkeypatch
):
    """The database going away just after the commit: the comment is stored, so say so."""
    from django.db import OperationalError, transaction

    from comments import tree
    from tests.factories import PostFactory

    settings.COMMENTS_MODERATION = "none"
    post = PostFactory()
    counted = tree.recount

    def recount_with_the_database_gone_after_commit(post_id):
        if not transaction.get_connection().in_atomic_block:
            raise OperationalError("server closed the connection unexpectedly")
        counted(post_id)

    monkeypatch.setattr(tree, "recount", recount_with_the_database_gone_after_commit)
    before = tree.tree_version(post.pk)
    response = send_comment(post, body="Stored before the database went away.")
    assert response.status_code == 302
    assert Comment.objects.filter(body="Stored before the database went away.").exists()
    assert tree.tree_version(post.pk) > before
    assert _counts(post) == (1, 1)  # stored by the recount inside the transaction

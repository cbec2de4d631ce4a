"""A writer's deletion is final for publication: no moderator can approve or restore it."""

import pytest
from django.urls import reverse

from comments import moderator_actions
from comments.models import Comment, ModerationEvent

from .factories import CommentFactory

pytestmark = pytest.mark.django_db
Status = Comment.Status


@pytest.fixture
def deleted(client, send_comment, post, settings):
    """A comment its writer sent and then deleted from their own browser."""
    settings.COMMENTS_MODERATION = "none"
    send_comment(post, body="I said too much; taking it back.")
    comment = Comment.objects.get()
    assert comment.status == Status.APPROVED
    client.post(reverse("comments:delete", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.status == Status.REMOVED and comment.deleted_by_writer
    return comment


def _still_deleted(comment):
    comment.refresh_from_db()
    return comment.status == Status.REMOVED and comment.deleted_by_writer


@pytest.mark.parametrize("action", ["approve", "restore"])
def test_a_writer_deleted_comment_cannot_be_published_by_a_transition(deleted, moderator, action):
    with pytest.raises(moderator_actions.NotAllowed, match="writer deleted"):
        moderator_actions.TRANSITIONS[action](deleted, actor=moderator)
    assert _still_deleted(deleted)
    assert not ModerationEvent.objects.filter(comment=deleted, actor=moderator).exists()


@pytest.mark.parametrize("action", ["approve", "restore"])
def test_the_queue_refuses_to_approve_or_restore_it_and_says_why(deleted, moderator_client, action):
    response = moderator_client.post(
        reverse("moderation:action", args=[deleted.pk, action]), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 409
    assert "writer deleted" in response.json()["message"]
    assert _still_deleted(deleted)
    page = moderator_client.get(deleted.post.get_absolute_url()).content.decode()
    assert "I said too much" not in page


def test_bulk_approve_and_restore_leave_it_deleted(deleted, moderator_client, post):
    waiting = CommentFactory(post=post, status=Status.PENDING)
    response = moderator_client.post(
        reverse("moderation:bulk"),
        {"ids": [deleted.pk, waiting.pk], "bulk_action": "approve"},
        HTTP_ACCEPT="application/json",
    )
    assert [item["id"] for item in response.json()["items"]] == [waiting.pk]
    assert "1 was deleted by its writer" in response.json()["message"]
    response = moderator_client.post(
        reverse("moderation:bulk"), {"ids": [deleted.pk], "bulk_action": "restore"}
    )
    assert _still_deleted(deleted)


def test_the_queue_shows_it_as_deleted_by_the_writer_without_publish_buttons(
    deleted, moderator_client
):
    html = moderator_client.get(reverse("moderation:queue") + "?tab=removed").content.decode()
    start = html.index(f'id="item-{deleted.pk}"')
    item = html[start : html.index("</li>", start)]
    assert "Deleted by the writer" in item
    assert 'data-action="approve"' not in item and 'data-action="restore"' not in item


def test_a_comment_a_moderator_removed_can_still_be_restored(moderator, post):
    removed = moderator_actions.remove(CommentFactory(post=post), actor=moderator)
    assert moderator_actions.restore(removed, actor=moderator).status == Status.APPROVED

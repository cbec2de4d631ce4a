"""Crisis rules on the moderation side: imminent comments are never published unedited."""

import json

import pytest
from django.urls import reverse

from comments import moderator_actions, transitions
from comments.models import Comment, ModerationTerm

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_imminent_comment_cannot_be_approved_before_an_edit(moderator):
    comment = CommentFactory(status="pending", crisis_level="imminent", body="Method detail.")
    with pytest.raises(moderator_actions.NotAllowed):
        moderator_actions.approve(comment, actor=moderator)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    transitions.edit(comment, body="[a moderator removed method detail]", actor=moderator)
    assert moderator_actions.approve(comment, actor=moderator).status == Comment.Status.APPROVED


def test_imminent_comment_can_be_approved_after_not_a_crisis(moderator):
    comment = CommentFactory(status="pending", crisis_level="imminent")
    moderator_actions.clear_crisis_flag(comment, actor=moderator)
    assert moderator_actions.approve(comment, actor=moderator).status == Comment.Status.APPROVED


def test_queue_approve_of_unedited_imminent_comment_explains_what_to_do(moderator_client):
    comment = CommentFactory(status="pending", crisis_level="imminent")
    url = reverse("moderation:action", args=[comment.pk, "approve"])
    response = moderator_client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert "never published as written" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_crisis_comment_with_a_disallowed_word_is_held_not_spammed(send_comment, post):
    ModerationTerm.objects.create(term="casino", action=ModerationTerm.Action.DISALLOW)
    send_comment(post, body="I lost everything at the casino and I want to die.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.crisis_level == "crisis"
    assert "disallowed term: casino" in comment.flags


def test_admin_can_download_a_writers_data(admin_client, post):
    CommentFactory(post=post, author_email="w@example.org", body="Mine to download.")
    response = admin_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "download_writer_data", "_selected_action": [Comment.objects.get().pk]},
    )
    data = json.loads(response.content)
    assert "Mine to download." in json.dumps(data)
    assert response["Content-Disposition"].startswith("attachment")

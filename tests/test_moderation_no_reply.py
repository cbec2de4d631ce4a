"""Unanswered can be emptied: "No reply needed" from the queue, and imports of old comments."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, ModerationEvent
from transfer.importers.disqus import import_disqus
from transfer.importers.wxr import import_wxr

from .factories import CommentFactory, PostFactory

Status = Comment.Status
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def no_reply_url(comment):
    return reverse("moderation:action", args=[comment.pk, "no_reply"])


def unanswered_ids(client):
    response = client.get("/moderation/", {"tab": "unanswered"})
    return [item.pk for item in response.context["items"]]


def test_no_reply_needed_takes_a_comment_out_of_unanswered_and_is_audit_logged(
    moderator_client, moderator, post
):
    comment = CommentFactory(post=post, body="Thank you for this post.")
    assert unanswered_ids(moderator_client) == [comment.pk]

    response = moderator_client.post(no_reply_url(comment), HTTP_ACCEPT="application/json")

    assert response.json()["ok"] is True
    assert response.json()["counts"]["unanswered"] == 0
    assert unanswered_ids(moderator_client) == []
    comment.refresh_from_db()
    assert comment.no_reply_needed and comment.status == Status.APPROVED
    event = ModerationEvent.objects.get(comment=comment, action="no_reply")
    assert (event.actor, event.to_status) == (moderator, "approved")
    assert "Thank you for this post." in Client().get(post.get_absolute_url()).content.decode()


def test_unanswered_items_offer_no_reply_needed_and_answered_ones_do_not(
    moderator_client, moderator, post
):
    waiting = CommentFactory(post=post)
    answered = CommentFactory(post=post)
    CommentFactory(parent=answered, is_staff_reply=True, user=moderator)
    page = moderator_client.get("/moderation/", {"tab": "approved"}).content.decode()
    assert f'action="{no_reply_url(waiting)}"' in page
    assert f'action="{no_reply_url(answered)}"' not in page
    assert ">No reply needed</button>" in page


@pytest.mark.parametrize(
    "fields",
    [{"status": Status.PENDING}, {"status": Status.SPAM}, {"no_reply_needed": True}],
    ids=["pending", "spam", "already-marked"],
)
def test_no_reply_needed_is_refused_where_it_changes_nothing(moderator_client, post, fields):
    comment = CommentFactory(post=post, **fields)
    response = moderator_client.post(no_reply_url(comment), HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert not ModerationEvent.objects.filter(action="no_reply").exists()


def test_a_staff_reply_never_needs_no_reply_marking(moderator_client, moderator, comment):
    reply = CommentFactory(parent=comment, is_staff_reply=True, user=moderator)
    response = moderator_client.post(no_reply_url(reply), HTTP_ACCEPT="application/json")
    assert response.status_code == 409


def test_bulk_no_reply_needed_empties_unanswered(moderator_client, moderator, post):
    chosen = [CommentFactory(post=post) for _ in range(3)]
    left = CommentFactory(post=post)
    response = moderator_client.post(
        reverse("moderation:bulk"),
        {"ids": [c.pk for c in chosen], "bulk_action": "no_reply"},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["message"] == "Marked as needing no reply: 3 comments."
    assert unanswered_ids(moderator_client) == [left.pk]
    assert ModerationEvent.objects.filter(action="no_reply", actor=moderator).count() == 3


def test_the_bulk_no_reply_button_shows_on_unanswered_only(moderator_client, post):
    CommentFactory(post=post)
    CommentFactory(post=post, status=Status.PENDING)
    unanswered = moderator_client.get("/moderation/", {"tab": "unanswered"}).content.decode()
    review = moderator_client.get("/moderation/").content.decode()
    assert 'value="no_reply"' in unanswered
    assert 'value="no_reply"' not in review


def test_the_admin_action_marks_no_reply_needed_through_the_audit_log(admin_client, post):
    comment = CommentFactory(post=post)
    admin_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "no_reply_comments", "_selected_action": [comment.pk]},
    )
    comment.refresh_from_db()
    assert comment.no_reply_needed
    assert ModerationEvent.objects.filter(comment=comment, action="no_reply").exists()


# Imports -------------------------------------------------------------------------------------


def _wxr_with(path, comments):
    items = "".join(
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id>"
        f"<wp:comment_author>Reader {n}</wp:comment_author>"
        f"<wp:comment_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>"
        f"<wp:comment_content>Comment {n}.</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved></wp:comment>"
        for n, when in enumerate(comments, 1)
    )
    path.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>'
        "<title>Old post</title><content:encoded>Words.</content:encoded>"
        "<wp:post_id>5</wp:post_id><wp:post_name>old-post</wp:post_name>"
        f"<wp:status>publish</wp:status>{items}</item></channel></rss>"
    )
    return path


@pytest.mark.django_db
def test_a_wxr_import_marks_comments_older_than_the_setting_as_needing_no_reply(
    tmp_path, settings, moderator_client
):
    settings.COMMENTS_IMPORT_ANSWERED_DAYS = 30
    now = timezone.now()
    path = _wxr_with(tmp_path / "old.xml", [now - timedelta(days=400), now - timedelta(days=2)])

    summary = import_wxr(path)

    old, recent = Comment.objects.order_by("created_at")
    assert (old.no_reply_needed, recent.no_reply_needed) == (True, False)
    assert summary.answered_by_age == 1
    assert "Older than 30 days, so marked as needing no reply" in "\n".join(summary.lines())
    assert unanswered_ids(moderator_client) == [recent.pk]
    assert "no reply" in old.events.get(action="submit").note
    assert recent.events.get(action="submit").note == ""


@pytest.mark.django_db
@pytest.mark.parametrize(("days", "all_marked"), [(30, True), (365_000, False)])
def test_a_disqus_import_follows_the_same_setting(settings, days, all_marked):
    """The fixture's comments are from 2023: older than 30 days, younger than 1,000 years."""
    settings.COMMENTS_IMPORT_ANSWERED_DAYS = days
    PostFactory(slug="on-grief", title="On grief")
    PostFactory(slug="letting-go", title="Letting go")
    summary = import_disqus(FIXTURES / "disqus" / "disqus.xml")
    approved = Comment.objects.filter(status=Status.APPROVED, is_staff_reply=False)
    assert approved.count() == 10
    marked = Comment.objects.filter(no_reply_needed=True).count()
    assert marked == (Comment.objects.count() if all_marked else 0)
    assert summary.answered_by_age == marked
    assert Comment.objects.unanswered().count() == (0 if all_marked else 10)

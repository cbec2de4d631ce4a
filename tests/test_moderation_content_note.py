"""Content notes: written from the queue; readers see the note first, the comment folded."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from comments.models import DEFAULT_CONTENT_NOTE, Comment, ModerationEvent
from transfer.importers.wxr import content_note

from .factories import CommentFactory, UserFactory

NOTE = "mentions self-harm"


def note_url(comment):
    return reverse("moderation:content_note", args=[comment.pk])


def public_html(post):
    return Client().get(post.get_absolute_url()).content.decode()


def test_a_note_from_the_queue_folds_the_public_comment_behind_it(
    moderator_client, moderator, post
):
    comment = CommentFactory(post=post, body="The words behind the note.")
    response = moderator_client.post(
        note_url(comment), {"content_note": NOTE}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["ok"] is True
    assert response.json()["content_note"] == NOTE
    assert response.json()["items"] == []  # the item stays open in the queue

    html = public_html(post)
    summary = (
        '<details class="content-note"><summary><span class="content-note-label">Content note:'
        f'</span> <span class="content-note-text">{NOTE}</span>'
    )
    assert summary in html
    assert html.index(summary) < html.index("The words behind the note.")
    event = ModerationEvent.objects.get(comment=comment, action="content_note")
    assert event.actor == moderator
    assert event.note == f"Content note: (none) -> {NOTE}"


def test_a_note_can_be_changed_and_taken_away_each_in_the_audit_log(moderator_client, post):
    comment = CommentFactory(post=post, content_note=NOTE, body="Folded words.")
    moderator_client.post(note_url(comment), {"content_note": "mentions a death"})
    comment.refresh_from_db()
    assert comment.content_note == "mentions a death"
    moderator_client.post(note_url(comment), {"content_note": "   "})
    comment.refresh_from_db()
    assert comment.content_note == ""
    assert '<details class="content-note">' not in public_html(post)
    assert list(
        ModerationEvent.objects.filter(action="content_note")
        .order_by("at", "id")
        .values_list("note", flat=True)
    ) == [
        f"Content note: {NOTE} -> mentions a death",
        "Content note: mentions a death -> (none)",
    ]


def test_the_queue_item_has_a_field_labelled_content_note(moderator_client, post):
    comment = CommentFactory(post=post, status=Comment.Status.PENDING, content_note=NOTE)
    page = moderator_client.get("/moderation/").content.decode()
    assert f'<label class="form-label" for="note-{comment.pk}">Content note</label>' in page
    assert f'id="note-{comment.pk}" name="content_note" value="{NOTE}" maxlength="120"' in page
    assert f'action="{note_url(comment)}"' in page


def test_without_javascript_the_note_saves_and_returns_to_the_queue(moderator_client, post):
    comment = CommentFactory(post=post)
    response = moderator_client.post(
        note_url(comment), {"content_note": NOTE, "next": "/moderation/?tab=approved"}
    )
    assert response.status_code == 302 and response.url == "/moderation/?tab=approved"
    comment.refresh_from_db()
    assert comment.content_note == NOTE


def test_get_shows_the_form_with_its_label_and_changes_nothing(moderator_client, comment):
    response = moderator_client.get(note_url(comment))
    assert response.status_code == 200
    assert re.search(r"<label[^>]*>\s*Content note\s*</label>", response.content.decode())
    assert not ModerationEvent.objects.filter(action="content_note").exists()


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_a_note_longer_than_120_characters_is_refused_and_changes_nothing(
    moderator_client, post, accept
):
    comment = CommentFactory(post=post)
    response = moderator_client.post(
        note_url(comment), {"content_note": "x" * 121}, HTTP_ACCEPT=accept
    )
    assert response.status_code == 400
    message = "Keep the content note to 120 characters (it has 121)."
    if accept == "application/json":
        assert response.json()["message"] == message
    else:
        assert message in response.content.decode()
    comment.refresh_from_db()
    assert comment.content_note == ""
    assert not ModerationEvent.objects.filter(action="content_note").exists()


def test_the_same_note_again_changes_nothing(moderator_client, post):
    comment = CommentFactory(post=post, content_note=NOTE)
    response = moderator_client.post(
        note_url(comment), {"content_note": f"  {NOTE} "}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["message"] == "The content note is unchanged."
    assert not ModerationEvent.objects.filter(action="content_note").exists()


def test_a_note_is_escaped_on_the_public_page(moderator_client, post):
    comment = CommentFactory(post=post)
    moderator_client.post(note_url(comment), {"content_note": "<script>alert(1)</script>"})
    html = public_html(post)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_only_moderators_can_write_a_note(client, comment, who):
    if who == "reader":
        client.force_login(UserFactory())
    response = client.post(note_url(comment), {"content_note": NOTE})
    assert response.status_code == (302 if who == "anonymous" else 403)
    comment.refresh_from_db()
    assert comment.content_note == ""


def test_the_writers_own_box_gives_the_default_note(send_comment, post):
    send_comment(post, content_note="on")
    assert Comment.objects.get().content_note == DEFAULT_CONTENT_NOTE


@pytest.mark.parametrize(
    ("meta", "note"),
    [("1", DEFAULT_CONTENT_NOTE), (" mentions\n a death ", "mentions a death"), ("", "")],
)
def test_an_import_reads_old_yes_no_notes_and_new_worded_ones(meta, note):
    assert content_note(meta) == note


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_ticked_comments_behind_a_default_note():
    executor = MigrationExecutor(connection)
    before = [("comments", "0011_comment_no_reply_needed")]
    latest = executor.loader.graph.leaf_nodes("comments")
    executor.migrate(before)
    # Only comments go back; the blog's tables stay at their newest shape.
    old_apps = executor.loader.project_state(before + executor.loader.graph.leaf_nodes("blog")).apps
    OldPost = old_apps.get_model("blog", "Post")
    OldComment = old_apps.get_model("comments", "Comment")
    author = old_apps.get_model("auth", "User").objects.create(username="old-author")
    post = OldPost.objects.create(title="Old", slug="old", body="<p>x</p>", author=author)
    fields = {"post": post, "author_name": "A", "body": "x", "body_html": "<p>x</p>"}
    ticked = OldComment.objects.create(content_note=True, **fields)
    plain = OldComment.objects.create(content_note=False, **fields)

    executor = MigrationExecutor(connection)
    executor.migrate(latest)

    notes = dict(Comment.objects.values_list("pk", "content_note"))
    assert notes == {ticked.pk: DEFAULT_CONTENT_NOTE, plain.pk: ""}

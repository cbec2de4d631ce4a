"""Writing a comment: the form, replies, what the writer sees, and nothing typed is lost."""

import time

import pytest
from django.urls import reverse

from comments.forms import sign_form
from comments.models import Comment, ModerationEvent

from .conftest import comment_data
from .factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_form_shows_leave_a_reply_fields_and_the_stock_line(client, post):
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Leave a Reply" in html
    for label in ("Comment", "Name", "Email", "Website"):
        assert f">{label} " in html or f">{label}<" in html
    assert "Your email address will not be published. Required fields are marked" in html
    assert "Save my name, email and website in this browser" in html
    assert 'name="honeypot"' in html and 'name="security"' in html


def test_comment_is_stored_pending_and_redirects_to_its_anchor(send_comment, post):
    response = send_comment(post, body="A first comment from me.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#comment-{comment.pk}"
    assert ModerationEvent.objects.filter(comment=comment, action="submit").exists()


def test_pending_comment_is_visible_only_to_its_writer(client, send_comment, post):
    from django.test import Client

    send_comment(post, body="Only I should see this for now.")
    mine = client.get(post.get_absolute_url()).content.decode()
    assert "Only I should see this for now." in mine
    assert "Your comment is awaiting moderation" in mine
    theirs = Client().get(post.get_absolute_url()).content.decode()
    assert "Only I should see this for now." not in theirs


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "Please give a name"),
        ({"name": "x" * 51}, "at most 50"),
        ({"body": ""}, "Please write your comment"),
        ({"body": "a"}, "at least 2"),
        ({"body": "y" * 10_001}, "up to 10000"),
        ({"email": "not-an-email"}, "valid email"),
        ({"url": "not a url"}, "valid URL"),
        ({"notify": "on", "email": ""}, "To be told of replies, give an email"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_text(send_comment, post, fields, message):
    body = fields.get("body", "My words that must not be lost.")
    response = send_comment(post, **{"body": body, **fields})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    if body:
        assert body[:200] in html
    assert Comment.objects.count() == 0


def test_replies_to_a_comment_are_threaded_under_it(send_comment, post, settings):
    settings.COMMENTS_MODERATION = "none"
    parent = CommentFactory(post=post)
    send_comment(post, parent=str(parent.pk), body="I answer you.")
    reply = Comment.objects.get(parent=parent)
    assert reply.depth == 2 and reply.root_id == parent.pk


def test_reply_to_a_comment_at_maximum_depth_attaches_to_its_parent(send_comment, post, settings):
    settings.COMMENTS_MODERATION = "none"
    top = CommentFactory(post=post)
    middle = CommentFactory(parent=top)
    deepest = CommentFactory(parent=middle)
    assert deepest.depth == settings.COMMENTS_MAX_DEPTH
    send_comment(post, parent=str(deepest.pk), body="Deep answer.")
    reply = Comment.objects.get(body="Deep answer.")
    assert reply.parent_id == middle.pk and reply.depth == 3


@pytest.mark.parametrize("problem", ["pending", "spam", "other_post", "missing"])
def test_reply_to_an_invisible_or_foreign_comment_is_refused_with_text_kept(
    send_comment, post, problem
):
    if problem == "missing":
        parent_id = 999_999
    elif problem == "other_post":
        parent_id = CommentFactory(post=PostFactory()).pk
    else:
        parent_id = CommentFactory(post=post, status=problem).pk
    response = send_comment(post, parent=str(parent_id), body="My reply text here.")
    html = response.content.decode()
    assert response.status_code == 400
    assert "not available any more" in html and "My reply text here." in html
    assert not Comment.objects.filter(body="My reply text here.").exists()


def test_reply_link_without_javascript_says_whom_you_answer_with_cancel(client, comment):
    html = client.get(f"{comment.post.get_absolute_url()}?replyto={comment.pk}").content.decode()
    assert f"Reply to {comment.author_name}" in html
    assert "Cancel reply" in html
    assert f'name="parent" value="{comment.pk}"' in html


def test_comments_at_maximum_depth_have_no_reply_link(client, post):
    top = CommentFactory(post=post)
    deepest = CommentFactory(parent=CommentFactory(parent=top))
    html = client.get(post.get_absolute_url()).content.decode()
    assert f"?replyto={top.pk}#respond" in html
    assert f"?replyto={deepest.pk}#respond" not in html


def test_closed_comments_replace_the_form_and_refuse_a_post(client, send_comment):
    post = PostFactory(comments_open=False)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Comments are closed on this post." in html and "Leave a Reply" not in html
    response = send_comment(post, body="Late words I want back.")
    assert response.status_code == 403
    assert "Late words I want back." in response.content.decode()
    assert Comment.objects.count() == 0


def test_staff_comment_is_approved_with_an_author_badge(moderator_client, send_comment, post):
    send_comment(post, via=moderator_client, body="Thank you all for this.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED and comment.is_staff_reply
    assert "author-badge" in moderator_client.get(post.get_absolute_url()).content.decode()


def test_honeypot_and_forged_form_trip_to_spam_and_look_like_success(client, post, settings):
    settings.COMMENTS_MIN_SECONDS = 3
    url = reverse("comments:post", args=[post.pk])
    bot = client.post(url, comment_data(post, honeypot="http://spam.example"))
    forged = client.post(url, comment_data(post, body="Forged", security="abc:def"))
    assert {r.status_code for r in (bot, forged)} == {302}
    assert Comment.objects.filter(status="spam").count() == 2
    assert all(r["Location"].startswith(post.get_absolute_url()) for r in (bot, forged))


def test_form_signed_for_another_post_counts_as_forged(client, post):
    other = PostFactory()
    data = comment_data(post, security=sign_form(other.pk, now=time.time() - 10))
    client.post(reverse("comments:post", args=[post.pk]), data)
    assert Comment.objects.get().status == "spam"


def test_stale_form_is_handed_back_with_the_text(client, post, settings):
    old = sign_form(post.pk, now=time.time() - settings.COMMENTS_FORM_MAX_AGE - 60)
    response = client.post(
        reverse("comments:post", args=[post.pk]),
        comment_data(post, security=old, body="Written over a long weekend."),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "form expired" in html and "Written over a long weekend." in html
    assert Comment.objects.count() == 0


def test_rate_limit_answers_429_with_the_text_in_the_form(send_comment, post, settings):
    settings.COMMENTS_RATE = "2/10m"
    send_comment(post, body="First of mine.")
    send_comment(post, body="Second of mine.")
    response = send_comment(post, body="Third, which must come back to me.")
    assert response.status_code == 429
    assert "Third, which must come back to me." in response.content.decode()
    assert Comment.objects.count() == 2


def test_duplicate_comment_gets_a_clear_message_and_is_stored_once(send_comment, post):
    send_comment(post, body="Exactly the same words.")
    response = send_comment(post, body="Exactly the same words.")
    assert "already sent this comment" in response.content.decode()
    assert Comment.objects.filter(body="Exactly the same words.").count() == 1


DRAFT_TOKEN = "0123456789abcdef" * 3


def _csrf_failure(post, body, token="", **headers):
    """A POST whose CSRF check fails (no CSRF cookie), with this browser's draft cookie."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.cookies["haven_draft"] = DRAFT_TOKEN
    return strict.post(
        reverse("comments:post", args=[post.pk]),
        comment_data(post, body=body, draft=token),
        **headers,
    )


def test_expired_csrf_token_hands_the_text_back_to_the_writers_own_browser(post):
    response = _csrf_failure(
        post, "Words after a nap.", token=DRAFT_TOKEN, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "not been sent yet" in html and "Words after a nap." in html


def test_a_stale_csrf_cookie_is_told_its_session_expired(post):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.cookies["csrftoken"] = "s" * 32  # from a token the site no longer accepts
    strict.cookies["haven_draft"] = DRAFT_TOKEN
    response = strict.post(
        reverse("comments:post", args=[post.pk]),
        comment_data(post, body="Words after a nap.", draft=DRAFT_TOKEN),
        HTTP_ORIGIN="http://testserver",
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "session expired" in html and "Words after a nap." in html


def test_referer_of_this_site_stands_in_for_a_missing_origin(post):
    referer = f"http://testserver{post.get_absolute_url()}"
    response = _csrf_failure(post, "Words after a nap.", token=DRAFT_TOKEN, HTTP_REFERER=referer)
    assert "Words after a nap." in response.content.decode()


@pytest.mark.parametrize(
    ("token", "headers"),
    [
        ("", {"HTTP_ORIGIN": "https://evil.example"}),
        (DRAFT_TOKEN, {"HTTP_ORIGIN": "https://evil.example"}),
        (DRAFT_TOKEN, {"HTTP_REFERER": "https://evil.example/page"}),
        (DRAFT_TOKEN, {"HTTP_ORIGIN": "null"}),
        (DRAFT_TOKEN, {}),
        ("", {"HTTP_ORIGIN": "http://testserver"}),
        ("f" * 48, {"HTTP_ORIGIN": "http://testserver"}),
    ],
    ids=[
        "cross-site-no-token",
        "cross-site-with-token",
        "cross-site-referer",
        "opaque-origin",
        "no-origin-or-referer",
        "same-site-no-token",
        "same-site-wrong-token",
    ],
)
def test_csrf_failure_never_puts_foreign_text_into_the_form(post, token, headers):
    planted = "Planted words from another site."
    response = _csrf_failure(post, planted, token=token, **headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert planted not in html
    assert "Please try again" in html
    assert not Comment.objects.exists()


def test_remember_me_keeps_name_email_and_website_for_next_time(client, send_comment, post):
    send_comment(post, name="Priya", email="p@example.org", url="https://p.example", remember="on")
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'value="Priya"' in html and 'value="p@example.org"' in html


def test_without_remember_me_nothing_is_kept(client, send_comment, post):
    send_comment(post, name="Priya", email="p@example.org")
    assert "haven_commenter" not in client.cookies or not client.cookies["haven_commenter"].value


def test_writer_can_edit_own_comment_within_the_window(client, send_comment, post):
    send_comment(post, body="Frist version.")
    comment = Comment.objects.get()
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": "First version."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "First version."
    assert "Frist version." in ModerationEvent.objects.get(action="edit").note


def test_writer_cannot_edit_after_a_reply_or_from_another_browser(client, send_comment, post):
    from django.test import Client

    send_comment(post, body="Mine to change.")
    comment = Comment.objects.get()
    assert Client().get(reverse("comments:edit", args=[comment.pk])).status_code == 404
    CommentFactory(parent=comment)
    assert client.get(reverse("comments:edit", args=[comment.pk])).status_code == 404


def test_writer_can_delete_own_comment_which_is_kept_as_removed(client, send_comment, post):
    send_comment(post, body="I regret this.")
    comment = Comment.objects.get()
    client.post(reverse("comments:delete", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REMOVED
    assert ModerationEvent.objects.filter(comment=comment, action="remove").exists()


def test_content_note_collapses_the_comment_behind_details(client, post):
    CommentFactory(post=post, content_note="mentions self-harm", body="A hard memory.")
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<details class="content-note"><summary>' in html
    assert html.index("<summary>") < html.index("A hard memory.")

"""Help shows on every response to a crisis text, whatever else is wrong with the sending.

A duplicate (double click, retry), the rate limit, a field to fix, an expired session or form,
a closed post, a parent gone: each hands the text back with the support panel above the reason.
"""

import time

import pytest
from django.test import Client
from django.urls import reverse

from comments import drafts
from comments.forms import sign_form
from comments.models import Comment

from .conftest import comment_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db
CRISIS_TEXT = "I can't go on like this. Some nights I want to kill myself."
PANEL = 'id="crisis-help"'
US_LINE = 'href="tel:988"'


def _has_help(response):
    html = response.content.decode()
    return PANEL in html and US_LINE in html and CRISIS_TEXT.replace("'", "&#x27;") in html


def test_sending_the_same_crisis_comment_twice_shows_the_panel_with_the_duplicate_note(
    send_comment, post
):
    send_comment(post, body=CRISIS_TEXT)
    response = send_comment(post, body=CRISIS_TEXT)
    assert response.status_code == 400
    assert "already sent this comment" in response.content.decode()
    assert _has_help(response)
    assert Comment.objects.filter(body=CRISIS_TEXT).count() == 1


def test_crisis_comment_over_the_rate_limit_shows_the_panel(send_comment, post, settings):
    settings.COMMENTS_RATE = "1/10m"
    send_comment(post, body="An ordinary first comment.")
    response = send_comment(post, body=CRISIS_TEXT)
    assert response.status_code == 429
    assert _has_help(response)


def test_crisis_comment_with_a_field_to_fix_shows_the_panel(send_comment, post):
    response = send_comment(post, body=CRISIS_TEXT, email="not-an-email")
    assert response.status_code == 400
    assert "valid email" in response.content.decode()
    assert _has_help(response)


def test_crisis_comment_with_an_expired_session_shows_the_panel(post):
    strict = Client(enforce_csrf_checks=True)
    strict.cookies[drafts.DRAFT_COOKIE] = "d" * 48  # this browser's own draft token
    strict.cookies["csrftoken"] = "s" * 32  # a token the site no longer accepts
    response = strict.post(
        reverse("comments:post", args=[post.pk]),
        {**comment_data(post, body=CRISIS_TEXT), drafts.DRAFT_FIELD: "d" * 48},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 403
    assert "session expired" in response.content.decode()
    assert _has_help(response)


def test_a_foreign_crisis_post_gets_help_but_never_its_text_back(post):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("comments:post", args=[post.pk]),
        comment_data(post, body=CRISIS_TEXT),
        HTTP_ORIGIN="https://evil.example",
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert PANEL in html and US_LINE in html
    assert "nobody would notice" not in html.lower() and CRISIS_TEXT[:30] not in html


def test_crisis_comment_on_a_stale_form_shows_the_panel(send_comment, post):
    old = sign_form(post.pk, now=time.time() - 30 * 86400)
    response = send_comment(post, body=CRISIS_TEXT, security=old)
    assert "form expired" in response.content.decode()
    assert _has_help(response)


def test_crisis_comment_on_a_closed_post_shows_the_panel(send_comment, post):
    post.comments_open = False
    post.save()
    response = send_comment(post, body=CRISIS_TEXT)
    assert response.status_code == 403
    assert _has_help(response)


def test_crisis_reply_to_a_vanished_comment_shows_the_panel(send_comment, post):
    gone = CommentFactory(post=post, status=Comment.Status.REMOVED)
    response = send_comment(post, body=CRISIS_TEXT, parent=gone.pk)
    assert "not available any more" in response.content.decode()
    assert _has_help(response)


def test_an_ordinary_text_handed_back_shows_no_crisis_panel(send_comment, post):
    send_comment(post, body="Thank you for this post.")
    response = send_comment(post, body="Thank you for this post.")
    assert "already sent" in response.content.decode()
    assert PANEL not in response.content.decode()


def test_distress_text_handed_back_shows_the_gentler_panel(send_comment, post):
    text = "Nothing will ever get better for me. I have lost all hope."
    response = send_comment(post, body=text, email="not-an-email")
    html = response.content.decode()
    assert PANEL in html and "have to wait to talk to someone" in html


def test_editing_own_comment_into_crisis_text_leads_to_the_support_panel(
    client, send_comment, post
):
    send_comment(post, body="A first version, fine.")
    comment = Comment.objects.get()
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": CRISIS_TEXT})
    assert response["Location"] == reverse("comments:after_submit", args=[comment.pk])
    assert US_LINE in client.get(response["Location"]).content.decode()


def test_edit_of_a_crisis_text_with_a_problem_shows_the_panel(client, send_comment, post):
    send_comment(post, body="A first version, fine.")
    comment = Comment.objects.get()
    too_long = CRISIS_TEXT + " " + "x" * 10_000
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": too_long})
    assert response.status_code == 200
    html = response.content.decode()
    assert PANEL in html and US_LINE in html


def test_crisis_comment_sent_too_quickly_shows_the_panel(send_comment, post, settings):
    settings.COMMENTS_MIN_SECONDS = 3
    response = send_comment(post, body=CRISIS_TEXT, security=sign_form(post.pk))
    assert "quicker than we expected" in response.content.decode()
    assert _has_help(response)

"""Reports, reply notifications and comment feeds."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from comments import moderator_actions
from comments.models import Comment, Report, Subscription

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_reader_report_returns_comment_to_moderators_without_hiding_it(client, comment):
    response = client.post(reverse("comments:report", args=[comment.pk]), {"reason": "abusive"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and comment.open_reports == 1
    assert comment in Comment.objects.needs_review()
    assert comment.body_html in client.get(comment.post.get_absolute_url()).content.decode()


def test_worried_report_sorts_as_crisis_and_alerts_moderators(
    client, comment, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    calm = CommentFactory(post=comment.post, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comments:report", args=[comment.pk]), {"reason": "worried"})
    comment.refresh_from_db()
    assert comment.crisis_level == "crisis"
    assert list(Comment.objects.needs_review())[:2] == [comment, calm]
    assert any(moderator.email in m.to for m in mailoutbox)


def test_report_without_a_reason_is_refused_with_a_message(client, comment):
    response = client.post(reverse("comments:report", args=[comment.pk]), {"note": "hm"})
    assert response.status_code == 200
    assert "Please choose a reason" in response.content.decode()
    assert Report.objects.count() == 0


def test_reply_notifications_are_double_opt_in(
    client, send_comment, post, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_comment(post, email="ann@example.org", notify="on", body="Tell me of replies.")
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert len(mailoutbox) == 1 and "confirm" in mailoutbox[0].subject.lower()
    assert post.title not in mailoutbox[0].subject
    url = reverse("comments:confirm_subscription", args=[subscription.token])
    client.get(url)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None  # a GET (mail scanner) confirms nothing
    client.post(url)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_approved_reply_emails_the_subscriber_with_one_click_unsubscribe(
    client, post, mailoutbox, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    parent = CommentFactory(post=post, author_email="ann@example.org")
    Subscription.objects.create(
        comment=parent, email="ann@example.org", token="tok123", confirmed_at=timezone.now()
    )
    reply = CommentFactory(parent=parent, status="pending", author_email="bo@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_actions.approve(reply)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ann@example.org"]
    assert post.title not in message.subject
    assert "List-Unsubscribe" in message.extra_headers
    client.get(reverse("comments:unsubscribe", args=["tok123"]))
    assert Subscription.objects.get().unsubscribed_at is not None


def test_pending_reply_sends_no_notification(post, mailoutbox):
    from django.utils import timezone

    parent = CommentFactory(post=post)
    Subscription.objects.create(
        comment=parent, email="a@example.org", token="t", confirmed_at=timezone.now()
    )
    CommentFactory(parent=parent, status="pending")
    assert mailoutbox == []


def test_comment_feeds_list_approved_comments_without_emails(client, post):
    CommentFactory(post=post, author_email="secret@example.org", body="Public words")
    CommentFactory(post=post, status="pending", body="Pending words")
    for url in (reverse("comments:feed"), reverse("comments:post_feed", args=[post.pk])):
        body = client.get(url).content.decode()
        ET.fromstring(body)
        assert "Public words" in body and "Pending words" not in body
        assert "secret@example.org" not in body


def test_emails_and_ip_hashes_never_appear_on_public_pages(client, post):
    CommentFactory(post=post, author_email="hidden@example.org", ip_hash="abc123def456")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "hidden@example.org" not in html and "abc123def456" not in html

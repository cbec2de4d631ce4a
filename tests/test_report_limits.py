"""Reader reports cannot be flooded, and "worried" alerts come once per comment per hour."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, OutgoingEmail, Report
from comments.notifications import send_pending

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(django_capture_on_commit_callbacks):
    """Send one report as a real request would, running its after-commit emails."""

    def run(comment, reason="worried", via=None, deliver=True):
        url = reverse("comments:report", args=[comment.pk])
        with django_capture_on_commit_callbacks(execute=deliver):
            return (via or Client()).post(url, {"reason": reason}, follow=True)

    return run


def reader(n):
    return Client(REMOTE_ADDR=f"10.0.0.{n}")


def worried_emails(mailoutbox):
    return [m for m in mailoutbox if "worried" in m.subject]


def test_25_reports_from_one_browser_store_one_and_send_at_most_one_email(
    report, comment, moderator, mailoutbox
):
    browser = reader(1)
    pages = [report(comment, via=browser).content.decode() for _ in range(25)]
    assert Report.objects.filter(comment=comment).count() == 1
    assert 'id="comment-confirmation"' in pages[0]
    assert all("You have already reported this comment" in page for page in pages[1:])
    assert len(worried_emails(mailoutbox)) == 1
    comment.refresh_from_db()
    assert comment.open_reports == 1


def test_a_reader_over_the_hourly_report_limit_is_told_and_nothing_is_stored(
    report, post, settings
):
    settings.COMMENTS_REPORT_RATE = "3/1h"
    browser = reader(2)
    comments = [CommentFactory(post=post) for _ in range(4)]
    for comment in comments[:3]:
        assert report(comment, reason="spam", via=browser).status_code == 200
    response = report(comments[3], reason="spam", via=browser)
    assert response.status_code == 429
    assert "several reports in a short time" in response.content.decode()
    assert Report.objects.count() == 3
    assert Comment.objects.get(pk=comments[3].pk).open_reports == 0


def test_five_worried_readers_in_an_hour_get_one_email_now_and_the_count_in_the_next(
    report, comment, moderator, mailoutbox
):
    for n in range(5):
        report(comment, via=reader(n))
    assert Report.objects.filter(comment=comment).count() == 5
    sent = worried_emails(mailoutbox)
    assert len(sent) == 1 and "1 reader has said" in sent[0].body
    held = OutgoingEmail.objects.get(sent_at=None)
    assert "5 readers have said they are worried" in held.body
    assert send_pending() == (0, 0, 0)  # held until the hour is up
    OutgoingEmail.objects.filter(pk=held.pk).update(not_before=timezone.now())
    assert send_pending() == (1, 0, 0)
    assert "5 readers have said they are worried" in worried_emails(mailoutbox)[1].body


def test_five_worried_readers_before_the_alert_goes_out_make_one_email_saying_five(
    report, comment, moderator, mailoutbox
):
    for n in range(5):
        report(comment, via=reader(n), deliver=False)  # mail is slow: nothing sent yet
    assert OutgoingEmail.objects.filter(topic=f"worried:{comment.pk}").count() == 1
    assert send_pending() == (1, 0, 0)
    sent = worried_emails(mailoutbox)
    assert len(sent) == 1
    assert "5 readers have said they are worried" in sent[0].body


def test_a_new_hour_brings_a_new_alert(report, comment, moderator, mailoutbox):
    report(comment, via=reader(1))
    OutgoingEmail.objects.update(sent_at=timezone.now() - timedelta(hours=2))
    report(comment, via=reader(2))
    sent = worried_emails(mailoutbox)
    assert len(sent) == 2 and "2 readers have said" in sent[1].body

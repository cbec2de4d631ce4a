"""Retention (purge_comments) and the email outbox commands."""

import io
from datetime import timedelta

import pytest
from django.core.mail.backends import smtp
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from comments.models import Comment, ModerationEvent, OutgoingEmail, Report
from comments.notifications import Delivery, deliver, queue_email

from .factories import CommentFactory

pytestmark = pytest.mark.django_db
Status = Comment.Status


def hidden_since(comment, days):
    """Pretend the comment was hidden ``days`` ago (its last change)."""
    Comment.objects.filter(pk=comment.pk).update(updated_at=timezone.now() - timedelta(days=days))
    return comment


def purge(*args):
    out = io.StringIO()
    call_command("purge_comments", *args, stdout=out)
    return out.getvalue()


def exists(comment):
    return Comment.objects.filter(pk=comment.pk).exists()


# purge_comments ------------------------------------------------------------------------------


def test_purge_deletes_old_spam_and_removed_comments_and_reports_counts(post, settings):
    settings.COMMENTS_PURGE_DAYS = 30
    old_spam = hidden_since(CommentFactory(post=post, status=Status.SPAM), 31)
    old_removed = hidden_since(CommentFactory(post=post, status=Status.REMOVED), 40)
    Report.objects.create(comment=old_removed, reason=Report.Reason.ABUSIVE)
    recent_spam = hidden_since(CommentFactory(post=post, status=Status.SPAM), 29)
    old_pending = hidden_since(CommentFactory(post=post, status=Status.PENDING), 90)
    old_approved = hidden_since(CommentFactory(post=post), 90)
    output = purge()
    assert "Deleted 2 comment(s) hidden for more than 30 days: 1 spam, 1 removed." in output
    assert not exists(old_spam) and not exists(old_removed)
    assert all(exists(c) for c in (recent_spam, old_pending, old_approved))
    purged = ModerationEvent.objects.filter(action="purge")
    assert set(purged.values_list("comment_ref", flat=True)) == {old_spam.pk, old_removed.pk}


def test_purge_keeps_a_removed_comment_whose_replies_are_visible(post):
    parent = hidden_since(CommentFactory(post=post, status=Status.REMOVED), 60)
    reply = CommentFactory(post=post, parent=parent)
    waiting = hidden_since(CommentFactory(post=post, status=Status.SPAM), 60)
    pending_reply = CommentFactory(post=post, parent=waiting, status=Status.PENDING)
    output = purge()
    assert exists(parent) and exists(reply)
    assert exists(waiting) and exists(pending_reply)
    assert "Kept 2 hidden comment(s) that still have replies" in output


def test_purge_removes_a_whole_hidden_branch_leaves_first(post):
    top = hidden_since(CommentFactory(post=post, status=Status.REMOVED), 60)
    middle = hidden_since(CommentFactory(post=post, parent=top, status=Status.SPAM), 60)
    leaf = hidden_since(CommentFactory(post=post, parent=middle, status=Status.REMOVED), 60)
    output = purge()
    assert not any(exists(c) for c in (top, middle, leaf))
    assert "Deleted 3 comment(s)" in output


def test_purge_keeps_a_hidden_branch_with_a_recent_hidden_reply(post):
    top = hidden_since(CommentFactory(post=post, status=Status.REMOVED), 60)
    fresh = CommentFactory(post=post, parent=top, status=Status.REMOVED)
    purge()
    assert exists(top) and exists(fresh)


def test_purge_twice_does_nothing_the_second_time(post):
    hidden_since(CommentFactory(post=post, status=Status.SPAM), 60)
    purge()
    assert "Deleted 0 comment(s)" in purge()
    assert ModerationEvent.objects.filter(action="purge").count() == 1


def test_purge_dry_run_counts_and_deletes_nothing(post):
    spam = hidden_since(CommentFactory(post=post, status=Status.SPAM), 60)
    assert "Would delete 1 comment(s)" in purge("--dry-run")
    assert exists(spam)
    assert not ModerationEvent.objects.filter(action="purge").exists()


def test_purge_days_option_overrides_the_setting(post):
    spam = hidden_since(CommentFactory(post=post, status=Status.SPAM), 10)
    purge()
    assert exists(spam)
    purge("--days", "7")
    assert not exists(spam)


@pytest.mark.parametrize("days", ["0", "-3"])
def test_purge_refuses_a_retention_shorter_than_a_day(post, days):
    CommentFactory(post=post, status=Status.SPAM)
    with pytest.raises(CommandError):
        purge("--days", days)
    assert Comment.objects.count() == 1


# send_pending_notifications ------------------------------------------------------------------


def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


def send_pending():
    out, err = io.StringIO(), io.StringIO()
    call_command("send_pending_notifications", stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_a_message_that_failed_is_retried_and_sent_exactly_once(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    smtp_down(settings)
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email(kind="reply", to=["writer@example.org"], subject="Hello", body="Hi")
    message.refresh_from_db()
    assert message.sent_at is None and message.attempts == 1 and message.last_error
    assert "1 failed" in send_pending()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "Sent 1 email(s); 0 failed" in send_pending()
    assert "Sent 0 email(s)" in send_pending()
    assert [m.to for m in mailoutbox] == [["writer@example.org"]]
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 3


def test_send_pending_with_an_empty_outbox_sends_nothing(mailoutbox):
    assert "Sent 0 email(s); 0 failed" in send_pending()
    assert mailoutbox == []


LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class AnotherRunSendsMeanwhile(smtp.EmailBackend):
    """SMTP as configured, but while it connects another run sends message ``meanwhile``.

    That run works: it goes through locmem. This is the race of two overlapping cron runs.
    """

    meanwhile = None

    def send_messages(self, email_messages):
        pk, type(self).meanwhile = type(self).meanwhile, None
        if pk is not None:
            with override_settings(EMAIL_BACKEND=LOCMEM):
                assert deliver(pk) is Delivery.SENT
        return super().send_messages(email_messages)


def test_a_message_another_run_sent_is_skipped_while_an_smtp_failure_counts_as_failed(
    settings, mailoutbox, monkeypatch
):
    smtp_down(settings)
    settings.EMAIL_BACKEND = f"{__name__}.{AnotherRunSendsMeanwhile.__name__}"
    first, second = (
        queue_email(kind="reply", to=[to], subject="Hello", body="Hi", send_now=False)
        for to in ("first@example.org", "second@example.org")
    )
    monkeypatch.setattr(AnotherRunSendsMeanwhile, "meanwhile", second.pk)
    output = send_pending()
    assert "Sent 0 email(s); 1 failed and stay queued for next time." in output
    assert "1 left to another run that had already claimed them." in output
    assert "1 email(s) could not be sent" in output
    assert [m.to for m in mailoutbox] == [["second@example.org"]]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.sent_at is None and first.last_error and first.attempts == 1
    assert second.sent_at is not None and second.attempts == 1


def test_deliver_says_whether_it_sent_failed_or_skipped(settings, mailoutbox):
    message = queue_email(
        kind="reply", to=["a@example.org"], subject="Hi", body="Hi", send_now=False
    )
    smtp_down(settings)
    assert deliver(message.pk) is Delivery.FAILED
    settings.EMAIL_BACKEND = LOCMEM
    assert deliver(message.pk) is Delivery.SENT
    assert deliver(message.pk) is Delivery.SKIPPED
    assert len(mailoutbox) == 1


# send_moderation_digest ----------------------------------------------------------------------


def digest():
    out = io.StringIO()
    call_command("send_moderation_digest", stdout=out)
    return out.getvalue()


def test_digest_with_nothing_waiting_sends_nothing(moderator, mailoutbox):
    assert "No digest" in digest()
    assert not OutgoingEmail.objects.exists()


def test_digest_lists_each_waiting_comment_with_a_link_and_an_excerpt(
    post, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    first = CommentFactory(post=post, status=Status.PENDING, body="Short one.")
    CommentFactory(post=post, status=Status.PENDING, body=" ".join(["long"] * 40) + " ending")
    with django_capture_on_commit_callbacks(execute=True):
        output = digest()
    assert "Digest to 1 moderator(s) sent." in output
    (message,) = mailoutbox
    assert message.to == [moderator.email]
    assert f"/moderation/?focus={first.pk}" in message.body
    assert "Short one." in message.body and "ending" not in message.body


@pytest.mark.django_db(transaction=True)
def test_digest_run_as_cron_does_outside_a_transaction_is_sent_once_and_says_so(
    post, moderator, mailoutbox
):
    CommentFactory(post=post, status=Status.PENDING)
    assert "Digest to 1 moderator(s) sent." in digest()
    assert len(mailoutbox) == 1
    assert OutgoingEmail.objects.get().attempts == 1


def test_digest_that_cannot_be_sent_says_it_will_be_retried(post, moderator, settings):
    CommentFactory(post=post, status=Status.PENDING)
    smtp_down(settings)
    assert "not sent yet; send_pending_notifications will retry it" in digest()
    assert OutgoingEmail.objects.get(sent_at=None).last_error

"""Email as background tasks: the request stores and enqueues, a worker sends, once."""

import threading
import time
from contextlib import nullcontext
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from comments.models import OutgoingEmail
from comments.notifications import Delivery, deliver, queue_email, send_pending
from comments.tasks import URGENT_PRIORITY, enqueue_delivery, retry_delay
from moderation.mail import notify_moderators

from .email_backends import WatchingEmailBackend
from .factories import CommentFactory, ModeratorFactory

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
CRISIS_TEXT = "I can't go on like this. Some nights I want to kill myself."


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def run_worker(worker_id="w1"):
    """What `manage.py db_worker --batch` does: run every ready task, then return.

    Inside a test's transaction the worker must keep its connection (closing it would end the
    test's transaction on PostgreSQL); the racing test runs outside one and closes for real.
    """
    closer = f"{Worker.__module__}.close_old_connections"
    with mock.patch(closer) if connection.in_atomic_block else nullcontext():
        _worker(worker_id).run()


def _worker(worker_id):
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def queue(**fields):
    return queue_email(kind="reply", to=["a@example.org"], subject="Hi", body="Hi", **fields)


@pytest.mark.django_db
def test_immediate_backend_sends_at_commit_without_a_worker(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
    assert len(mailoutbox) == 1
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1


@pytest.mark.django_db
def test_database_backend_enqueues_and_the_worker_sends_once(
    database_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
    assert mailoutbox == []
    assert DBTaskResult.objects.ready().count() == 1
    run_worker()
    run_worker()
    assert len(mailoutbox) == 1
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1
    assert DBTaskResult.objects.ready().count() == 0


@pytest.mark.django_db
def test_the_same_email_enqueued_twice_is_sent_once(database_tasks, mailoutbox):
    message = queue(send_now=False)
    enqueue_delivery(message)
    enqueue_delivery(message)
    run_worker("w1")
    run_worker("w2")
    assert len(mailoutbox) == 1
    assert OutgoingEmail.objects.get(pk=message.pk).attempts == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_never_send_an_email_twice_nor_lose_one(database_tasks, mailoutbox):
    subjects = [f"Note {n}" for n in range(5)]
    messages = [
        queue_email(kind="reply", to=["a@x.org"], subject=s, body="Hi", send_now=False)
        for s in subjects
    ]
    for message in messages:  # each message twice: a retry raced by the original
        enqueue_delivery(message)
        enqueue_delivery(message)
    errors = []

    def work(worker_id):
        try:
            for _ in range(50):  # in-memory SQLite locks out a racing thread: try again
                try:
                    return run_worker(worker_id)
                except OperationalError as exc:
                    if "locked" not in str(exc):
                        raise
                    time.sleep(0.05)
        except Exception as exc:  # reported by the assert below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    # On in-memory SQLite a task can still meet a locked table and error; it must leave its
    # message unsent (never claimed-but-unsent), so the scheduler's retry job sends it.
    send_pending()
    assert sorted(m.subject for m in mail.outbox) == subjects
    assert OutgoingEmail.objects.filter(sent_at=None).count() == 0
    assert set(OutgoingEmail.objects.values_list("attempts", flat=True)) == {1}


@pytest.mark.django_db
def test_the_claim_is_the_last_database_statement_before_the_send(settings, monkeypatch):
    """So no database error can come between them and leave a message marked sent unsent."""
    settings.EMAIL_BACKEND = "tests.email_backends.WatchingEmailBackend"
    monkeypatch.setattr(WatchingEmailBackend, "seen", [])
    message = queue(send_now=False)
    with CaptureQueriesContext(connection) as queries:
        assert deliver(message.pk) is Delivery.SENT
    ((count_at_send, last_sql),) = WatchingEmailBackend.seen
    assert last_sql.startswith("UPDATE") and "sent_at" in last_sql
    assert count_at_send - queries.initial_queries == len(queries), "nothing after the send"


@pytest.mark.django_db
def test_a_failed_send_leaves_the_row_unsent_and_schedules_a_later_retry(
    database_tasks, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.email_backends.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
    before = timezone.now()
    run_worker()
    message.refresh_from_db()
    assert message.sent_at is None
    assert message.attempts == 1
    assert "unreachable" in message.last_error
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["args"] == [message.pk]
    assert retry.run_after >= before + timedelta(seconds=retry_delay(1))
    run_worker()  # not due yet: nothing happens
    message.refresh_from_db()
    assert message.attempts == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 2
    assert len(mailoutbox) == 1


def test_retries_back_off_exponentially():
    assert [retry_delay(n) for n in (1, 2, 3)] == [30, 120, 480]


@pytest.mark.django_db
def test_gives_up_rescheduling_after_the_last_attempt(database_tasks, settings):
    from comments.tasks import MAX_ATTEMPTS

    settings.EMAIL_BACKEND = "tests.email_backends.FailingEmailBackend"
    message = queue(send_now=False)
    OutgoingEmail.objects.filter(pk=message.pk).update(attempts=MAX_ATTEMPTS - 1)
    enqueue_delivery(message)
    run_worker()
    assert OutgoingEmail.objects.get(pk=message.pk).attempts == MAX_ATTEMPTS
    assert DBTaskResult.objects.ready().count() == 0
    assert not DBTaskResult.objects.filter(status="READY").exists()


@pytest.mark.django_db
def test_crisis_alert_is_urgent_and_enqueued_ahead_of_other_mail(
    database_tasks, post, django_capture_on_commit_callbacks
):
    ModeratorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        queue()
        alert = notify_moderators(
            CommentFactory(post=post, status="pending", crisis_level="crisis", body=CRISIS_TEXT)
        )
    assert alert.urgent
    first = DBTaskResult.objects.ready().first()  # the worker's own order
    assert first.priority == URGENT_PRIORITY
    assert first.args_kwargs["args"] == [alert.pk]


@pytest.mark.django_db
def test_comment_post_with_the_database_backend_returns_without_sending(
    database_tasks, send_comment, post, mailoutbox, django_capture_on_commit_callbacks
):
    ModeratorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = send_comment(post, body=CRISIS_TEXT)
    assert response.status_code in (200, 302)
    assert mailoutbox == []
    alert = OutgoingEmail.objects.get(kind="moderation")
    assert alert.urgent and alert.sent_at is None
    run_worker()
    assert len(mailoutbox) == 1
    assert "Urgent" in mailoutbox[0].subject

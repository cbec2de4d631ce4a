"""The scheduler enqueues each recurring job once per interval, whoever else runs it."""

import io
from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import OutgoingEmail
from comments.notifications import queue_email
from ops.models import ScheduledJob
from ops.scheduler import JOBS, run_due

from .factories import CommentFactory, ModeratorFactory

pytestmark = pytest.mark.django_db
ALL = {job.name for job in JOBS}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_first_run_enqueues_every_job_once(database_tasks):
    assert set(run_due()) == ALL
    assert DBTaskResult.objects.ready().count() == len(ALL)
    assert run_due() == []  # a second scheduler at the same moment gets nothing
    assert DBTaskResult.objects.ready().count() == len(ALL)


def test_a_job_runs_again_only_after_its_interval(database_tasks):
    now = timezone.now()
    run_due(now)
    assert run_due(now + timedelta(minutes=4)) == []
    assert run_due(now + timedelta(minutes=5)) == ["retry-unsent-email"]
    assert set(run_due(now + timedelta(days=1))) == ALL


def test_a_run_claimed_by_another_scheduler_is_not_enqueued_again(database_tasks):
    now = timezone.now()
    ScheduledJob.objects.create(name="retry-unsent-email", last_run_at=now)
    assert "retry-unsent-email" not in run_due(now)


def test_run_scheduler_once_with_the_immediate_backend_retries_unsent_mail(settings, mailoutbox):
    message = queue_email(kind="reply", to=["a@x.org"], subject="Hi", body="x", send_now=False)
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "retry-unsent-email" in out.getvalue()
    assert len(mailoutbox) == 1
    assert OutgoingEmail.objects.get(pk=message.pk).sent_at is not None


def test_digest_job_sends_only_in_digest_mode(settings, mailoutbox, post):
    ModeratorFactory()
    CommentFactory(post=post, status="pending")
    settings.COMMENTS_MODERATOR_EMAILS = "immediate"
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    assert not OutgoingEmail.objects.filter(kind="digest").exists()
    ScheduledJob.objects.all().delete()
    settings.COMMENTS_MODERATOR_EMAILS = "digest"
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    assert OutgoingEmail.objects.get(kind="digest").sent_at is not None


def test_daily_job_clears_expired_sessions_and_keeps_live_ones(client, settings):
    """The README's "run clearsessions daily", done by the scheduler with no cron of its own."""
    moderator = ModeratorFactory()
    client.force_login(moderator)
    live = client.session.session_key
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
    expired = SessionStore()
    expired["note"] = "from last month"
    expired.set_expiry(-60)  # already past
    expired.create()
    assert Session.objects.count() == 2
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "clear-expired-sessions" in out.getvalue()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]

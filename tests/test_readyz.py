"""/readyz: database, cache, task backlog and unsent urgent alerts; 503 when any fails."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import OutgoingEmail
from comments.notifications import queue_email
from comments.tasks import enqueue_delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def readyz(client):
    response = client.get("/readyz")
    assert response["Cache-Control"] == "no-store"
    return response, response.json()


def urgent_alert(age_seconds):
    message = queue_email(kind="moderation", to=["m@x.org"], subject="s", body="b", urgent=True)
    past = timezone.now() - timedelta(seconds=age_seconds)
    OutgoingEmail.objects.filter(pk=message.pk).update(created_at=past)
    return message


def test_ready_when_every_check_passes(client):
    response, body = readyz(client)
    assert response.status_code == 200
    assert body["ready"] is True
    assert set(body["checks"]) == {"database", "cache", "task_backlog", "urgent_alerts"}
    assert all(check["ok"] for check in body["checks"].values())


def test_not_ready_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr("ops.readiness.connection.cursor", broken_cursor)
    response, body = readyz(client)
    assert response.status_code == 503
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def test_not_ready_when_the_cache_loses_what_it_was_given(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    response, body = readyz(client)
    assert response.status_code == 503
    assert body["checks"]["cache"]["ok"] is False


def test_not_ready_when_the_task_backlog_is_too_long(client, settings, database_tasks):
    settings.READY_MAX_BACKLOG = 2
    for _ in range(3):
        enqueue_delivery(queue_email(kind="reply", to=["a@x.org"], subject="s", body="b"))
    response, body = readyz(client)
    assert response.status_code == 503
    backlog = body["checks"]["task_backlog"]
    assert backlog["ok"] is False and backlog["ready"] == 3 and backlog["max"] == 2
    assert backlog["oldest_age_seconds"] >= 0


def test_a_task_deferred_to_later_is_not_backlog(client, settings, database_tasks):
    settings.READY_MAX_BACKLOG = 0
    message = queue_email(kind="reply", to=["a@x.org"], subject="s", body="b")
    enqueue_delivery(message, run_after=timezone.now() + timedelta(minutes=5))
    assert DBTaskResult.objects.count() == 1
    response, body = readyz(client)
    assert response.status_code == 200
    assert body["checks"]["task_backlog"]["ready"] == 0


def test_not_ready_when_an_urgent_alert_waits_too_long(client, settings):
    settings.READY_MAX_ALERT_AGE = 120
    urgent_alert(age_seconds=200)
    response, body = readyz(client)
    assert response.status_code == 503
    alerts = body["checks"]["urgent_alerts"]
    assert alerts["ok"] is False and alerts["oldest_unsent_age_seconds"] >= 200


def test_a_fresh_urgent_alert_or_an_old_ordinary_email_keeps_it_ready(client, settings):
    settings.READY_MAX_ALERT_AGE = 120
    urgent_alert(age_seconds=10)
    old = queue_email(kind="reply", to=["a@x.org"], subject="s", body="b")
    OutgoingEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    response, _ = readyz(client)
    assert response.status_code == 200


def test_a_sent_urgent_alert_is_not_waiting(client):
    message = urgent_alert(age_seconds=600)
    OutgoingEmail.objects.filter(pk=message.pk).update(sent_at=timezone.now())
    response, _ = readyz(client)
    assert response.status_code == 200

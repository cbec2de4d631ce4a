"""What /readyz checks: each check returns (ok, details) and never raises."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import OutgoingEmail


def _age(moment, now):
    return None if moment is None else round((now - moment).total_seconds(), 1)


def check_database(now):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,), {}


def check_cache(now):
    token = secrets.token_hex(8)
    cache.set("readyz:probe", token, 30)
    return cache.get("readyz:probe") == token, {}


def check_task_backlog(now):
    ready = DBTaskResult.objects.ready()
    summary = ready.aggregate(oldest=Min("enqueued_at"))
    count = ready.count()
    limit = settings.READY_MAX_BACKLOG
    details = {"ready": count, "max": limit, "oldest_age_seconds": _age(summary["oldest"], now)}
    return count <= limit, details


def check_urgent_alerts(now):
    oldest = OutgoingEmail.objects.filter(urgent=True, sent_at=None).aggregate(
        oldest=Min("created_at")
    )["oldest"]
    age = _age(oldest, now)
    limit = settings.READY_MAX_ALERT_AGE
    return age is None or age <= limit, {"oldest_unsent_age_seconds": age, "max": limit}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "task_backlog": check_task_backlog,
    "urgent_alerts": check_urgent_alerts,
}


def run_checks():
    """{name: {"ok": bool, ...details}}; a check that raises fails with the error's type."""
    now = timezone.now()
    results = {}
    for name, check in CHECKS.items():
        try:
            ok, details = check(now)
        except Exception as exc:  # a database or cache that is down is an answer, not a crash
            ok, details = False, {"error": type(exc).__name__}
        results[name] = {"ok": bool(ok), **details}
    return results

"""Retention purges as background tasks (the scheduler enqueues them daily)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .management.commands.purge_comments import purge_hidden_comments
from .personal_data import purge_personal_data


@task()
def purge_hidden_comments_task():
    days = settings.COMMENTS_PURGE_DAYS
    if days < 1:
        return {"skipped": "COMMENTS_PURGE_DAYS below 1"}
    purged, kept = purge_hidden_comments(timezone.now() - timedelta(days=days), days=days)
    return {"purged": sum(purged.values()), "kept": kept}


@task()
def purge_personal_data_task():
    return purge_personal_data()

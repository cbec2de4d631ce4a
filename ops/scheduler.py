"""The recurring jobs and the loop that enqueues them (`manage.py run_scheduler`).

Each job's last run is a row in ScheduledJob. A run is claimed with one conditional UPDATE
("last run is older than the interval"), so two schedulers never enqueue the same run twice.
Jobs are named by dotted path: privacy sits above ops and ops never imports it.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledJob

log = logging.getLogger(__name__)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Job:
    name: str
    task: str
    every: timedelta


JOBS = (
    Job("retry-unsent-email", "comments.tasks.retry_unsent_email", timedelta(minutes=5)),
    Job("moderator-digest", "moderation.tasks.send_moderation_digest", DAY),
    Job("purge-hidden-comments", "privacy.tasks.purge_hidden_comments_task", DAY),
    Job("purge-personal-data", "privacy.tasks.purge_personal_data_task", DAY),
    Job("clear-expired-sessions", "ops.tasks.clear_expired_sessions", DAY),
)


def claim(job, now):
    """True if this scheduler won the job's run due at ``now`` (and recorded it)."""
    try:
        with transaction.atomic():
            ScheduledJob.objects.get_or_create(name=job.name)
    except IntegrityError:  # another scheduler created the row a moment ago
        pass
    due = Q(last_run_at=None) | Q(last_run_at__lte=now - job.every)
    return bool(ScheduledJob.objects.filter(due, name=job.name).update(last_run_at=now))


def run_due(now=None, jobs=JOBS):
    """Enqueue every job whose interval has passed; return the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs:
        if claim(job, now):
            import_string(job.task).enqueue()
            log.info("scheduled %s", job.name)
            enqueued.append(job.name)
    return enqueued

"""Background tasks for the outbox: send one stored email, retrying with backoff.

The OutgoingEmail row stays the durable record: deliver() claims it with one UPDATE, so a
message is sent at most once however many tasks or workers reach it.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import notifications
from .models import OutgoingEmail

log = logging.getLogger(__name__)

URGENT_PRIORITY = 50  # crisis alerts jump the queue (default priority is 0)
FIRST_RETRY_SECONDS = 30  # then 2 min, 8 min, 32 min, ~2 h
MAX_ATTEMPTS = 6


def retry_delay(attempts):
    """Seconds to wait after the given number of failed attempts (exponential, x4)."""
    return FIRST_RETRY_SECONDS * 4 ** (attempts - 1)


def enqueue_delivery(message, run_after=None):
    options = {"priority": URGENT_PRIORITY if message.urgent else 0}
    if run_after is not None:
        options["run_after"] = run_after
    return deliver_email.using(**options).enqueue(message.pk)


@task()
def deliver_email(pk):
    """Send one outbox message; on failure enqueue a later try while attempts remain."""
    outcome = notifications.deliver(pk)
    if outcome is notifications.Delivery.FAILED:
        message = OutgoingEmail.objects.get(pk=pk)
        if message.attempts >= MAX_ATTEMPTS:
            log.error("email %s not sent after %s attempts", pk, message.attempts)
        elif deliver_email.get_backend().supports_defer:
            later = timezone.now() + timedelta(seconds=retry_delay(message.attempts))
            enqueue_delivery(message, run_after=later)
        # The immediate backend cannot defer: the scheduler's retry picks the message up.
    return outcome.value


@task()
def retry_unsent_email():
    """The scheduler's safety net: send whatever the per-message retries have not."""
    sent, failed, skipped = notifications.send_pending()
    return {"sent": sent, "failed": failed, "skipped": skipped}

"""Moderators' recurring mail as a background task (the scheduler enqueues it daily)."""

from django.conf import settings
from django_tasks import task

from comments.notifications import deliver

from .mail import send_digest


@task()
def send_moderation_digest():
    """One list of what waits, when moderators chose the digest; a no-op otherwise."""
    if settings.COMMENTS_MODERATOR_EMAILS != "digest":
        return "not in digest mode"
    message = send_digest()
    if message is None:
        return "nothing waits"
    return deliver(message.pk).value  # a failure stays in the outbox for the retry job

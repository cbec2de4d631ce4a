"""Housekeeping tasks of Haven's own (the scheduler enqueues them; see ops.scheduler)."""

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task


@task()
def clear_expired_sessions():
    """``manage.py clearsessions``: sessions live in the database and would pile up forever."""
    expired = Session.objects.filter(expire_date__lt=timezone.now()).count()
    call_command("clearsessions")
    return {"expired": expired}

"""Server-side sessions a moderator can end: here, or everywhere they are logged in."""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone


def end_all_sessions(user):
    """Delete every live session logged in as ``user``; how many were ended.

    Sessions are kept in the database (SESSION_ENGINE), so a copied cookie is worth nothing
    once its row is gone.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    live = Session.objects.filter(expire_date__gt=timezone.now())
    for session in live.iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended

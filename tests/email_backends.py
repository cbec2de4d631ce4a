"""Email backends for tests: an SMTP server that refuses every message, and one that watches."""

from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise OSError("SMTP server unreachable (test backend)")


class WatchingEmailBackend(locmem.EmailBackend):
    """locmem, noting the last database statement run before each send (in ``seen``)."""

    seen = []

    def send_messages(self, email_messages):
        type(self).seen.append((len(connection.queries), connection.queries[-1]["sql"]))
        return super().send_messages(email_messages)

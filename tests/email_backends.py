"""Email backends for tests: an SMTP server that refuses every message."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise OSError("SMTP server unreachable (test backend)")

"""Retry every email still in the outbox (run it from cron every few minutes).

A message is claimed and marked sent in one statement, so two runs never send it twice.
"""

from django.core.management.base import BaseCommand

from comments.notifications import send_pending


class Command(BaseCommand):
    help = "Send (or retry) every unsent email in the outbox."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many per run.")

    def handle(self, *args, limit=500, **options):
        sent, failed, skipped = send_pending(limit=limit)
        line = f"Sent {sent} email(s); {failed} failed and stay queued for next time."
        if skipped:  # overlapping cron runs: not a failure, so not counted as one
            line += f" {skipped} left to another run that had already claimed them."
        self.stdout.write(line)
        if failed:
            self.stderr.write(f"{failed} email(s) could not be sent; see OutgoingEmail.last_error.")

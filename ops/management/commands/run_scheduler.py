"""manage.py run_scheduler: enqueue the recurring jobs when due (run one, beside the worker)."""

import time

from django.core.management.base import BaseCommand

from ops.scheduler import run_due


class Command(BaseCommand):
    help = (
        "Enqueue recurring jobs (email retries, moderator digest, retention purges, expired "
        "sessions) when due."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Check once, then exit.")
        parser.add_argument("--interval", type=float, default=30, help="Seconds between checks.")

    def handle(self, *args, once=False, interval=30, **options):
        while True:
            enqueued = run_due()
            if enqueued:
                self.stdout.write("Enqueued: " + ", ".join(enqueued))
            if once:
                return
            time.sleep(interval)

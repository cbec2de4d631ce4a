"""manage.py purge_personal_data: apply the retention settings (run daily; idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from privacy.personal_data import purge_personal_data


class Command(BaseCommand):
    help = (
        "Drop IP hashes older than COMMENTS_IP_RETENTION_DAYS and, when "
        "COMMENTS_EMAIL_RETENTION_DAYS is set, commenters' emails older than that."
    )

    def handle(self, *args, **options):
        counts = purge_personal_data()
        days = settings.COMMENTS_EMAIL_RETENTION_DAYS
        self.stdout.write(
            f"IP hashes dropped (older than {settings.COMMENTS_IP_RETENTION_DAYS} days): "
            f"{counts['comment_ip_hashes']} from comments, {counts['report_ip_hashes']} from "
            "reports."
        )
        if days > 0:
            self.stdout.write(
                f"Emails forgotten (comments older than {days} days): {counts['emails']}; "
                f"reply subscriptions deleted: {counts['subscriptions']}."
            )
        else:
            self.stdout.write("Emails kept: COMMENTS_EMAIL_RETENTION_DAYS is 0 (keep).")

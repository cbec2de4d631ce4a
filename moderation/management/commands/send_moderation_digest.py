"""Email moderators one list of every comment waiting for review (COMMENTS_MODERATOR_EMAILS=digest).

Crisis-flagged comments are never left for the digest: they were emailed the moment they came in.
"""

from django.core.management.base import BaseCommand

from comments.notifications import Delivery, deliver
from moderation.mail import send_digest


class Command(BaseCommand):
    help = "Send moderators one email listing the comments waiting for review."

    def handle(self, *args, **options):
        message = send_digest()
        if message is None:
            self.stdout.write("No digest: nothing waits, or no moderator has an email address.")
            return
        outcome = deliver(message.pk)  # now, not at commit, so the report below is true
        state = {
            Delivery.SENT: "sent",
            Delivery.FAILED: "not sent yet; send_pending_notifications will retry it",
            Delivery.SKIPPED: "being sent by a send_pending_notifications run",
        }[outcome]
        self.stdout.write(f"Digest to {len(message.to)} moderator(s) {state}.")

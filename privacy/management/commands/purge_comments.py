"""Delete spam and removed comments once they have been hidden for COMMENTS_PURGE_DAYS.

A moderator's click never deletes: this retention job does, later. A hidden comment that still
has replies stays (readers see "This comment was removed" above the replies); replies are
purged first, so a whole hidden branch goes over successive rounds and a visible reply never
loses its place. Each purge leaves a ModerationEvent keyed by the comment's old id. Running it
twice does nothing the second time.
"""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from comments.models import Comment, ModerationEvent

Status = Comment.Status
HIDDEN = (Status.SPAM, Status.REMOVED)
BATCH = 500


def hidden_before(cutoff):
    """Spam and removed comments whose last change is older than ``cutoff``."""
    return Comment.objects.filter(status__in=HIDDEN, updated_at__lt=cutoff)


def without_replies(comments):
    """Only comments nothing hangs from: deleting them cascades to nothing else."""
    replies = Comment.objects.filter(parent=OuterRef("pk"))
    members = Comment.objects.filter(root=OuterRef("pk")).exclude(pk=OuterRef("pk"))
    return comments.exclude(Exists(replies)).exclude(Exists(members))


def purge_hidden_comments(cutoff, *, days):
    """Delete purgeable leaves round after round; return (Counter of statuses, kept)."""
    purged = Counter()
    while True:
        batch = list(without_replies(hidden_before(cutoff)).values_list("pk", "status")[:BATCH])
        if not batch:
            break
        with transaction.atomic():
            ModerationEvent.objects.bulk_create(
                ModerationEvent(
                    comment=None,
                    comment_ref=pk,
                    actor_label="purge_comments",
                    action=ModerationEvent.Action.PURGE,
                    from_status=status,
                    note=f"Hidden for more than {days} days: deleted.",
                )
                for pk, status in batch
            )
            Comment.objects.filter(pk__in=[pk for pk, _ in batch]).delete()
        purged.update(status for _, status in batch)
    return purged, hidden_before(cutoff).count()


class Command(BaseCommand):
    help = "Delete spam and removed comments hidden for more than COMMENTS_PURGE_DAYS days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override COMMENTS_PURGE_DAYS.")
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.COMMENTS_PURGE_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1: a removal needs time to be undone.")
        cutoff = timezone.now() - timedelta(days=days)
        with transaction.atomic():
            purged, kept = purge_hidden_comments(cutoff, days=days)
            transaction.set_rollback(dry_run)  # a dry run does the same work, then undoes it
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {sum(purged.values())} comment(s) hidden for more than {days} days: "
            f"{purged[Status.SPAM]} spam, {purged[Status.REMOVED]} removed."
        )
        self.stdout.write(
            f"Kept {kept} hidden comment(s) that still have replies (shown as placeholders)."
        )

"""manage.py import_disqus FILE [--dry-run]: bring the comments of a Disqus export."""

from django.core.management.base import BaseCommand, CommandError

from transfer.importers import ImportFailed
from transfer.importers.disqus import import_disqus


class Command(BaseCommand):
    help = (
        "Import a Disqus XML export: threads matched to posts by URL (unmatched ones become "
        "drafts), replies kept under their parents. Idempotent and transactional; --dry-run "
        "shows the summary and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xml file from Disqus: Admin > Moderation > Export.")
        parser.add_argument("--dry-run", action="store_true", help="Roll everything back.")

    def handle(self, *args, **options):
        try:
            summary = import_disqus(options["file"], dry_run=options["dry_run"])
        except ImportFailed as exc:
            raise CommandError(str(exc))
        self.stdout.write("\n".join(summary.lines()))

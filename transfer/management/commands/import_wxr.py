"""manage.py import_wxr FILE [--dry-run]: bring a WordPress blog's posts and comments."""

from django.core.management.base import BaseCommand, CommandError

from transfer.importers import ImportFailed
from transfer.importers.wxr import import_wxr


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0-1.2): authors, categories, tags, posts and threaded "
        "comments. Idempotent and transactional; --dry-run shows the summary and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xml file from WordPress: Tools > Export.")
        parser.add_argument("--dry-run", action="store_true", help="Roll everything back.")

    def handle(self, *args, **options):
        try:
            summary = import_wxr(options["file"], dry_run=options["dry_run"])
        except ImportFailed as exc:
            raise CommandError(str(exc))
        self.stdout.write("\n".join(summary.lines()))

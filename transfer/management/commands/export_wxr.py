"""manage.py export_wxr [-o FILE]: every post and comment as a WordPress export (WXR 1.2)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from transfer.exporters import export_wxr


class Command(BaseCommand):
    help = (
        "Write all posts and comments as a WXR 1.2 file that WordPress and import_wxr read. "
        "It contains commenters' email addresses: keep it private."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        target = options["output"]
        if not target:
            posts, comments = export_wxr(self.stdout)
        else:
            try:
                with open(target, "w", encoding="utf-8") as out:
                    posts, comments = export_wxr(out)
            except OSError as exc:
                raise CommandError(f"Cannot write {target}: {exc.strerror}.")
        sys.stderr.write(f"Exported {posts} post(s) and {comments} comment(s).\n")

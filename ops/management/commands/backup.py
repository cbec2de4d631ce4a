from django.core.management.base import BaseCommand

from ops.backup import create_backup


class Command(BaseCommand):
    help = "Write the database's rows and the uploaded media to one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="e.g. haven-2026-12-04.tar.gz")

    def handle(self, *args, path, **options):
        manifest = create_backup(path)
        total = sum(manifest["rows"].values())
        self.stdout.write(f"Backed up {total} rows and the media folder to {path}")

from django.core.management.base import BaseCommand, CommandError

from ops.backup import RestoreError, restore_backup


class Command(BaseCommand):
    help = "Load a backup made by `manage.py backup` into this migrated, empty database."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            manifest = restore_backup(path)
        except RestoreError as exc:
            raise CommandError(str(exc)) from exc
        total = sum(manifest["rows"].values())
        self.stdout.write(f"Restored {total} rows from {path} (taken {manifest['created_at']})")

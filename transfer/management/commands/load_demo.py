from django.core.management.base import BaseCommand

from transfer.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load Haven's original demo posts and comments (idempotent)."

    def handle(self, *args, **options):
        created = load_demo()
        if created:
            self.stdout.write(f"Loaded {len(created)} demo post(s) with their comments.")
        else:
            self.stdout.write("Demo content is already loaded; nothing changed.")

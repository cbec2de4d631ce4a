import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (or reset) a moderator account and print its password once."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="moderator")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, email, **options):
        user, _ = get_user_model().objects.get_or_create(username=username)
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = True
        user.is_superuser = True
        user.email = email or user.email
        user.save()
        user.groups.add(Group.objects.get(name="Moderators"))
        self.stdout.write(
            f"Moderator '{username}' can log in at http://127.0.0.1:8000/accounts/login/ "
            f"(admin at /admin/) with password: {password}"
        )

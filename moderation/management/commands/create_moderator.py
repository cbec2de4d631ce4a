"""Create a moderator (a member of the Moderators group) and print the password once.

    python manage.py create_moderator --display-name "Dana"          # login "dana"
    python manage.py create_moderator ruth --display-name "Ruth H."  # login "ruth"
    python manage.py create_moderator --display-name "Owner" --superuser

A moderator is not a superuser unless ``--superuser`` says so. Run again for an existing login,
it sets a new password (and the display name, if given); it never takes superuser rights away.
"""

import secrets
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from moderation.forms import ProfileForm
from moderation.models import ModeratorProfile

GROUP = "Moderators"


def moderators_group():
    """The group the migration creates, with its permission (recreated if someone deleted it)."""
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="comments", codename="moderate_comment")
    )
    return group


class Command(BaseCommand):
    help = "Create a moderator account (Moderators group, not a superuser) and print its password."

    def add_arguments(self, parser):
        parser.add_argument(
            "username", nargs="?", help="Login name (default: made from the display name)."
        )
        parser.add_argument(
            "--display-name", dest="display_name", help="The name readers see on your replies."
        )
        parser.add_argument("--email", default="", help="For moderation alerts (optional).")
        parser.add_argument(
            "--superuser", action="store_true", help="Also give full admin rights (site owner)."
        )

    def handle(self, *args, username=None, display_name=None, email="", superuser=False, **opts):
        User = get_user_model()
        existing = User.objects.filter(username=username).first() if username else None
        has_name = existing and ModeratorProfile.objects.filter(user=existing).exists()
        if display_name is None and not has_name:
            display_name = self._ask_display_name()
        if display_name is not None:
            form = ProfileForm({"display_name": display_name})
            if not form.is_valid():
                raise CommandError(" ".join(form.errors["display_name"]))
            display_name = form.cleaned_data["display_name"]
        username = username or self._free_username(display_name)
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.email = email or user.email
            if superuser:
                user.is_staff = user.is_superuser = True
            user.save()
            user.groups.add(moderators_group())
            if display_name is not None:
                ModeratorProfile.objects.update_or_create(
                    user=user, defaults={"display_name": display_name}
                )
        name = user.moderator_profile.display_name
        kind = "superuser and moderator" if user.is_superuser else "moderator"
        verb = "Created" if created else "Reset the password of"
        self.stdout.write(f"{verb} {kind} '{username}', whose replies are signed \"{name}\".")
        self.stdout.write(f"Log in at {settings.SITE_URL}/accounts/login/ with this password.")
        self.stdout.write(f"It is shown only this once: {password}")

    def _ask_display_name(self):
        if not sys.stdin.isatty():
            raise CommandError(
                'Give the name readers will see on your replies: --display-name "Dana" '
                '(or: make moderator DISPLAY_NAME="Dana").'
            )
        return input("Display name (readers see it on your replies): ")

    def _free_username(self, display_name):
        User = get_user_model()
        base = slugify(display_name or "")[:30] or "moderator"
        candidate, n = base, 1
        while User.objects.filter(username=candidate).exists():
            n += 1
            candidate = f"{base}{n}"
        return candidate

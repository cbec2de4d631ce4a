"""A moderator's display name: the name readers see on their replies."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DISPLAY_NAME_MAX = 50  # Comment.author_name's length: the name is copied onto each reply


class ModeratorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator_profile"
    )
    display_name = models.CharField(
        _("Display name"),
        max_length=DISPLAY_NAME_MAX,
        help_text=_("Shown as the author of your replies, with the Author badge."),
    )

    class Meta:
        db_table = "moderation_profile"

    def __str__(self):
        return self.display_name


def display_name(user):
    """What a moderator's replies are signed with: the display name, else full name or login."""
    try:
        name = user.moderator_profile.display_name
    except ModeratorProfile.DoesNotExist:
        name = ""
    return name or user.get_full_name() or user.get_username()


def set_display_name(user, name):
    profile, _created = ModeratorProfile.objects.update_or_create(
        user=user, defaults={"display_name": name}
    )
    return profile

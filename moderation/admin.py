"""The admin's user page shows and edits the display name a moderator's replies carry."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import ModeratorProfile

User = get_user_model()


class ModeratorProfileInline(admin.StackedInline):
    model = ModeratorProfile
    can_delete = False
    fields = ("display_name",)


admin.site.unregister(User)


@admin.register(User)
class HavenUserAdmin(UserAdmin):
    inlines = [ModeratorProfileInline]

"""Admin for crisis resources: the owner keeps them correct, and is told when one goes stale."""

from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from .models import CrisisResource, bump_resources_version
from .resources import stale_resources


class CrisisResourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "region",
        "category",
        "phone",
        "sms_number",
        "last_verified",
        "stale",
        "active",
        "order",
    ]
    list_filter = ["region", "category", "active"]
    search_fields = ["name", "phone", "sms_number", "url"]
    ordering = ["region", "order", "name"]
    actions = ["mark_verified_today"]
    fieldsets = [
        (None, {"fields": ["name", "category", "region", "description", "order", "active"]}),
        (
            gettext_lazy("How to reach it"),
            {
                "fields": [
                    "phone",
                    "phone_display",
                    "sms_number",
                    "sms_keyword",
                    "url",
                    "hours",
                    "languages",
                ],
                "description": gettext_lazy("At least one of phone, SMS number or web address."),
            },
        ),
        (gettext_lazy("Checked"), {"fields": ["source_url", "last_verified"]}),
    ]

    @admin.display(boolean=True, description=gettext_lazy("stale"))
    def stale(self, obj):
        return obj.is_stale

    def changelist_view(self, request, extra_context=None):
        count = stale_resources().count()
        if count and request.method == "GET":
            self.message_user(
                request,
                ngettext(
                    "%(count)s support line not checked for over %(days)s days. Numbers change: "
                    "please check it against its source and update the last verified date.",
                    "%(count)s support lines not checked for over %(days)s days. Numbers change: "
                    "please check them against their source and update the last verified date.",
                    count,
                )
                % {"count": count, "days": settings.CRISIS_RESOURCE_STALE_DAYS},
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)

    @admin.action(description=gettext_lazy("Mark selected as verified today"))
    def mark_verified_today(self, request, queryset):
        for resource in queryset:
            resource.last_verified = timezone.localdate()
            resource.save()
        done = ngettext(
            "%(count)s marked as verified today.",
            "%(count)s marked as verified today.",
            len(queryset),
        )
        self.message_user(request, done % {"count": len(queryset)})

    def delete_queryset(self, request, queryset):
        """Bulk delete skips the model's delete(): bump the cache version here too."""
        super().delete_queryset(request, queryset)
        bump_resources_version()


admin.site.register(CrisisResource, CrisisResourceAdmin)

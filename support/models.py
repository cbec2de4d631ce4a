"""Crisis resources: places to get help now, edited in the admin, shown by region."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from pagecache.versions import CacheVersion

INTERNATIONAL = "INTL"
REGION_NAMES = {
    "AT": gettext_lazy("Austria"),
    "AU": gettext_lazy("Australia"),
    "BE": gettext_lazy("Belgium"),
    "BR": gettext_lazy("Brazil"),
    "CA": gettext_lazy("Canada"),
    "CH": gettext_lazy("Switzerland"),
    "DE": gettext_lazy("Germany"),
    "ES": gettext_lazy("Spain"),
    "FR": gettext_lazy("France"),
    "GB": gettext_lazy("United Kingdom"),
    "IE": gettext_lazy("Ireland"),
    "MX": gettext_lazy("Mexico"),
    "NZ": gettext_lazy("New Zealand"),
    "PT": gettext_lazy("Portugal"),
    "US": gettext_lazy("United States"),
    INTERNATIONAL: gettext_lazy("Another country"),
}

# Bumped by every change to a resource: keys every cached list of them and every stored page.
RESOURCES_VERSION = CacheVersion("crisis-resources:version", timeout=None)


def bump_resources_version():
    """Called by CrisisResource.save()/delete() and the admin's bulk delete."""
    RESOURCES_VERSION.bump_now_and_on_commit()


class CrisisResourceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def stale(self):
        limit = timezone.localdate() - timezone.timedelta(days=settings.CRISIS_RESOURCE_STALE_DAYS)
        return self.active().filter(last_verified__lt=limit)


class CrisisResource(models.Model):
    """A place to get help now. It cannot be saved without a way to reach it."""

    class Category(models.TextChoices):
        EMERGENCY = "emergency", gettext_lazy("Emergency services")
        CRISIS_LINE = "crisis_line", gettext_lazy("Crisis line")
        TEXT_LINE = "text_line", gettext_lazy("Text line")
        SEXUAL_ASSAULT = "sexual_assault", gettext_lazy("Sexual assault support")
        DIRECTORY = "directory", gettext_lazy("Directory of helplines")
        # Guidance for someone worried about another person: shown to such writers, never
        # in place of the lines for a writer's own crisis (resources.resources_for).
        HELPING = "helping", gettext_lazy("Helping someone else")

    name = models.CharField(max_length=120)
    category = models.CharField(max_length=20, choices=Category.choices)
    region = models.CharField(max_length=4, help_text="ISO country code (GB, US...) or INTL.")
    phone = models.CharField(
        max_length=40, blank=True, help_text="Digits as dialled, e.g. 116 123."
    )
    phone_display = models.CharField(max_length=60, blank=True, help_text="e.g. 800-656-HOPE.")
    sms_number = models.CharField(max_length=20, blank=True)
    sms_keyword = models.CharField(max_length=20, blank=True)
    url = models.URLField(blank=True)
    hours = models.CharField(max_length=100, blank=True)
    languages = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    source_url = models.URLField(blank=True)
    last_verified = models.DateField(default=timezone.localdate)
    order = models.PositiveSmallIntegerField(default=100)
    active = models.BooleanField(default=True)

    objects = CrisisResourceQuerySet.as_manager()

    class Meta:
        ordering = ["region", "order", "name"]
        db_table = "comments_crisisresource"  # created by the comments app; moved with its rows

    def __str__(self):
        return f"{self.name} ({self.region})"

    def save(self, *args, **kwargs):
        self.full_clean()
        super().save(*args, **kwargs)
        bump_resources_version()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        bump_resources_version()
        return result

    def clean(self):
        errors = {}
        if not (self.phone or self.sms_number or self.url):
            errors["__all__"] = gettext(
                "Give at least one way to reach this service: a phone, an SMS number or a web "
                "address."
            )
        for field in ("phone", "sms_number"):
            value = getattr(self, field).strip()
            if value and not re.fullmatch(r"\+?[0-9][0-9 \-]{1,19}", value):
                errors[field] = gettext(
                    "Use digits, spaces and dashes only, e.g. 116 123 or +44 116 123."
                )
        for field in ("url", "source_url"):
            value = getattr(self, field)
            if value:
                try:
                    URLValidator(schemes=["https", "http"])(value)
                except ValidationError:
                    errors[field] = gettext("Enter a full web address starting with https://.")
        self.region = (self.region or "").upper()
        if not re.fullmatch(r"[A-Z]{2}|INTL", self.region):
            errors["region"] = gettext("Use a two-letter country code (GB, US) or INTL.")
        if errors:
            raise ValidationError(errors)

    @property
    def region_name(self):
        """The region in words, where lines from several regions are listed together."""
        return REGION_NAMES.get(self.region, self.region)

    @property
    def tel_href(self):
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""

    @property
    def sms_href(self):
        if not self.sms_number:
            return ""
        number = re.sub(r"[^0-9+]", "", self.sms_number)
        return f"sms:{number}?body={self.sms_keyword}" if self.sms_keyword else f"sms:{number}"

    @property
    def is_stale(self):
        age = timezone.localdate() - self.last_verified
        return age.days > settings.CRISIS_RESOURCE_STALE_DAYS

"""Crisis resources: places to get help now, edited in the admin, shown by region."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pagecache.versions import CacheVersion

INTERNATIONAL = "INTL"
REGION_NAMES = {
    "AT": _("Austria"),
    "AU": _("Australia"),
    "BE": _("Belgium"),
    "BR": _("Brazil"),
    "CA": _("Canada"),
    "CH": _("Switzerland"),
    "DE": _("Germany"),
    "ES": _("Spain"),
    "FR": _("France"),
    "GB": _("United Kingdom"),
    "IE": _("Ireland"),
    "MX": _("Mexico"),
    "NZ": _("New Zealand"),
    "PT": _("Portugal"),
    "US": _("United States"),
    INTERNATIONAL: _("Another country"),
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
        EMERGENCY = "emergency", _("Emergency services")
        CRISIS_LINE = "crisis_line", _("Crisis line")
        TEXT_LINE = "text_line", _("Text line")
        SEXUAL_ASSAULT = "sexual_assault", _("Sexual assault support")
        DIRECTORY = "directory", _("Directory of helplines")
        # Guidance for someone worried about another person: shown to such writers, never
        # in place of the lines for a writer's own crisis (resources.resources_for).
        HELPING = "helping", _("Helping someone else")

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
            errors["__all__"] = (
                "Give at least one way to reach this service: a phone, an SMS number or a web "
                "address."
            )
        for field in ("phone", "sms_number"):
            value = getattr(self, field).strip()
            if value and not re.fullmatch(r"\+?[0-9][0-9 \-]{1,19}", value):
                errors[field] = "Use digits, spaces and dashes only, e.g. 116 123 or +44 116 123."
        for field in ("url", "source_url"):
            value = getattr(self, field)
            if value:
                try:
                    URLValidator(schemes=["https", "http"])(value)
                except ValidationError:
                    errors[field] = "Enter a full web address starting with https://."
        self.region = (self.region or "").upper()
        if not re.fullmatch(r"[A-Z]{2}|INTL", self.region):
            errors["region"] = "Use a two-letter country code (GB, US) or INTL."
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

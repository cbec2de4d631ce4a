"""The comment tree, its audit log, reader reports, reply subscriptions and crisis resources.

State changes never happen by assigning ``status`` here: they go through the one function per
transition in ``comments.moderation``, which writes a ModerationEvent and bumps the post's cache
version. The models only describe data and the read paths (querysets).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

from blog.models import Post


class CrisisLevel(models.TextChoices):
    NONE = "none", "None"
    DISTRESS = "distress", "Distress"
    CRISIS = "crisis", "Crisis"
    IMMINENT = "imminent", "Imminent"


CRISIS_RANK = {level: rank for rank, level in enumerate(CrisisLevel.values)}


def _tree_changed(post_id):
    from .tree import tree_changed_now_and_on_commit

    tree_changed_now_and_on_commit(post_id)


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_post(self, post):
        return self.filter(post=post)

    def public_counts(self):
        """{"count": approved comments, "threads": threads holding at least one of them}."""
        return self.approved().aggregate(
            count=models.Count("root_id"), threads=models.Count("root_id", distinct=True)
        )

    def tree_rows(self):
        """Only the columns the public tree needs: bodies are rendered already, no joins."""
        return self.only(
            "id",
            "post_id",
            "parent_id",
            "root_id",
            "depth",
            "author_name",
            "author_url",
            "user_id",
            "is_staff_reply",
            "body_html",
            "status",
            "created_at",
            "content_note",
        )

    def unanswered(self):
        """Approved reader comments that no staff member has replied to yet."""
        staff_replies = Comment.objects.filter(
            parent=models.OuterRef("pk"), is_staff_reply=True
        ).exclude(status__in=[Comment.Status.SPAM, Comment.Status.REMOVED])
        return self.approved().filter(is_staff_reply=False).exclude(models.Exists(staff_replies))

    def needs_review(self):
        """Pending comments plus approved ones readers reported: crisis first, then oldest."""
        return self.filter(
            models.Q(status=Comment.Status.PENDING)
            | models.Q(status=Comment.Status.APPROVED, open_reports__gt=0)
        ).order_by("-crisis_rank", "-open_reports", "created_at")


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="thread_members"
    )
    depth = models.PositiveSmallIntegerField(default=1)

    author_name = models.CharField(max_length=50)
    author_email = models.EmailField(blank=True)
    author_url = models.URLField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    is_staff_reply = models.BooleanField(default=False)

    body = models.TextField()
    body_html = models.TextField(editable=False)
    content_note = models.BooleanField(
        default=False, help_text="Writer said it talks about something distressing: collapsed."
    )

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    ip_hash = models.CharField(max_length=64, blank=True)
    browser_hash = models.CharField(max_length=64, blank=True)
    region = models.CharField(max_length=4, blank=True)

    crisis_level = models.CharField(
        max_length=10, choices=CrisisLevel.choices, default=CrisisLevel.NONE
    )
    crisis_rank = models.PositiveSmallIntegerField(default=0, editable=False)
    crisis_categories = models.JSONField(default=list, blank=True)
    crisis_matches = models.JSONField(default=list, blank=True)
    flags = models.JSONField(default=list, blank=True, help_text="Rules that matched.")
    open_reports = models.PositiveIntegerField(default=0)
    notify_replies = models.BooleanField(default=False)
    import_key = models.CharField(max_length=200, null=True, blank=True, unique=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["post", "status", "root", "created_at"], name="comment_read_path"),
            # A post's threads in time order; partial, so PostgreSQL reads it in order.
            models.Index(
                fields=["post", "created_at", "id"],
                condition=models.Q(parent=None),
                name="comment_threads",
            ),
            models.Index(fields=["status", "created_at"], name="comment_feed"),
            models.Index(fields=["status", "crisis_rank", "created_at"], name="comment_queue"),
            models.Index(fields=["author_email"], name="comment_email"),
        ]
        permissions = [("moderate_comment", "Can moderate comments")]

    def __str__(self):
        return f"{self.author_name} on {self.post_id}: {self.body[:40]}"

    def save(self, *args, **kwargs):
        from .rendering import render_comment_body

        self.body_html = render_comment_body(self.body)
        self.crisis_rank = CRISIS_RANK.get(self.crisis_level, 0)
        new_and_pending = self._state.adding and self.status == self.Status.PENDING
        super().save(*args, **kwargs)
        if self.root_id is None and self.parent_id is None:
            # A top-level comment is the root of its own thread.
            type(self).objects.filter(pk=self.pk).update(root=self.pk)
            self.root_id = self.pk
        if not new_and_pending:  # a comment waiting for review changes no public page
            _tree_changed(self.post_id)

    def get_absolute_url(self):
        """Its post's page of threads that shows it (comments.tree.comment_url)."""
        from .tree import comment_url

        return comment_url(self)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _tree_changed(self.post_id)
        return result

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    @property
    def is_flagged(self):
        return self.crisis_rank > 0


class ModerationEvent(models.Model):
    """Every change of a comment's state or text, with who did it and when."""

    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, related_name="events"
    )
    comment_ref = models.PositiveBigIntegerField(help_text="Comment id, kept after a purge.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(max_length=100, blank=True, help_text="e.g. writer, import.")
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.action} #{self.comment_ref} by {self.actor or self.actor_label}"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", "Spam"
        ABUSIVE = "abusive", "Abusive or unkind"
        WORRIED = "worried", "I'm worried about this person"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    note = models.TextField(blank=True, max_length=1000)
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_reason_display()} on comment {self.comment_id}"


class Subscription(models.Model):
    """Reply notifications for one comment, double opt-in, one-click unsubscribe."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="subscriptions")
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Replies to comment {self.comment_id}"

    @property
    def active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class OutgoingEmail(models.Model):
    """Every email goes through this outbox: a failed send stays here to be retried."""

    to = models.JSONField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    kind = models.CharField(max_length=30)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    def __str__(self):
        return f"{self.kind}: {self.subject}"


class ModerationTerm(models.Model):
    """Owner-edited words: "disallow" sends a comment to spam, "hold" to the queue."""

    class Action(models.TextChoices):
        DISALLOW = "disallow", "Disallowed: mark as spam"
        HOLD = "hold", "Hold for moderation"

    term = models.CharField(max_length=100)
    action = models.CharField(max_length=10, choices=Action.choices)

    class Meta:
        unique_together = [("term", "action")]
        ordering = ["action", "term"]

    def __str__(self):
        return f"{self.term} ({self.action})"


class CrisisResourceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def stale(self):
        limit = timezone.localdate() - timezone.timedelta(days=settings.CRISIS_RESOURCE_STALE_DAYS)
        return self.active().filter(last_verified__lt=limit)


class CrisisResource(models.Model):
    """A place to get help now. It cannot be saved without a way to reach it."""

    class Category(models.TextChoices):
        EMERGENCY = "emergency", "Emergency services"
        CRISIS_LINE = "crisis_line", "Crisis line"
        TEXT_LINE = "text_line", "Text line"
        SEXUAL_ASSAULT = "sexual_assault", "Sexual assault support"
        DIRECTORY = "directory", "Directory of helplines"

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

    def __str__(self):
        return f"{self.name} ({self.region})"

    def save(self, *args, **kwargs):
        from .resources import bump_resources_version

        self.full_clean()
        super().save(*args, **kwargs)
        bump_resources_version()

    def delete(self, *args, **kwargs):
        from .resources import bump_resources_version

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

"""The comment tree, its audit log, reader reports, reply subscriptions and the outbox.

State changes never happen by assigning ``status`` here: they go through one function per
transition (``comments.transitions`` for the writer's, ``comments.moderator_actions`` for a
moderator's), each of which writes a ModerationEvent and bumps the post's cache version.
The models only describe data and the read paths (querysets).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from django.utils.translation import gettext_lazy as _

from blog.models import Post
from pagecache.versions import CacheVersion
from support.levels import CrisisLevel, rank

from .rendering import render_comment_body

CONTENT_NOTE_MAX = 120
# The note a writer's own "talks about something distressing" box gives. Stored in English, like
# the seeded texts, and shown in the site's language (Comment.content_note_text).
DEFAULT_CONTENT_NOTE = gettext_noop("Talks about something distressing")


# Bumped by any change to any post's comments: the comment feeds, stored whole, are keyed by it.
COMMENTS_VERSION = CacheVersion("comments:any-change-version")


def comments_changed(post_id):
    """Every change to a post's public comments: recount, retire its tree and the feeds."""
    # comments.tree reads these models, so it can only be imported once they are defined.
    from .tree import tree_changed_now_and_on_commit

    tree_changed_now_and_on_commit(post_id)
    COMMENTS_VERSION.bump_now_and_on_commit()


def needs_review_condition():
    """What makes a comment wait for a moderator: pending, or approved and reported by readers,
    or approved with a writer's edit the rules held (pending_body).

    The one home of this rule: the queue's list, its tab counts and the header count use it.
    """
    return (
        models.Q(status=Comment.Status.PENDING)
        | models.Q(status=Comment.Status.APPROVED, open_reports__gt=0)
        | (models.Q(status=Comment.Status.APPROVED) & ~models.Q(pending_body=""))
    )


def staff_reply_exists():
    """The outer comment has a visible staff reply: what makes a comment "answered"."""
    staff_replies = Comment.objects.filter(
        parent=models.OuterRef("pk"), is_staff_reply=True
    ).exclude(status__in=[Comment.Status.SPAM, Comment.Status.REMOVED])
    return models.Exists(staff_replies)


def unanswered_condition():
    """Approved reader comments with no visible staff reply, unless a moderator (or an import
    of old comments) said none is needed: what the Unanswered tab shows."""
    return models.Q(
        status=Comment.Status.APPROVED, is_staff_reply=False, no_reply_needed=False
    ) & ~models.Q(staff_reply_exists())


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
        return self.filter(unanswered_condition())

    def needs_review(self):
        """Pending comments, approved ones readers reported or with a held edit: crisis first."""
        return self.filter(needs_review_condition()).order_by(
            "-crisis_rank", "-open_reports", "created_at"
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", gettext_lazy("Pending")
        APPROVED = "approved", gettext_lazy("Approved")
        SPAM = "spam", gettext_lazy("Spam")
        REMOVED = "removed", gettext_lazy("Removed")

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
    # A writer's edit of an approved comment that the rules hold: readers keep seeing body_html
    # until a moderator approves it (moderation.approve_edit) or rejects it.
    pending_body = models.TextField(blank=True, editable=False)
    pending_body_html = models.TextField(blank=True, editable=False)
    pending_flags = models.JSONField(default=list, blank=True, editable=False)
    content_note = models.CharField(
        max_length=CONTENT_NOTE_MAX,
        blank=True,
        help_text=_(
            "Shown first; the comment stays collapsed behind it (e.g. mentions self-harm)."
        ),
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
    # The detector's other results, kept so the queue never runs it again: the comment's
    # language, whether Haven could assess it, and whether it worries about someone else.
    crisis_language = models.CharField(max_length=8, blank=True)
    crisis_assessed = models.BooleanField(default=True)
    crisis_about_other = models.BooleanField(default=False)
    flags = models.JSONField(default=list, blank=True, help_text="Rules that matched.")
    open_reports = models.PositiveIntegerField(default=0)
    deleted_by_writer = models.BooleanField(
        default=False, editable=False, help_text=_("Its writer deleted it: never published again.")
    )
    notify_replies = models.BooleanField(default=False)
    no_reply_needed = models.BooleanField(
        default=False, help_text=_("Kept out of Unanswered (by a moderator, or an import).")
    )
    import_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    # When an import brought it here: it has waited for a moderator since then, not since it
    # was written in the source years ago.
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)

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
        self.body_html = render_comment_body(self.body)
        self.crisis_rank = rank(self.crisis_level)
        new_and_pending = self._state.adding and self.status == self.Status.PENDING
        super().save(*args, **kwargs)
        if self.root_id is None and self.parent_id is None:
            # A top-level comment is the root of its own thread.
            type(self).objects.filter(pk=self.pk).update(root=self.pk)
            self.root_id = self.pk
        if not new_and_pending:  # a comment waiting for review changes no public page
            comments_changed(self.post_id)

    def get_absolute_url(self):
        """Its post's page of threads that shows it (comments.tree.comment_url)."""
        # tree imports this module (it reads the rows), so the rule is fetched when called
        from .tree import comment_url

        return comment_url(self)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        comments_changed(self.post_id)
        return result

    def keep_assessment(self, assessment):
        """Store what support.detection found in this comment's text (the caller saves)."""
        self.crisis_level = assessment.level
        self.crisis_categories = list(assessment.categories)
        self.crisis_matches = list(assessment.matches)
        self.crisis_language = assessment.language
        self.crisis_assessed = assessment.assessed
        self.crisis_about_other = assessment.about_other

    @property
    def waiting_since(self):
        """When it reached this site's moderators: its import, or its writing."""
        return self.imported_at or self.created_at

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    @property
    def is_flagged(self):
        return self.crisis_rank > 0

    @property
    def has_pending_edit(self):
        return bool(self.pending_body)

    @property
    def content_note_text(self):
        """The note as readers see it: the default in the site's language, a typed one as typed."""
        if self.content_note == DEFAULT_CONTENT_NOTE:
            return gettext(DEFAULT_CONTENT_NOTE)
        return self.content_note


class ModerationEvent(models.Model):
    """Every change of a comment's state or text, with who did it and when."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted")
        APPROVE = "approve", _("Approved")
        SPAM = "spam", _("Marked as spam")
        REMOVE = "remove", _("Removed")
        RESTORE = "restore", _("Restored")
        EDIT = "edit", _("Edited")
        EDIT_PROPOSED = "edit_proposed", _("Edit proposed by the writer, held for review")
        EDIT_APPROVED = "edit_approved", _("Writer's edit approved")
        EDIT_REJECTED = "edit_rejected", _("Writer's edit rejected")
        NOT_CRISIS = "not_crisis", _("Marked as not a crisis")
        ERASE = "erase", _("Erased on request")
        PURGE = "purge", _("Purged")
        NO_REPLY = "no_reply", _("Marked as needing no reply")
        CONTENT_NOTE = "content_note", _("Content note changed")
        DISMISS_REPORT = "dismiss_report", _("Report dismissed")

    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, related_name="events"
    )
    comment_ref = models.PositiveBigIntegerField(help_text="Comment id, kept after a purge.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(max_length=100, blank=True, help_text="e.g. writer, import.")
    action = models.CharField(max_length=30, choices=Action.choices)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.action} #{self.comment_ref} by {self.actor or self.actor_label}"

    @staticmethod
    def _status_label(status):
        return Comment.Status(status).label if status in Comment.Status.values else status

    @property
    def from_status_label(self):
        return self._status_label(self.from_status)

    @property
    def to_status_label(self):
        return self._status_label(self.to_status)

    @property
    def action_label(self):
        """The action in words (an older or unknown action shows as stored)."""
        try:
            return self.Action(self.action).label
        except ValueError:
            return self.action


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", gettext_lazy("Spam")
        ABUSIVE = "abusive", gettext_lazy("Abusive or unkind")
        WORRIED = "worried", gettext_lazy("I'm worried about this person")
        OTHER = "other", gettext_lazy("Something else")

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
    topic = models.CharField(
        max_length=40, blank=True, db_index=True, help_text=_("What it is about, e.g. worried:12.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    not_before = models.DateTimeField(null=True, blank=True, help_text=_("Held back until then."))
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # A crisis alert to moderators: sent first, and /readyz watches how long one waits.
    urgent = models.BooleanField(default=False)

    def __str__(self):
        return f"{self.kind}: {self.subject}"


class ModerationTerm(models.Model):
    """Owner-edited words: "disallow" sends a comment to spam, "hold" to the queue."""

    class Action(models.TextChoices):
        DISALLOW = "disallow", gettext_lazy("Disallowed: mark as spam")
        HOLD = "hold", gettext_lazy("Hold for moderation")

    term = models.CharField(max_length=100)
    action = models.CharField(max_length=10, choices=Action.choices)

    class Meta:
        unique_together = [("term", "action")]
        ordering = ["action", "term"]

    def __str__(self):
        return f"{self.term} ({self.action})"


class RateCounter(models.Model):
    """One fixed-window rate-limit count, when no Redis is shared (comments.ratelimit)."""

    bucket = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.bucket}: {self.count}"

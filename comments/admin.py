"""Admin for comments and their records.

The admin changes a comment's state only through ``comments.moderator_actions`` and
``comments.transitions`` (the same functions the queue calls), so an admin action leaves the same
audit trail. Nothing here deletes a comment: that is the retention job's work (``purge_comments``).
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy, ngettext
from django.utils.translation import gettext_lazy as _

from . import moderator_actions, transitions
from .models import Comment, ModerationEvent, ModerationTerm, OutgoingEmail, Report, Subscription
from .moderator_actions import action_applies


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that are written by the code, never by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _transition_action(name, label):
    """An admin action that runs one transition on every selected comment."""

    def action(modeladmin, request, queryset):
        function = moderator_actions.TRANSITIONS[name]
        changed = 0
        for comment in queryset:
            if not action_applies(comment, name):
                continue
            try:
                function(comment, actor=request.user, note="admin action")
                changed += 1
            except moderator_actions.NotAllowed as refusal:
                modeladmin.message_user(request, f"{comment}: {refusal}", messages.WARNING)
        done = ngettext("%(label)s: %(count)s comment.", "%(label)s: %(count)s comments.", changed)
        modeladmin.message_user(
            request, done % {"label": label, "count": changed}, messages.SUCCESS
        )

    action.__name__ = f"{name}_comments"
    action.short_description = label
    action.allowed_permissions = ("moderate",)
    return action


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("author_name", "short_body", "post", "status", "crisis_level", "created_at")
    list_filter = ("status", "crisis_level", "is_staff_reply", "created_at")
    search_fields = ("author_name", "author_email", "body")
    list_select_related = ("post",)
    date_hierarchy = "created_at"
    fields = (
        "post",
        "parent",
        "author_name",
        "author_email",
        "author_url",
        "user",
        "is_staff_reply",
        "body",
        "status",
        "crisis_level",
        "crisis_matches",
        "crisis_language",
        "crisis_assessed",
        "crisis_about_other",
        "flags",
        "open_reports",
        "region",
        "created_at",
    )
    readonly_fields = tuple(f for f in fields if f != "body")
    actions = [
        _transition_action(ModerationEvent.Action.APPROVE, _("Approve")),
        _transition_action(ModerationEvent.Action.SPAM, _("Mark spam")),
        _transition_action(ModerationEvent.Action.REMOVE, _("Remove")),
        _transition_action(ModerationEvent.Action.RESTORE, _("Restore")),
        _transition_action(ModerationEvent.Action.NO_REPLY, _("No reply needed")),
    ]

    @admin.display(description=gettext_lazy("Comment"))
    def short_body(self, obj):
        return obj.body[:80]

    def has_add_permission(self, request):
        return False  # comments come from readers, imports and the queue's reply box

    def has_delete_permission(self, request, obj=None):
        return False  # nothing is deleted by a click; see purge_comments

    def has_moderate_permission(self, request):
        return request.user.has_perm("comments.moderate_comment")

    def save_model(self, request, obj, form, change):
        """The only editable field is the text, and an edit goes through the audit log."""
        if change and "body" in form.changed_data:
            transitions.edit(obj, body=obj.body, actor=request.user, note="edited in the admin")


@admin.register(ModerationEvent)
class ModerationEventAdmin(ReadOnlyAdmin):
    list_display = (
        "at",
        "action",
        "comment_ref",
        "actor",
        "actor_label",
        "from_status",
        "to_status",
    )
    list_filter = ("action", "to_status")
    search_fields = ("note", "actor_label", "comment_ref")
    list_select_related = ("actor",)
    date_hierarchy = "at"


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("comment", "reason", "created_at", "resolved_at")
    list_filter = ("reason", ("resolved_at", admin.EmptyFieldListFilter))
    list_select_related = ("comment",)
    readonly_fields = ("comment", "reason", "note", "ip_hash", "created_at", "resolved_at")

    def has_add_permission(self, request):
        return False


@admin.register(ModerationTerm)
class ModerationTermAdmin(admin.ModelAdmin):
    list_display = ("term", "action")
    list_filter = ("action",)
    search_fields = ("term",)


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "comment", "created_at", "confirmed_at", "unsubscribed_at")
    list_filter = (
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    )
    search_fields = ("email",)
    list_select_related = ("comment",)
    readonly_fields = ("comment", "email", "token", "created_at", "confirmed_at")

    def has_add_permission(self, request):
        return False


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ReadOnlyAdmin):
    list_display = ("subject", "kind", "created_at", "sent_at", "attempts")
    list_filter = ("kind", ("sent_at", admin.EmptyFieldListFilter))
    search_fields = ("subject",)
    date_hierarchy = "created_at"

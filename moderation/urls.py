"""Moderation URLs, included at /moderation/. Every action is a POST; GET only confirms."""

from django.urls import path

from .views import actions, activity, queue_page, writing

app_name = "moderation"

urlpatterns = [
    path("", queue_page.queue_view, name="queue"),
    path("activity/", activity.activity, name="activity"),
    path("profile/", activity.profile, name="profile"),
    path("bulk/", queue_page.bulk, name="bulk"),
    path("comment/<int:pk>/reply/", writing.reply, name="reply"),
    path("comment/<int:pk>/edit/", writing.edit, name="edit"),
    path("comment/<int:pk>/not-crisis/", actions.not_crisis, name="not_crisis"),
    path("comment/<int:pk>/content-note/", writing.content_note, name="content_note"),
    path("report/<int:pk>/dismiss/", actions.dismiss_report, name="dismiss_report"),
    path(
        "comment/<int:pk>/approve-edit/",
        actions.decide_edit,
        {"decision": "approve_edit"},
        name="approve_edit",
    ),
    path(
        "comment/<int:pk>/reject-edit/",
        actions.decide_edit,
        {"decision": "reject_edit"},
        name="reject_edit",
    ),
    path("comment/<int:pk>/<slug:action>/", actions.act, name="action"),  # fmt: skip
]

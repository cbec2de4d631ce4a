"""Moderation URLs, included at /moderation/. Every action is a POST; GET only confirms."""

from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue_view, name="queue"),
    path("activity/", views.activity, name="activity"),
    path("bulk/", views.bulk, name="bulk"),
    path("comment/<int:pk>/reply/", views.reply, name="reply"),
    path("comment/<int:pk>/edit/", views.edit, name="edit"),
    path("comment/<int:pk>/not-crisis/", views.not_crisis, name="not_crisis"),
    path(
        "comment/<int:pk>/approve-edit/",
        views.decide_edit,
        {"decision": "approve_edit"},
        name="approve_edit",
    ),
    path(
        "comment/<int:pk>/reject-edit/",
        views.decide_edit,
        {"decision": "reject_edit"},
        name="reject_edit",
    ),
    path("comment/<int:pk>/<slug:action>/", views.act, name="action"),  # fmt: skip
]

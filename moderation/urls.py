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
    path("comment/<int:pk>/<slug:action>/", views.act, name="action"),
]

"""Privacy URLs, included inside the "comments" namespace."""

from django.urls import path

from . import privacy_views

urlpatterns = [
    path("privacy/", privacy_views.privacy_page, name="privacy"),
    path("privacy/sent/", privacy_views.privacy_sent, name="privacy_sent"),
    path("privacy/confirm/<str:token>/", privacy_views.privacy_confirm, name="privacy_confirm"),
]

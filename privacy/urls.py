"""Privacy URLs. config/urls.py serves them in the "comments" namespace, as before the split."""

from django.urls import path

from . import views as privacy_views

urlpatterns = [
    path("privacy/", privacy_views.privacy_page, name="privacy"),
    path("privacy/sent/", privacy_views.privacy_sent, name="privacy_sent"),
    path("privacy/confirm/<str:token>/", privacy_views.privacy_confirm, name="privacy_confirm"),
]

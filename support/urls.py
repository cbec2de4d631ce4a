"""Support URLs. config/urls.py serves them in the "comments" namespace, as before the split."""

from django.urls import path

from . import views

urlpatterns = [
    path("support/", views.support_page, name="support"),
]

"""Support URLs, included inside the "comments" namespace."""

from django.urls import path

from . import support_views

urlpatterns = [
    path("support/", support_views.support_page, name="support"),
    path("comments/<int:pk>/sent/", support_views.after_submit, name="after_submit"),
]

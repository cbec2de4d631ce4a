"""Reader-side comment URLs (the post page itself: blog's "post", wired in config/urls.py)."""

from django.urls import path

from . import feeds, views

app_name = "comments"

urlpatterns = [
    path("comments/post/<int:post_id>/", views.post_comment, name="post"),
    path("comments/<int:pk>/edit/", views.edit_own_comment, name="edit"),
    path("comments/<int:pk>/delete/", views.delete_own_comment, name="delete"),
    path("comments/<int:pk>/report/", views.report_comment, name="report"),
    path("comments/csrf/", views.csrf_token, name="csrf"),
    path("comments/feed/", feeds.LatestCommentsFeed(), name="feed"),
    path("comments/feed/<int:post_id>/", feeds.PostCommentsFeed(), name="post_feed"),
    path(
        "comments/subscribe/<str:token>/", views.confirm_subscription, name="confirm_subscription"
    ),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("comments/<int:pk>/sent/", views.after_submit, name="after_submit"),
]

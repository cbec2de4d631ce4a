"""Reader-side comment URLs; support and privacy pages keep their own modules."""

from django.urls import include, path

from . import feeds, privacy_urls, support_urls, views

app_name = "comments"

urlpatterns = [
    path("comments/post/<int:post_id>/", views.post_comment, name="post"),
    path("comments/<int:pk>/edit/", views.edit_own_comment, name="edit"),
    path("comments/<int:pk>/delete/", views.delete_own_comment, name="delete"),
    path("comments/<int:pk>/report/", views.report_comment, name="report"),
    path("comments/feed/", feeds.LatestCommentsFeed(), name="feed"),
    path("comments/feed/<int:post_id>/", feeds.PostCommentsFeed(), name="post_feed"),
    path(
        "comments/subscribe/<str:token>/", views.confirm_subscription, name="confirm_subscription"
    ),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("", include(support_urls.urlpatterns)),
    path("", include(privacy_urls.urlpatterns)),
]

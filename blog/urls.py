"""Blog URLs. The post page (name "post") is comments.post_page, added in config/urls.py."""

from django.urls import path

from . import feeds, views

app_name = "blog"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.LatestPostsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed_atom"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
    path("<int:year>/<str:month>/", views.MonthArchive.as_view(), name="month"),
]

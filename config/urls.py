"""Top-level URL map. Each app owns its own urls module."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from blog import views as blog_views
from blog.sitemaps import SITEMAPS
from comments import moderation_views

urlpatterns = [
    path("healthz", blog_views.healthz, name="healthz"),
    path("favicon.ico", blog_views.favicon, name="favicon"),
    path("robots.txt", blog_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("accounts/login/", moderation_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("moderation/", include("comments.moderation_urls")),
    path("", include("comments.urls")),
    path("", include("blog.urls")),
]

handler404 = "blog.views.page_not_found"
handler500 = "blog.views.server_error"

"""Top-level URL map. Each app owns its urls module; this file only wires them together.

Two names are kept from before the apps were split: the post page is ``blog:post`` though its view
lives in comments (blog must not import comments), and the support and privacy pages keep their
``comments:`` names.
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from blog import urls as blog_urls
from blog import views as blog_views
from blog.sitemaps import SITEMAPS
from comments import post_page
from comments import urls as comment_urls
from moderation.views import accounts as moderation_accounts
from ops import views as ops_views
from privacy import urls as privacy_urls
from support import urls as support_urls

reader_comments = comment_urls.urlpatterns + support_urls.urlpatterns + privacy_urls.urlpatterns
# Readers' pages are matched first, the post first of all: Django tries patterns in order, and
# none of these can take another's address (a post's starts with a year, a number).
blog_pages = [
    path("<int:year>/<str:month>/<slug:slug>/", post_page.post_detail, name="post"),
    *blog_urls.urlpatterns,
]

urlpatterns = [
    path("healthz", blog_views.healthz, name="healthz"),
    path("", include((blog_pages, "blog"))),
    path("readyz", ops_views.readyz, name="readyz"),
    path("favicon.ico", blog_views.favicon, name="favicon"),
    path("robots.txt", blog_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("media/<path:path>", blog_views.media, name="media"),
    path("accounts/login/", moderation_accounts.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/logout-everywhere/",
        moderation_accounts.logout_everywhere,
        name="logout_everywhere",
    ),
    path("moderation/", include("moderation.urls")),
    path("", include((reader_comments, "comments"))),
]

handler404 = "blog.views.page_not_found"
handler500 = "blog.views.server_error"

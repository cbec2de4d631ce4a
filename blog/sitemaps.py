from django.contrib.sitemaps import Sitemap

from .models import Page, Post


class PostSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return post.updated_at


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published()

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"posts": PostSitemap, "pages": PageSitemap}

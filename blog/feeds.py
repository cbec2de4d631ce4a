"""RSS and Atom feeds of published posts, stored whole (pagecache) with conditional GET."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from pagecache import pages

from .models import Post, SiteSettings


class StoredFeed(Feed):
    """A feed built once per change and served to every reader, cookies or not.

    Keyed by the host (items carry absolute links), the site's content and settings and
    ``stored_versions``; a scheduled post retires it when it appears. A feed is the same for
    everyone, so it varies on no request header.
    """

    stored_versions = ()

    def __call__(self, request, *args, **kwargs):
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return super().__call__(request, *args, **kwargs)
        versions = [pages.LISTS_VERSION, *self.stored_versions]
        key, _ = pages.page_key(request, request.get_host(), versions=versions, varied=False)
        return pages.serve(
            request,
            key,
            lambda: super(StoredFeed, self).__call__(request, *args, **kwargs),
            vary=(),
            valid_until=Post.objects.next_publication,
        )


class LatestPostsFeed(StoredFeed):
    link = reverse_lazy("blog:home")
    description_template = None

    def title(self):
        return SiteSettings.load().site_name

    def description(self):
        tagline = SiteSettings.load().tagline
        return gettext(tagline) if tagline else ""

    def items(self):
        return Post.objects.published().select_related("author")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author.get_full_name() or item.author.get_username()


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description

"""RSS and Atom feeds of published posts."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from .models import Post, SiteSettings


class LatestPostsFeed(Feed):
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

"""Feeds of approved comments. Names only: an email never appears in a feed."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from blog.feeds import StoredFeed
from blog.models import Post, SiteSettings

from .models import COMMENTS_VERSION, Comment
from .tree import comment_url, pages_of


def _public_comments():
    """Approved comments of published posts, with only the columns a feed item prints."""
    return (
        Comment.objects.approved()
        .filter(post__in=Post.objects.published())
        .select_related("post")
        .only(
            "author_name",
            "body_html",
            "created_at",
            "root_id",
            "post__title",
            "post__slug",
            "post__published_at",
        )
    )


def _with_pages(comments):
    """The comments, each knowing its page of threads (one query for all of them)."""
    comments = list(comments)
    pages = pages_of(comments)
    for comment in comments:
        comment.thread_page = pages[comment.pk]
    return comments


class LatestCommentsFeed(StoredFeed):
    stored_versions = (COMMENTS_VERSION,)

    def title(self):
        return gettext("Latest comments · %(site)s") % {"site": SiteSettings.load().site_name}

    def link(self):
        return reverse("blog:home")

    description = gettext_lazy("The newest approved comments.")

    def items(self):
        return _with_pages(_public_comments().order_by("-created_at")[:30])

    def item_title(self, item):
        return gettext("%(name)s on %(title)s") % {
            "name": item.author_name,
            "title": item.post.title,
        }

    def item_description(self, item):
        return item.body_html

    def item_link(self, item):
        return comment_url(item, page=item.thread_page)

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.author_name


class PostCommentsFeed(LatestCommentsFeed):
    def get_object(self, request, post_id):
        return get_object_or_404(Post.objects.published(), pk=post_id)

    def title(self, post):
        return gettext("Comments on “%(title)s”") % {"title": post.title}

    def link(self, post):
        return post.get_absolute_url()

    def items(self, post):
        return _with_pages(_public_comments().filter(post=post).order_by("-created_at")[:50])

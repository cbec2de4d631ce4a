"""Reader-facing blog pages. Thin: queries live on ``Post.objects``, comments in ``comments``."""

import hashlib

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import ListView, MonthArchiveView

from comments.models import Comment

from .models import Category, Post

POSTS_PER_PAGE = 10
SUMMARY_TTL = 7 * 24 * 3600


def _listed(queryset):
    """Published posts with their approved-comment count, in one query.

    The count is a subquery per listed post (it reads the comment index of that post only),
    not a join grouped over every comment of every post; the paginator's count skips it.
    """
    approved = (
        Comment.objects.filter(post=OuterRef("pk"), status=Comment.Status.APPROVED)
        .order_by()
        .values("post")
        .annotate(n=Count("*"))
        .values("n")
    )
    return (
        queryset.published()
        .annotate(comment_count=Coalesce(Subquery(approved), 0))
        .order_by("-published_at", "-pk")
    )


class ListedPost:
    """A post on a list page, with its summary and address worked out once."""

    __slots__ = ("post", "summary", "get_absolute_url")

    def __init__(self, post, summary):
        self.post = post
        self.summary = summary
        self.get_absolute_url = post.get_absolute_url()

    def __getattr__(self, name):
        return getattr(self.post, name)


def summaries(posts):
    """{pk: summary}, cached by a hash of the text each summary is made from.

    Stripping the tags of ten bodies is most of a list page's cost; a key made of the text
    itself means an edit, however it is made, can never show an old summary.
    """
    keys = {
        post.pk: "blog:summary:" + hashlib.blake2b(post.body.encode(), digest_size=16).hexdigest()
        for post in posts
        if not post.excerpt
    }
    found = cache.get_many(list(keys.values())) if keys else {}
    fresh, result = {}, {}
    for post in posts:
        key = keys.get(post.pk)
        if key is None:
            result[post.pk] = post.excerpt
        elif key in found:
            result[post.pk] = found[key]
        else:
            result[post.pk] = fresh[key] = post.summary
    if fresh:
        cache.set_many(fresh, SUMMARY_TTL)
    return result


def listed_posts(posts):
    posts = list(posts)
    summary = summaries(posts)
    return [ListedPost(post, summary[post.pk]) for post in posts]


class ListedPostsMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object_list"] = listed_posts(context["object_list"])
        return context


class HomeView(ListedPostsMixin, ListView):
    template_name = "blog/post_list.html"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        return _listed(Post.objects.all())


class CategoryView(HomeView):
    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return _listed(self.category.posts.all())

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=f"Category: {self.category.name}", **kwargs)


class MonthArchive(ListedPostsMixin, MonthArchiveView):
    template_name = "blog/post_list.html"
    date_field = "published_at"
    month_format = "%m"
    paginate_by = POSTS_PER_PAGE
    allow_empty = False

    def get_queryset(self):
        return _listed(Post.objects.all())

    def get_context_data(self, **kwargs):
        month = kwargs.get("month") or self.get_dated_items()[2]["month"]
        return super().get_context_data(heading=f"Archive: {month:%B %Y}", **kwargs)


class SearchView(HomeView):
    template_name = "blog/search.html"

    def get_queryset(self):
        self.query = self.request.GET.get("q", "")[:200]
        return _listed(Post.objects.all()).search(self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


def post_detail(request, year, month, slug):
    post = get_object_or_404(Post.objects.published().select_related("author"), slug=slug)
    local = post.get_absolute_url()
    if local != request.path:
        # The slug is the identity; a wrong date in the URL moves to the right one.
        return redirect(local, permanent=True)
    from comments.views import comment_section_context

    context = {
        "post": post,
        "post_summary": summaries([post])[post.pk],
        **comment_section_context(request, post),
    }
    return render(request, "blog/post_detail.html", context)


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """Liveness for load balancers: no database, no template, no session."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /moderation/",
        "Disallow: /accounts/",
        "Disallow: /privacy/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """500 without context processors: the database may be what failed."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)

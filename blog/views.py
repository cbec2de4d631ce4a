"""Reader-facing blog pages. Thin: queries live on ``Post.objects``.

A post's own page shows its comments, so it is comments.post_page (wired in config/urls.py);
it uses published_post() and render_post() from here.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import ListView, MonthArchiveView

from pagecache import http, pages

from .directory import directory
from .models import Category, Page, Post
from .params import id_param, text_param

POSTS_PER_PAGE = 10
SUMMARY_TTL = 7 * 24 * 3600


def _listed(queryset):
    """Published posts, newest first; each carries its approved-comment count (kept on save)."""
    return queryset.published().order_by("-published_at", "-pk")


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
    """A list page: summaries worked out once, the page itself from pagecache when shared.

    ``show_directory``: the page lists topics and the archive by month (blog.directory).
    """

    show_directory = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object_list"] = listed_posts(context["object_list"])
        if self.show_directory:
            context["directory"] = self.directory = directory()
        return context

    def valid_until(self):
        """When the stored page must be rendered anew: when the next scheduled post appears."""
        if self.show_directory:
            return self.directory["valid_until"]  # found by the directory's own query
        return Post.objects.next_publication()

    def get(self, request, *args, **kwargs):
        if not pages.is_shared(request, params=("page",)):
            return super().get(request, *args, **kwargs)
        page = request.GET.get("page", "")
        page = str(id_param(page) or "bad") if page else ""  # "01" is page 1: one stored copy
        key, _ = pages.page_key(request, page, versions=[pages.LISTS_VERSION])
        entry, _ = pages.fetch(key)
        if entry is None:
            response = super().get(request, *args, **kwargs).render()
            # A scheduled post appears by itself: the stored list lasts until then.
            entry = pages.store(key, response, valid_until=self.valid_until())
        return _stored_answer(request, entry)


class HomeView(ListedPostsMixin, ListView):
    template_name = "blog/post_list.html"
    paginate_by = POSTS_PER_PAGE
    show_directory = True

    def get_queryset(self):
        return _listed(Post.objects.all())


class CategoryView(HomeView):
    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return _listed(self.category.posts.all())

    def get_context_data(self, **kwargs):
        heading = gettext("Category: %(name)s") % {"name": self.category.name}
        return super().get_context_data(heading=heading, **kwargs)


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
        heading = gettext("Archive: %(month)s") % {"month": date_format(month, "YEAR_MONTH_FORMAT")}
        return super().get_context_data(heading=heading, **kwargs)


class SearchView(HomeView):
    template_name = "blog/search.html"
    show_directory = False

    def get_queryset(self):
        self.query = text_param(self.request.GET.get("q", ""))
        return _listed(Post.objects.all()).search(self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


def published_post(request, slug):
    """The published post, or a permanent redirect when the URL's date is not its own."""
    post = get_object_or_404(Post.objects.published().select_related("author"), slug=slug)
    if post.get_absolute_url() != request.path:
        # The slug is the identity; a wrong date in the URL moves to the right one.
        return redirect(post.get_absolute_url(), permanent=True)
    return post


def render_post(request, post, context):
    context["post_summary"] = summaries([post])[post.pk]
    return render(request, "blog/post_detail.html", context)


@require_safe
def page_detail(request, slug):
    """A static page (About, Contact...); for readers with no session, from pagecache."""
    if not pages.is_shared(request):
        return _render_page(request, slug)
    key, _ = pages.page_key(request)
    entry, _ = pages.fetch(key)
    if entry is None:
        entry = pages.store(key, _render_page(request, slug))
    return _stored_answer(request, entry)


def _stored_answer(request, entry):
    """The stored page, or 304 when the reader's copy of it is current."""
    checked = pages.validators(request, entry)
    return http.not_modified(request, checked) or pages.respond(request, entry, checked)


def _render_page(request, slug):
    static_page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(request, "blog/page_detail.html", {"static_page": static_page})


@require_safe
def media(request, path):
    """Uploaded images under `make run` (SERVE_MEDIA, on with DEBUG).

    In production nginx serves /media/ from MEDIA_ROOT before a request reaches Django
    (deploy/nginx), or MEDIA_URL is proxied to object storage (README "Images").
    """
    from django.http import Http404
    from django.views.static import serve

    if not settings.SERVE_MEDIA:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """Liveness for load balancers: no database, no template, no session."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@cache_control(max_age=7 * 24 * 3600, public=True)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page links."""
    return FileResponse(open(settings.FAVICON_PATH, "rb"), content_type="image/x-icon")


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

"""Reader-facing blog pages. Thin: queries live on ``Post.objects``, comments in ``comments``."""

from django.db.models import Count, Q
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


def _listed(queryset):
    """Published posts with their approved-comment count, in one query."""
    return (
        queryset.published()
        .annotate(
            comment_count=Count("comments", filter=Q(comments__status=Comment.Status.APPROVED))
        )
        .order_by("-published_at", "-pk")  # GROUP BY queries drop Meta.ordering
    )


class HomeView(ListView):
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


class MonthArchive(MonthArchiveView):
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

    context = {"post": post, **comment_section_context(request, post)}
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

"""Who may moderate, where a moderator goes back to, and the one answer every action gives."""

from dataclasses import dataclass
from functools import wraps
from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from blog.params import id_param, text_param
from comments.models import Comment
from support.resources import default_region, support_reply_text

from .. import queue

PERMISSION = "comments.moderate_comment"


def moderator_required(view):
    """Anonymous: to the log-in page. Logged in without the permission: 403, no data."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied("Only moderators can see the moderation queue.")
        return view(request, *args, **kwargs)

    return wrapped


@dataclass
class QueueFilters:
    tab: str = "review"
    query: str = ""
    post_id: int | None = None

    @classmethod
    def from_params(cls, params):
        tab = params.get("tab", "review")
        return cls(
            tab=tab if tab in queue.TAB_SLUGS else "review",
            query=text_param(params.get("q", "")).strip(),
            post_id=id_param(params.get("post")),
        )

    @classmethod
    def from_url(cls, url):
        params = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        return cls.from_params(params)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def next_url(request):
    """Back to where the moderator was (same tab, search and page); never off-site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("moderation:queue")


def comment_or_404(pk):
    return get_object_or_404(Comment.objects.select_related("post", "parent"), pk=pk)


def _item_state(comment):
    return {
        "id": comment.pk,
        "status": comment.status,
        "status_label": Comment.Status(comment.status).label,
    }


def answer(request, message, comments=(), status=200, **extra):
    """One answer for every action: JSON for the page's script, else message and redirect."""
    ok = status < 400
    if wants_json(request):
        filters = QueueFilters.from_url(next_url(request))
        payload = {
            "ok": ok,
            "message": message,
            "items": [_item_state(c) for c in comments],
            "counts": queue.tab_counts(query=filters.query, post_id=filters.post_id),
            **extra,
        }
        return JsonResponse(payload, status=status)
    (messages.success if ok else messages.error)(request, message)
    return redirect(next_url(request))


def support_texts(regions):
    """One support reply per region on the page, not one per item."""
    regions = set(regions)
    fallback = default_region() if "" in regions else ""
    return {region: support_reply_text(region or fallback) for region in regions}

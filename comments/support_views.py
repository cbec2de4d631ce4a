"""Support pages: every support line, and the calm panel right after a crisis comment."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from . import identity, resources
from .crisis import assess
from .models import Comment, CrisisLevel
from .tree import comment_url


def help_for_text(request, text):
    """The support panel's context for a text that reads as distress or worse, else None.

    Shown on every page that hands such a text back to its writer, whatever went wrong with
    the sending (a duplicate, the rate limit, a field to fix, an expired form): the help does
    not wait for the comment to be accepted.
    """
    assessment = assess(text or "")
    if not assessment.is_flagged:
        return None
    region = resources.region_for_request(request)
    return {
        "level": assessment.level,
        "imminent": assessment.level == CrisisLevel.IMMINENT,
        "distress_only": assessment.level == CrisisLevel.DISTRESS,
        "resources": resources.panel_resources(
            region,
            level=assessment.level,
            categories=assessment.categories,
            grouped=resources.grouped_for_request(request),
        ),
    }


def support_page(request):
    """All resources, the reader's region first. POST remembers the picked region."""
    if request.method == "POST":
        return _remember_region(request)
    return _render_support(request)


def _render_support(request, error="", status=200):
    grouped = resources.grouped_for_request(request)
    region = resources.region_for_request(request)
    context = {
        "sections": resources.support_sections(region, grouped),
        "region": region,
        "region_name": resources.region_name(region),
        "region_listed": region in grouped,
        "region_choices": resources.region_choices(grouped),
        "region_error": error,
    }
    response = render(request, "comments/support.html", context, status=status)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def _remember_region(request):
    region = resources.normalise_region(request.POST.get("region", ""))
    choices = resources.region_choices(resources.grouped_for_request(request))
    if region not in {code for code, _name in choices}:
        return _render_support(request, error="Please choose a country from the list.", status=400)
    messages.success(
        request, f"Showing support lines for {resources.region_name(region)} first on this browser."
    )
    response = redirect("comments:support")
    response.set_cookie(
        resources.REGION_COOKIE, region, max_age=resources.REGION_COOKIE_MAX_AGE,
        samesite="Lax", httponly=True, secure=request.is_secure(),
    )  # fmt: skip
    return response


@never_cache
def after_submit(request, pk):
    """Shown right after a comment that reads as crisis or imminent, to its writer only."""
    if pk not in identity.own_comment_ids(request):
        raise Http404("No such page.")
    comment = get_object_or_404(
        Comment.objects.select_related("post").only(
            "id", "root_id", "post_id", "crisis_level", "crisis_categories", "post__id",
            "post__slug", "post__published_at",
        ),
        pk=pk,
    )  # fmt: skip
    region = resources.region_for_request(request)
    context = {
        "comment": comment,
        "post": comment.post,
        "comment_url": comment_url(comment, identity.own_comment_ids(request)),
        "imminent": comment.crisis_level == CrisisLevel.IMMINENT,
        "resources": resources.panel_resources(
            region,
            level=comment.crisis_level,
            categories=comment.crisis_categories,
            grouped=resources.grouped_for_request(request),
        ),  # fmt: skip
    }
    return render(request, "comments/after_submit.html", context)

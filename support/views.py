"""The support page: every support line, the reader's region first."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext

from . import resources
from .detection import assess
from .writer_help import writer_help_for_assessment


def help_for_text(request, text):
    """The support panel's context for a text that reads as distress or worse, else None.

    Shown on every page that hands such a text back to its writer, whatever went wrong with
    the sending (a duplicate, the rate limit, a field to fix, an expired form): the help does
    not wait for the comment to be accepted.
    """
    assessment = assess(text or "")
    if not assessment.is_flagged:
        return None
    return writer_help_for_assessment(request, assessment)


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
    response = render(request, "support/support.html", context, status=status)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def _remember_region(request):
    region = resources.normalise_region(request.POST.get("region", ""))
    choices = resources.region_choices(resources.grouped_for_request(request))
    if region not in {code for code, _name in choices}:
        return _render_support(
            request, error=gettext("Please choose a country from the list."), status=400
        )
    messages.success(
        request,
        gettext("Showing support lines for %(region)s first on this browser.")
        % {"region": resources.region_name(region)},
    )
    response = redirect("comments:support")
    response.set_cookie(
        resources.REGION_COOKIE,
        region,
        max_age=resources.REGION_COOKIE_MAX_AGE,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )
    return response

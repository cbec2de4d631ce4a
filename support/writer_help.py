"""The help a writer is shown about what they just wrote: one place for choosing it.

The panel after a crisis comment, the notice after any other comment and the panel on a page
that hands a text back all take it from ``writer_help()``, which reads only the detector's
results (level, categories, language, assessed, about_other):

- the writer's own lines: their region's, or, when they told us no region, those of the
  regions where the comment's language is spoken (resources.language_resources);
- "how to help someone" when the comment worries about another person;
- the international directory when Haven could not read the comment's language, since then
  the level says nothing about how the writer is.
"""

from . import resources
from .levels import CrisisLevel, rank
from .models import INTERNATIONAL


def writer_help(request, *, level, categories=(), language="", assessed=True, about_other=False):
    """Context for the help templates (see the module docstring), or None when there is none."""
    level = level or CrisisLevel.NONE
    if level == CrisisLevel.NONE and assessed and not about_other:
        return None
    grouped = resources.grouped_for_request(request)
    own_region = resources.readers_own_region(request)
    region = own_region or resources.region_for_request(request)
    by_language = (
        [] if own_region else resources.language_resources(language, level=level, grouped=grouped)
    )
    # Worry about someone else raises the level to distress by itself: at distress such a
    # writer gets the lines for helping, which also take their own call; above it, both.
    own_risk = rank(level) > rank(CrisisLevel.DISTRESS) or (
        level == CrisisLevel.DISTRESS and not about_other
    )
    own_lines = []
    if own_risk:
        own_lines = by_language or resources.panel_resources(
            region, level=level, categories=categories, grouped=grouped
        )
    helping = []
    if about_other:
        helping = resources.helping_resources(region, grouped=grouped)
        if own_lines:  # the writer's own lines are listed already: add only the guidance
            helping = [r for r in helping if r.category == resources.Category.HELPING]
        elif by_language:
            helping = by_language
    international = grouped.get(INTERNATIONAL, [])[:1]
    return {
        "level": level,
        "imminent": level == CrisisLevel.IMMINENT,
        "distress_only": level == CrisisLevel.DISTRESS,
        "resources": own_lines,
        "show_regions": bool(by_language),
        "helping": helping,
        "international": international[0] if international and not assessed else None,
    }


def writer_help_for_assessment(request, assessment):
    """writer_help() for what support.detection.assess() returned."""
    return writer_help(
        request,
        level=assessment.level,
        categories=assessment.categories,
        language=assessment.language,
        assessed=assessment.assessed,
        about_other=assessment.about_other,
    )

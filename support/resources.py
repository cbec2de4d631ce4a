"""Crisis resources for a reader's region, from one cached structure.

Every list a page shows (footer, support page, the note above comment forms, the panel after a
crisis comment, a moderator's reply) comes from ``all_by_region()``: all active resources grouped
by region, cached under a versioned key. Saving or deleting a CrisisResource bumps the version,
so an edit shows at once and a warm page costs no query for them.
"""

import re

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation.trans_real import parse_accept_lang_header

from pagecache.versions import SITE_SETTINGS_VERSION, current_versions, kept, versioned

from .levels import CrisisLevel
from .models import INTERNATIONAL, REGION_NAMES, RESOURCES_VERSION, CrisisResource

Category = CrisisResource.Category

REGION_COOKIE = "haven_region"
REGION_COOKIE_MAX_AGE = 365 * 24 * 3600
DATA_TIMEOUT = 3600  # a safety net for changes that bypass save(), e.g. queryset.update()
# Where a comment's language is spoken, for a writer whose own region is unknown: the main
# regions' lines are shown, then Find A Helpline (language_resources).
LANGUAGE_REGIONS = {"es": ("ES", "MX"), "fr": ("FR", "BE"), "de": ("DE", "AT"), "pt": ("BR", "PT")}
REGION_ALIASES = {"UK": "GB"}  # "en-UK" is common in the wild, though not ISO
ABUSE_WORDS = ("abuse", "assault", "rape")  # crisis categories that add a sexual-assault line


# The cached structure ------------------------------------------------------------------------


def resources_version():
    return RESOURCES_VERSION.get()


def all_by_region():
    """{region: [active resources in display order]}: one query when cold, none when warm."""

    def group():
        grouped = {}
        for resource in CrisisResource.objects.active().order_by("region", "order", "name"):
            grouped.setdefault(resource.region, []).append(resource)
        return grouped

    return kept(cache, "crisis-resources", [resources_version()], group, DATA_TIMEOUT)


def region_table(versions=None):
    """What choosing a reader's region needs, in one cache read: {"known", "default"}.

    ``versions``: the resources' and the site settings' versions, when the caller has them.
    """
    if versions is None:
        versions = current_versions([RESOURCES_VERSION, SITE_SETTINGS_VERSION])
    return kept(
        versioned,
        "crisis-resources:regions",
        versions,
        lambda: {
            "known": frozenset(all_by_region()) | {INTERNATIONAL},
            "default": default_region(),
        },
        DATA_TIMEOUT,
    )


def grouped_for_request(request):
    """all_by_region(), read once per request."""
    if request is None:
        return all_by_region()
    if not hasattr(request, "_crisis_resources"):
        request._crisis_resources = all_by_region()
    return request._crisis_resources


# Choosing resources --------------------------------------------------------------------------


def normalise_region(value):
    """An upper-case ISO code or INTL, or "" when the value is not a region code at all."""
    code = str(value or "").strip().upper()
    code = REGION_ALIASES.get(code, code)
    return code if re.fullmatch(r"[A-Z]{2}|INTL", code) else ""


def region_name(code):
    return REGION_NAMES.get(code, code)


def _emergency_rank(resource, emergency_first):
    """Emergency services lead when risk looks immediate; otherwise the listening lines lead."""
    is_emergency = resource.category == Category.EMERGENCY
    return 0 if is_emergency == emergency_first else 1


def resources_for(region, *, limit=3, emergency_first=False, category=None, grouped=None):
    """Up to ``limit`` resources for a region, ending with Find A Helpline (the INTL directory).

    With ``category`` only the region's resources of that category are returned (no fallback).
    """
    grouped = all_by_region() if grouped is None else grouped
    region = normalise_region(region)
    own = list(grouped.get(region, [])) if region != INTERNATIONAL else []
    if category:
        return [r for r in own if r.category == category][:limit]
    own = [r for r in own if r.category != Category.HELPING]  # for someone else: see below
    own.sort(key=lambda r: _emergency_rank(r, emergency_first))
    fallback = grouped.get(INTERNATIONAL, [])
    if not fallback:
        return own[:limit]
    return own[: max(limit - 1, 0)] + fallback[:1]


def panel_resources(region, *, level, categories=(), grouped=None):
    """The 2-3 lines shown right after a crisis comment.

    Imminent: emergency services first. Crisis about abuse or assault: the region's
    sexual-assault line takes the second place.
    """
    imminent = level == CrisisLevel.IMMINENT
    chosen = resources_for(region, emergency_first=imminent, grouped=grouped)
    about_abuse = any(word in str(c).lower() for c in categories for word in ABUSE_WORDS)
    if about_abuse and not imminent and len(chosen) >= 2:
        line = resources_for(region, category=Category.SEXUAL_ASSAULT, limit=1, grouped=grouped)
        if line and line[0] not in chosen:
            chosen = chosen[:1] + line + chosen[-1:]
    return chosen


def language_resources(language, *, level, grouped=None):
    """For a writer whose region is unknown: the main line of each region where ``language``
    is spoken, then Find A Helpline. Empty for a language without regions listed here.

    Imminent: each region's emergency number instead of its listening line.
    """
    grouped = all_by_region() if grouped is None else grouped
    imminent = level == CrisisLevel.IMMINENT
    chosen = []
    for region in LANGUAGE_REGIONS.get(language, ()):
        own = resources_for(region, limit=2, emergency_first=imminent, grouped=grouped)
        chosen += [r for r in own if r.region == region][:1]
    if not chosen:
        return []
    return chosen + grouped.get(INTERNATIONAL, [])[:1]


def helping_resources(region, *, limit=3, grouped=None):
    """For a writer worried about someone else: how to help them, then someone to talk to.

    The region's "helping someone" guidance, then its main listening line (they take calls
    about someone else too), ending with Find A Helpline.
    """
    grouped = all_by_region() if grouped is None else grouped
    region = normalise_region(region)
    guidance = resources_for(region, category=Category.HELPING, limit=1, grouped=grouped)
    lines = resources_for(region, limit=limit, grouped=grouped)
    talk = [r for r in lines if r.category != Category.EMERGENCY and r.region == region]
    fallback = grouped.get(INTERNATIONAL, [])[:1]
    return (guidance + talk)[: max(limit - len(fallback), 0)] + fallback


# The reader's region --------------------------------------------------------------------------


def region_from_accept_language(header, known):
    """The first language tag, by preference, whose region we have resources for."""
    for tag, _quality in parse_accept_lang_header(header or ""):
        for part in tag.split("-")[1:]:
            code = normalise_region(part) if len(part) == 2 and part.isalpha() else ""
            if code in known:
                return code
    return ""


# Where the site's default region is read from. The setting is edited with the site's other
# settings (blog.SiteSettings), which this app must not import: the app that knows both
# (comments.apps) sets this at start-up. Its changes bump SITE_SETTINGS_VERSION.
site_default_region = {"read": lambda: ""}


def default_region():
    return normalise_region(site_default_region["read"]()) or INTERNATIONAL


def region_for_request(request, versions=None):
    """The picker's cookie, else a hint from Accept-Language, else the site's default region.

    ``versions`` as for region_table().
    """
    if getattr(request, "_support_region", None):
        return request._support_region
    table = region_table(versions)
    region = _readers_own_region(request, table["known"]) or table["default"]
    request._support_region = region
    return region


def readers_own_region(request):
    """The region the reader told us (the picker's cookie or Accept-Language), else "".

    Unlike region_for_request(), never the site's default: a comment's language then says
    more about where its writer may be (language_resources).
    """
    if not hasattr(request, "_support_own_region"):
        request._support_own_region = _readers_own_region(request, region_table()["known"])
    return request._support_own_region


def _readers_own_region(request, known):
    chosen = normalise_region(request.COOKIES.get(REGION_COOKIE, ""))
    return (chosen if chosen in known else "") or region_from_accept_language(
        request.META.get("HTTP_ACCEPT_LANGUAGE", ""), known
    )


def region_choices(grouped=None):
    """(code, name) for the region picker: every region we list, "Another country" last."""
    grouped = all_by_region() if grouped is None else grouped
    codes = sorted((c for c in grouped if c != INTERNATIONAL), key=lambda c: str(region_name(c)))
    return [(code, region_name(code)) for code in [*codes, INTERNATIONAL]]


# What pages use -------------------------------------------------------------------------------


def footer_context(request):
    """Context for every page's footer. Lazy: nothing is read until a template uses it."""
    return {
        "support_region": SimpleLazyObject(lambda: region_for_request(request)),
        "support_region_name": SimpleLazyObject(lambda: region_name(region_for_request(request))),
        "footer_resources": SimpleLazyObject(
            lambda: resources_for(region_for_request(request), grouped=grouped_for_request(request))
        ),
        "support_regions": SimpleLazyObject(lambda: region_choices(grouped_for_request(request))),
    }


def support_sections(region, grouped=None):
    """Every region's resources grouped by category, the reader's region first, INTL last."""
    grouped = all_by_region() if grouped is None else grouped
    order = [code for code, _name in region_choices(grouped)]
    if region in order:
        order.remove(region)
        order.insert(0, region)
    sections = []
    for code in order:
        resources = grouped.get(code, [])
        if not resources:
            continue
        categories = [
            (label, [r for r in resources if r.category == value])
            for value, label in Category.choices
        ]
        sections.append(
            {
                "code": code,
                "name": region_name(code),
                "is_reader_region": code == region,
                "categories": [(label, items) for label, items in categories if items],
            }
        )
    return sections


def contact_text(resource):
    """How to reach a resource, in words: "call 116 123", "text HOME to 741741"."""
    ways = []
    if resource.phone:
        ways.append(
            gettext("call %(number)s")
            % {"number": gettext(resource.phone_display or resource.phone)}
        )
    if resource.sms_number:
        if resource.sms_keyword:
            text = gettext("text %(keyword)s to %(number)s")
            ways.append(text % {"keyword": resource.sms_keyword, "number": resource.sms_number})
        else:
            ways.append(gettext("text %(number)s") % {"number": resource.sms_number})
    if resource.url and not ways:
        ways.append(resource.url)
    text = ways[0] if ways else ""
    for way in ways[1:]:
        text = gettext("%(first)s or %(second)s") % {"first": text, "second": way}
    if resource.hours == "24/7":
        return gettext("%(ways)s (%(hours)s)") % {"ways": text, "hours": gettext(resource.hours)}
    return text


def support_reply_text(region):
    """A short, kind reply a moderator edits before sending, with the region's resources.

    A comment with no region recorded gets the site's default region.
    """
    region = normalise_region(region) or default_region()
    grouped = all_by_region()
    resources = resources_for(region, grouped=grouped)
    lines = [
        gettext(
            "Thank you for telling us this. I'm really glad you wrote, and I'm sorry things are "
            "this hard right now."
        ),
        "",
        gettext("If you need someone to talk to now, these are free and confidential:"),
    ]
    for resource in resources:
        if resource.category == Category.DIRECTORY:
            line = gettext("- %(name)s: %(url)s lists free helplines in your country.")
            lines.append(line % {"name": gettext(resource.name), "url": resource.url})
        else:
            line = gettext("- %(name)s: %(contact)s")
            lines.append(line % {"name": gettext(resource.name), "contact": contact_text(resource)})
    emergency = resources_for(region, category=Category.EMERGENCY, limit=1, grouped=grouped)
    number = gettext(emergency[0].phone_display or emergency[0].phone) if emergency else ""
    lines += [
        "",
        gettext("If you are in danger right now, please call %(number)s.") % {"number": number}
        if number
        else gettext("If you are in danger right now, please call your local emergency number."),
        "",
        gettext("You are welcome here, and we will keep reading."),
    ]
    return "\n".join(lines)


def stale_resources():
    """Active resources not verified for more than CRISIS_RESOURCE_STALE_DAYS days."""
    return CrisisResource.objects.stale()

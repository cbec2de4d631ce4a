"""What the home page offers a reader looking for something: topics and the archive by month.

Built by one query over the published and scheduled posts, and kept in the cache under the
content version (bumped by any change of a post or category, blog.signals) until the next
scheduled post appears, so a home page rendered anew costs no more queries than before.
"""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from pagecache.pages import CONTENT_VERSION

from .models import Post

TTL = 24 * 3600


@dataclass(frozen=True)
class Topic:
    name: str
    url: str
    count: int


@dataclass(frozen=True)
class Year:
    year: int
    months: tuple  # ((date of the 1st, url), ...), newest first


def directory():
    """{"topics": [Topic], "years": [Year], "valid_until": when it next changes by itself}."""
    version = CONTENT_VERSION.get()
    key = f"blog:directory:{version}"
    found = cache.get(key) if version else None
    if found is not None and not _expired(found):
        return found
    built = _build()
    if version:
        cache.set(key, built, TTL)
    return built


def _expired(entry):
    return entry["valid_until"] is not None and timezone.now() >= entry["valid_until"]


def _build():
    now = timezone.now()
    rows = (
        Post.objects.filter(status__in=[Post.Status.PUBLISHED, Post.Status.SCHEDULED])
        .annotate(month=TruncMonth("published_at"))
        .values("month", "categories__name", "categories__slug")
        .annotate(
            shown=Count("pk", filter=Q(published_at__lte=now)),
            next=Min("published_at", filter=Q(published_at__gt=now)),
        )
        .order_by()
    )
    topics, months, upcoming = {}, set(), []
    for row in rows:
        if row["next"] is not None:
            upcoming.append(row["next"])
        if not row["shown"]:
            continue
        month = row["month"]
        months.add(date(month.year, month.month, 1))
        if row["categories__slug"]:
            name_slug = (row["categories__name"], row["categories__slug"])
            topics[name_slug] = topics.get(name_slug, 0) + row["shown"]
    return {
        "topics": [
            Topic(name, reverse("blog:category", args=[slug]), count)
            for (name, slug), count in sorted(topics.items(), key=lambda kv: kv[0][0].casefold())
        ],
        "years": _years(sorted(months, reverse=True)),
        "valid_until": min(upcoming) if upcoming else None,
    }


def _years(months):
    years = {}
    for first in months:
        url = reverse("blog:month", args=[first.year, f"{first.month:02d}"])
        years.setdefault(first.year, []).append((first, url))
    return [Year(year, tuple(entries)) for year, entries in years.items()]

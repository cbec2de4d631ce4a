"""Fixed-window rate limits that every process and app server shares.

With Redis, ``cache.add`` then ``cache.incr`` is atomic, so 30 simultaneous posts with a limit
of 5 accept exactly 5. Without Redis (and while Redis is down) the count is a row in the
database (RateCounter), raised by one atomic ``UPDATE ... SET count = count + 1``: PostgreSQL
locks the row and SQLite the database, so gunicorn's workers never count past each other.
"""

import logging
import re
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

from .models import RateCounter

log = logging.getLogger(__name__)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_warned = {"down": False}


def parse_rate(rate):
    """'5/10m' -> (5, 600)."""
    match = re.fullmatch(r"(\d+)/(\d*)([smhd])", rate.strip())
    if not match:
        raise ValueError(f"Bad rate {rate!r}: use e.g. 5/10m")
    count, number, unit = match.groups()
    return int(count), int(number or 1) * _UNITS[unit]


def _database_incr(bucket, window_end):
    """Add one to ``bucket`` in the database; the new count."""
    expires_at = datetime.fromtimestamp(window_end, UTC)
    with transaction.atomic():
        if not RateCounter.objects.filter(bucket=bucket).update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateCounter.objects.create(bucket=bucket, count=1, expires_at=expires_at)
                return 1
            except IntegrityError:  # another worker created it first: count on its row
                RateCounter.objects.filter(bucket=bucket).update(count=F("count") + 1)
        return RateCounter.objects.values_list("count", flat=True).get(bucket=bucket)


def _cache_incr(bucket, window):
    try:
        cache.add(bucket, 0, window + 5)
        count = cache.incr(bucket)
    except Exception:  # Redis down (ignored errors make incr raise ValueError or return None)
        count = None
    if count is None and not _warned["down"]:
        log.warning("cache unavailable: rate limits count in the database until it returns")
        _warned["down"] = True
    return count


def hit(scope, key, rate):
    """Count one event; True if it is within ``rate``."""
    limit, window = parse_rate(rate)
    number = int(time.time() // window)
    bucket = f"rl:{scope}:{key}:{window}:{number}"
    count = _cache_incr(bucket, window) if settings.REDIS_URL else None
    if count is None:
        count = _database_incr(bucket, (number + 1) * window)
    else:
        _warned["down"] = False
    return count <= limit


def purge_expired(now=None):
    """Forget finished windows (run by purge_comments); the number of rows deleted."""
    now = now or datetime.now(UTC)
    return RateCounter.objects.filter(expires_at__lt=now - timedelta(minutes=5)).delete()[0]
